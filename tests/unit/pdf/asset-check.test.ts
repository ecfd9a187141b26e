/**
 * Pictures preflight must not pass because export cannot read them: damaged PNG data, a JPEG header claiming
 * 65535 × 65535, an encrypted PDF, PDFs that loop. Preflight's check and export fail on the same files, export
 * with one line naming the picture, its frame and page; a decode is shared between them.
 */
import { describe, expect, it } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { checkAsset, decodeJpegChecked, decodePngChecked, forgetDecodedPixels, MAX_IMAGE_MEGAPIXELS } from '../../../src-core/pdf/asset-check.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { fixtureInput, loadFonts } from './fixtures.js';
import { crcDamagedPng, encryptedPdf, hugeHeaderJpeg, loopingPdf, pagelessPdf, placedPdf, rgbJpeg, truncatedDataPng, twoColourRgbPng } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);

function picturePage(): PageLayout {
  const rect = { xPt: 20, yPt: 20, widthPt: 100, heightPt: 60 };
  return {
    pageId: 'p', pageName: 'A03', trimWidthPt: 200, trimHeightPt: 200, bleedPt: 0, typeArea: { xPt: 10, yPt: 10, widthPt: 180, heightPt: 180 },
    items: [{ kind: 'image', assetId: 'pic', rect, clip: rect, frameId: 'photo-2' }], lines: [], overset: [], copyfit: [], warnings: [],
  };
}

async function exportWith(bytes: Uint8Array, preset: 'print' | 'proof'): Promise<Uint8Array> {
  return exportPdf({ ...fixtureInput(fonts, preset, [picturePage()]), bleedPt: 0, slugPt: 0, assets: async () => ({ bytes, mime: 'x', name: '城南新区.png' }) });
}

const cases: { name: string; bytes: () => Promise<Uint8Array> | Uint8Array; problem: RegExp }[] = [
  { name: 'a PNG damaged in transfer (IDAT checksum)', bytes: crcDamagedPng, problem: /^PNG is damaged: its IDAT chunk fails its checksum \(CRC-32\)$/ },
  { name: 'a PNG whose image data stops halfway', bytes: truncatedDataPng, problem: /^PNG image data is damaged \(unexpected EOF\)$/ },
  { name: 'a JPEG header claiming 65535 × 65535', bytes: hugeHeaderJpeg, problem: /^it is 65535 × 65535 pixels \(4295 megapixels\); pictures up to 100 megapixels can be printed/ },
  { name: 'an encrypted PDF', bytes: encryptedPdf, problem: /^the PDF is encrypted: ask the advertiser for an unprotected PDF\/X file$/ },
  { name: 'a PDF whose page tree contains itself', bytes: () => loopingPdf('page-tree'), problem: /^the PDF’s page tree loops back on itself/ },
  { name: 'a PDF whose page tree has no kids', bytes: pagelessPdf, problem: /^the PDF has no pages$/ },
  { name: 'a PDF with a form XObject that draws itself', bytes: () => loopingPdf('form'), problem: /^a form XObject in the PDF draws itself/ },
];

describe('assets export cannot read are caught by preflight and refused by export in one line', () => {
  it('uses the pixel cap placing applies (100 MP)', () => {
    expect(MAX_IMAGE_MEGAPIXELS).toBe(100);
  });

  for (const c of cases) {
    it(`regression: ${c.name}`, async () => {
      const bytes = await c.bytes();
      const info = await checkAsset(bytes);
      expect(info.problem, 'preflight problem').toMatch(c.problem);
      for (const preset of ['print', 'proof'] as const) {
        const failure = await exportWith(bytes, preset).then(() => undefined, (err: unknown) => err);
        expect(failure, preset).toBeInstanceOf(RangeError);
        const message = (failure as Error).message;
        expect(message.startsWith('Picture "城南新区.png" in frame "photo-2" on page A03 cannot be exported: '), message).toBe(true);
        expect(message.slice(message.indexOf('exported: ') + 10)).toMatch(c.problem);
        expect(message).not.toContain('\n');
      }
    });
  }

  it('passes readable pictures, and a PDF whose page is its own parent (nothing needs the parent)', async () => {
    for (const bytes of [twoColourRgbPng(8, 8, [0, 0, 0], [255, 255, 255]), rgbJpeg(16, 16, [10, 120, 200]), await placedPdf({ c: 0, m: 1, y: 0, k: 0 }), await loopingPdf('parent')]) {
      expect((await checkAsset(bytes)).problem).toBeUndefined();
    }
    const pdf = await exportWith(await loopingPdf('parent'), 'print');
    expect(new TextDecoder().decode(pdf.subarray(0, 5))).toBe('%PDF-');
  });

  it("shares a decode: export reuses the pixels preflight decoded from the same bytes", async () => {
    const jpeg = rgbJpeg(24, 16, [10, 120, 200]);
    await checkAsset(jpeg);
    expect(decodeJpegChecked(jpeg)).toBe(decodeJpegChecked(jpeg));
    const png = twoColourRgbPng(8, 8, [0, 0, 0], [255, 255, 255]);
    await checkAsset(png);
    expect(decodePngChecked(png)).toBe(decodePngChecked(png));
    // Equal bytes in another buffer are another asset: decoded afresh, the same pixels.
    const copy = png.slice();
    expect(decodePngChecked(copy)).not.toBe(decodePngChecked(png));
    expect(decodePngChecked(copy).pixels).toEqual(decodePngChecked(png).pixels);
    // When the export job ends, the pixels go.
    const kept = decodePngChecked(png);
    forgetDecodedPixels();
    expect(decodePngChecked(png)).not.toBe(kept);
  });
});
