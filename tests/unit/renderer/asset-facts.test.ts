/** The app's preflight panel reads assets the way export does (issue 13): a picture export refuses is an error there too. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import type { ImageInfo } from '../../../src-core/pdf/image-info.js';
import { assetFacts } from '../../../src-renderer/state/asset-facts.js';
import { collectFindings } from '../../../src-renderer/state/findings.js';
import { crcDamagedPng, encryptedPdf, hugeHeaderJpeg, loopingPdf, truncatedDataPng } from '../pdf/test-assets.js';

const sample = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio')));
const doc = sample.document;
const photo = doc.pages[0]!.frames.find((f) => f.kind === 'image' && f.assetId)!;
const assetId = (photo as { assetId: string }).assetId;
const layout: PageLayout = {
  pageId: doc.pages[0]!.id, pageName: doc.pages[0]!.name, trimWidthPt: 1105, trimHeightPt: 1545, bleedPt: 0,
  typeArea: { xPt: 0, yPt: 0, widthPt: 1105, heightPt: 1545 }, items: [], lines: [], overset: [], copyfit: [], warnings: [],
};
const unreadable = (info: ImageInfo) =>
  collectFindings(doc, [layout], new Map([[assetId, info]]), undefined, 'print').filter((f) => f.code === 'unreadable-asset' && f.frameId === photo.id);

describe('assetFacts (what the preflight panel knows about a picture)', () => {
  it('finds damaged pictures and PDFs the export cannot read, which their headers do not show', async () => {
    const hostile: [string, Uint8Array][] = [
      ['a PNG with a damaged checksum', crcDamagedPng()],
      ['a PNG whose data ends early', truncatedDataPng()],
      ['a JPEG claiming 65535 × 65535 pixels', hugeHeaderJpeg()],
      ['an encrypted PDF', await encryptedPdf()],
      ['a PDF whose page tree loops', await loopingPdf('page-tree')],
    ];
    for (const [what, bytes] of hostile) {
      const found = unreadable(await assetFacts(bytes));
      expect(found, what).toHaveLength(1);
      expect(found[0]!.severity, what).toBe('error');
    }
  });

  it('passes the sample\'s own picture', async () => {
    const bytes = sample.assets.get(doc.assets[assetId]!.path)!;
    const info = await assetFacts(bytes);
    expect(info.problem).toBeUndefined();
    expect(unreadable(info)).toEqual([]);
  });
});
