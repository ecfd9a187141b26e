/**
 * PDF/X-4 and the plant's output profile in the core exporter: ICC header checks, the OutputIntent's
 * DestOutputProfile, XMP metadata, PDF 1.6, and RGB pictures separated through the profile's transform
 * (here a stand-in converter, so the test sees exactly which samples reach the file).
 */
import { readFileSync } from 'node:fs';
import { unzlibSync } from 'fflate';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { exportPdf, type OutputProfile } from '../../../src-core/pdf/export.js';
import { checkPrintOutputProfile, readIccProfile } from '../../../src-core/pdf/icc.js';
import { GHOSTSCRIPT_CMYK_ICC, GHOSTSCRIPT_RGB_ICC, fixtureInput, loadFonts, tool, writeArtifact } from './fixtures.js';
import { twoColourRgbPng } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const profileBytes = new Uint8Array(readFileSync(GHOSTSCRIPT_CMYK_ICC));
/** What the stand-in transform writes for every pixel: recognisable, and not what the default formula gives. */
const MARKER_CMYK = [11, 22, 33, 44];

function standInProfile(calls: { pixels: number; firstRgb: number[] }[]): OutputProfile {
  return {
    bytes: profileBytes,
    info: readIccProfile(profileBytes),
    convertRgb(rgb, pixelCount) {
      calls.push({ pixels: pixelCount, firstRgb: [...rgb.subarray(0, 3)] });
      const out = new Uint8Array(pixelCount * 4);
      for (let i = 0; i < pixelCount; i++) out.set(MARKER_CMYK, i * 4);
      return out;
    },
  };
}

function photoPage(): PageLayout {
  const rect = { xPt: 20, yPt: 20, widthPt: 100, heightPt: 100 };
  return {
    pageId: 'p1', pageName: 'A01', trimWidthPt: 300, trimHeightPt: 300, bleedPt: 0,
    typeArea: { xPt: 10, yPt: 10, widthPt: 280, heightPt: 280 },
    items: [{ kind: 'image', assetId: 'photo', rect, clip: rect }], lines: [], overset: [], copyfit: [], warnings: [],
  };
}

async function exportX4(profile: OutputProfile | undefined, standard: 'x1a' | 'x4' = 'x4'): Promise<Uint8Array> {
  return exportPdf({
    ...fixtureInput(fonts, 'print', [photoPage()]),
    assets: async () => ({ bytes: twoColourRgbPng(8, 8, [200, 40, 40], [40, 40, 200]), mime: 'image/png' }),
    standard,
    ...(profile ? { outputProfile: profile } : {}),
  });
}

describe('ICC profiles handed in by print staff', () => {
  it('reads a CMYK output profile: class, colour space, version and name', () => {
    const info = readIccProfile(profileBytes);
    expect(info).toMatchObject({ deviceClass: 'prtr', colourSpace: 'CMYK', connectionSpace: 'Lab ', components: 4 });
    expect(info.description).toBe('Artifex CMYK SWOP Profile');
    expect(() => checkPrintOutputProfile(info)).not.toThrow();
  });

  it('refuses an RGB profile, a file that is no profile, and a truncated one, saying which', () => {
    expect(() => checkPrintOutputProfile(readIccProfile(new Uint8Array(readFileSync(GHOSTSCRIPT_RGB_ICC))))).toThrow(/describes RGB, not CMYK/);
    expect(() => readIccProfile(new TextEncoder().encode('x'.repeat(400)))).toThrow(/not an ICC profile/);
    expect(() => readIccProfile(profileBytes.subarray(0, 1000))).toThrow(/truncated/);
  });
});

describe('PDF/X-4 export', () => {
  it('needs the plant profile', async () => {
    await expect(exportX4(undefined)).rejects.toThrow(/PDF\/X-4 needs the plant's ICC output profile/);
  });

  it('writes PDF 1.6, X-4 Info and XMP, and embeds the profile as DestOutputProfile (N 4)', async () => {
    const bytes = await exportX4(standInProfile([]));
    const path = writeArtifact('x4-print.pdf', bytes);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.6');
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const info = doc.context.lookup(doc.context.trailerInfo.Info, PDFDict);
    expect(info.get(PDFName.of('GTS_PDFXVersion'))?.toString()).toBe('(PDF/X-4)');
    expect(info.get(PDFName.of('GTS_PDFXConformance'))).toBeUndefined();
    expect(info.get(PDFName.of('Trapped'))?.toString()).toBe('/False');

    const metadata = doc.context.lookup(doc.catalog.get(PDFName.of('Metadata'))) as PDFRawStream;
    const xmp = new TextDecoder().decode(metadata.contents);
    expect(xmp).toContain('<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>');
    expect(xmp).toMatch(/<xmpMM:DocumentID>uuid:[0-9a-f-]{36}<\/xmpMM:DocumentID>/);
    expect(xmp).toContain('<pdf:Trapped>False</pdf:Trapped>');
    expect(tool('pdfinfo', ['-meta', path])).toContain('PDF/X-4');

    const intents = doc.catalog.lookup(PDFName.of('OutputIntents'), PDFArray);
    const intent = doc.context.lookup(intents.get(0), PDFDict);
    expect(intent.get(PDFName.of('Info'))?.toString()).toBe('(Artifex CMYK SWOP Profile)');
    const profile = doc.context.lookup(intent.get(PDFName.of('DestOutputProfile')), PDFStream) as PDFRawStream;
    expect(profile.dict.get(PDFName.of('N'))?.toString()).toBe('4');
    expect(unzlibSync(profile.contents)).toEqual(profileBytes);
  });

  it('is reproducible: the same input and date give the same bytes', async () => {
    const a = await exportX4(standInProfile([]));
    const b = await exportX4(standInProfile([]));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('separates RGB pictures through the profile transform instead of the default formula', async () => {
    const calls: { pixels: number; firstRgb: number[] }[] = [];
    const bytes = await exportX4(standInProfile(calls));
    expect(calls).toEqual([{ pixels: 64, firstRgb: [200, 40, 40] }]);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const images = doc.context.enumerateIndirectObjects()
      .map(([, object]) => object)
      .filter((o): o is PDFRawStream => o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Image');
    expect(images).toHaveLength(1);
    expect(images[0].dict.get(PDFName.of('ColorSpace'))?.toString()).toBe('/DeviceCMYK');
    expect([...unzlibSync(images[0].contents).subarray(0, 8)]).toEqual([...MARKER_CMYK, ...MARKER_CMYK]);
  });

  it('PDF/X-1a with a plant profile embeds it too and stays PDF 1.3', async () => {
    const bytes = await exportX4(standInProfile([]), 'x1a');
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('%PDF-1.3');
    const text = Buffer.from(bytes).toString('latin1');
    expect(text).toContain('/DestOutputProfile');
    expect(text).toContain('/GTS_PDFXConformance (PDF/X-1a:2001)');
    expect(text).not.toContain('/Metadata');
  });
});
