/**
 * TIFFs in preflight and placing (issue 15 item 9): a damaged or unsupported TIFF is an `unreadable-asset` error
 * named by file, in the words export would use; an RGB TIFF is reported for print as RGB pictures are; placing
 * refuses what export cannot decode and stores the rest as `image/tiff`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { DOCUMENT_SCHEMA_VERSION, FolioDocumentSchema, type FolioDocument, type Frame } from '../../../src-core/model/document.js';
import { collectAssetInfo, preflight } from '../../../src-core/preflight/preflight.js';
import { describeAssetBytes } from '../../../src-main/services/import-asset.js';
import { ROOT } from '../pdf/fixtures.js';
import { encodeTiff, gradient } from '../pdf/tiff-assets.js';

const template = JSON.parse(readFileSync(join(ROOT, 'templates/tabloid.json'), 'utf8'));
const rgbTiff = (): Uint8Array => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 2, samplesPerPixel: 3, samples: gradient(8, 8, 3), compression: 'lzw' });
const cmykTiff = (): Uint8Array => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 5, samplesPerPixel: 4, samples: gradient(8, 8, 4), compression: 'deflate' });
const sixteenBit = (): Uint8Array => encodeTiff({ widthPx: 8, heightPx: 8, photometric: 2, samplesPerPixel: 3, samples: new Uint8Array(384), bitsPerSample: 16 });
const cutShort = (): Uint8Array => rgbTiff().subarray(0, 160);

describe('TIFFs in preflight', () => {
  it('reports damaged and unsupported TIFFs as errors and RGB TIFFs as RGB, for print', async () => {
    const bytes: Record<string, Uint8Array> = { rgb: rgbTiff(), cmyk: cmykTiff(), deep: sixteenBit(), cut: cutShort() };
    const assets = Object.fromEntries(Object.keys(bytes).map((id) => [id, { id, path: `assets/${id}.tif`, mime: 'image/tiff', note: `placed from ${id}.tif` }]));
    const frames = Object.keys(bytes).map((id) => ({ id: `i-${id}`, kind: 'image', assetId: id, xPt: 60, yPt: 300, widthPt: 100, heightPt: 100 }) as Partial<Frame>);
    const doc: FolioDocument = FolioDocumentSchema.parse({
      schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'd1', title: 'Test', issue: { paper: '德清新闻', date: '2026-11-25' }, template,
      stories: {}, pages: [{ id: 'p1', name: 'A01', frames }], assets,
    });
    const layout: PageLayout = {
      pageId: 'p1', pageName: 'A01', trimWidthPt: 600, trimHeightPt: 800, bleedPt: 0, typeArea: { xPt: 50, yPt: 60, widthPt: 500, heightPt: 700 },
      items: [], lines: [], overset: [], copyfit: [], warnings: [],
    };
    const info = await collectAssetInfo(doc, async (id) => ({ bytes: bytes[id]!, mime: 'image/tiff' }), 'print');
    const findings = preflight(doc, [layout], { preset: 'print', assetInfo: info }).filter((f) => f.code === 'unreadable-asset' || f.code === 'rgb-image');
    // Errors first, then warnings.
    expect(findings.map((f) => [f.severity, f.code, f.frameId])).toEqual([
      ['error', 'unreadable-asset', 'i-deep'],
      ['error', 'unreadable-asset', 'i-cut'],
      ['warning', 'rgb-image', 'i-rgb'],
    ]);
    expect(findings[0]!.message).toBe('Picture "deep.tif" cannot be exported: it is a 16-bit TIFF; only 8 bits per sample can be placed (save it as 8-bit)');
    expect(findings[1]!.message).toBe('Picture "cut.tif" cannot be exported: its TIFF strip 1 of 1 lies beyond the end of the file (the file is cut short)');
  });
});

describe('placing a TIFF', () => {
  it('stores RGB and CMYK TIFFs as image/tiff with their pixel size', async () => {
    const rgb = await describeAssetBytes(rgbTiff(), '航拍.tif');
    expect(rgb).toMatchObject({ format: 'tiff', colour: 'rgb', asset: { mime: 'image/tiff', widthPx: 8, heightPx: 8 } });
    expect(rgb.asset.path).toMatch(/^assets\/img-[0-9a-f]{12}\.tif$/);
    expect((await describeAssetBytes(cmykTiff(), '广告.tiff')).colour).toBe('cmyk');
  });

  it('refuses a 16-bit TIFF in one line naming the file and the reason', async () => {
    await expect(describeAssetBytes(sixteenBit(), '扫描.tif')).rejects.toThrow('"扫描.tif" cannot be placed: it is a 16-bit TIFF; only 8 bits per sample can be placed (save it as 8-bit).');
  });
});
