/** Preflight over small documents: one case per finding, plus a clean document that finds nothing. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { DOCUMENT_SCHEMA_VERSION, FolioDocumentSchema, type FolioDocument, type Frame } from '../../../src-core/model/document.js';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import { readImageInfo, type ImageInfo } from '../../../src-core/pdf/image-info.js';
import { collectAssetInfo, effectivePpiOf, preflight, type Finding } from '../../../src-core/preflight/preflight.js';
import { createFontProvider } from '../../../src-core/text/font.js';
import { ROOT, loadFonts } from '../pdf/fixtures.js';
import { cmyk, PDFDocument, rgb, StandardFonts } from 'pdf-lib';
import { createFontkitAdapter } from '../../../src-core/pdf/fontkit-adapter.js';
import { inspectPdfAsset } from '../../../src-core/pdf/pdf-asset-info.js';
import { adobeCmykJpeg, crcDamagedPng, encryptedPdf, hostileAdvertPdf, hugeHeaderJpeg, loopingPdf, placedPdf, rgbJpeg, twoColourRgbPng } from '../pdf/test-assets.js';

const template = JSON.parse(readFileSync(join(ROOT, 'templates/tabloid.json'), 'utf8'));
const TYPE_AREA = { xPt: 50, yPt: 60, widthPt: 500, heightPt: 700 };
const para = (text: string) => ({ type: 'doc', content: [{ type: 'paragraph', content: text ? [{ type: 'text', text }] : [] }] });

function makeDoc(frames: Partial<Frame>[], extra: Partial<FolioDocument> = {}): FolioDocument {
  return FolioDocumentSchema.parse({
    schemaVersion: DOCUMENT_SCHEMA_VERSION, id: 'd1', title: 'Test', issue: { paper: '德清新闻', date: '2026-11-25' }, template,
    stories: { s1: { id: 's1', name: '头条', doc: para('德清县今年推进城乡一体化建设。') }, empty: { id: 'empty', name: '空稿', doc: para('') } },
    pages: [{ id: 'p1', name: 'A01', frames }],
    assets: {},
    ...extra,
  });
}

const textFrame = (id: string, over: Partial<Frame> = {}) => ({ id, kind: 'text', storyId: 's1', xPt: 60, yPt: 70, widthPt: 200, heightPt: 200, ...over }) as Partial<Frame>;

function layoutOf(over: Partial<PageLayout> = {}): PageLayout {
  return { pageId: 'p1', pageName: 'A01', trimWidthPt: 600, trimHeightPt: 800, bleedPt: 0, typeArea: TYPE_AREA, items: [], lines: [], overset: [], copyfit: [], warnings: [], ...over };
}

const noAssets = new Map<string, ImageInfo | undefined>();
const serifFont = loadFonts(['noto-serif-sc-400']).all()[0];
const codes = (fs: Finding[]) => fs.map((f) => f.code);

describe('preflight', () => {
  it('finds nothing on a clean page', () => {
    expect(preflight(makeDoc([textFrame('f1')]), [layoutOf()], { preset: 'print', assetInfo: noAssets })).toEqual([]);
  });

  it('reports overset text as an error with frame and story', () => {
    const f = preflight(makeDoc([textFrame('f1')]), [layoutOf({ overset: [{ storyId: 's1', frameId: 'f1', fromPos: 40, lines: 3, chars: 51 }] })], { preset: 'print', assetInfo: noAssets });
    expect(f).toEqual([expect.objectContaining({ severity: 'error', code: 'overset', pageId: 'p1', frameId: 'f1', storyId: 's1' })]);
    expect(f[0].message).toContain('51');
  });

  it('turns composer warnings into findings: missing glyph/font are errors, loose lines info', () => {
    const warnings = [
      { code: 'missing-glyph', message: 'The font lacks 𠀀', storyId: 's1', frameId: 'f1' },
      { code: 'missing-font', message: 'Font Foo 400 is not loaded', storyId: 's1' },
      { code: 'loose-line', message: 'Loose line', storyId: 's1', frameId: 'f1' },
    ] as PageLayout['warnings'];
    const f = preflight(makeDoc([textFrame('f1')]), [layoutOf({ warnings })], { preset: 'print', assetInfo: noAssets });
    expect(f.map((x) => [x.severity, x.code])).toEqual([['error', 'missing-glyph'], ['error', 'missing-font'], ['info', 'loose-line']]);
  });

  it('grades image resolution: < 200 ppi warning, < 120 ppi error, from layout or from pixel size', () => {
    const img = (assetId: string, effectivePpi?: number) => ({ kind: 'image' as const, assetId, rect: { xPt: 60, yPt: 300, widthPt: 144, heightPt: 144 }, clip: { xPt: 60, yPt: 300, widthPt: 144, heightPt: 144 }, frameId: `fr-${assetId}`, ...(effectivePpi ? { effectivePpi } : {}) });
    const info = new Map<string, ImageInfo | undefined>([['px', { format: 'jpeg', colour: 'grey', widthPx: 300, heightPx: 500 }]]);
    const f = preflight(makeDoc([textFrame('f1')]), [layoutOf({ items: [img('ok', 300), img('soft', 150), img('bad', 90), img('px')] })], { preset: 'print', assetInfo: info });
    expect(f.map((x) => [x.severity, x.code, x.frameId])).toEqual([
      ['error', 'low-resolution', 'fr-bad'],
      ['warning', 'low-resolution', 'fr-soft'],
      ['warning', 'low-resolution', 'fr-px'],
    ]);
    expect(effectivePpiOf(img('px'), info.get('px'))).toBe(150);
  });

  it('regression: an image just under the limit reads 199 ppi, never "200 ppi (needs 200)"', () => {
    const item = { kind: 'image' as const, assetId: 'near', rect: { xPt: 0, yPt: 0, widthPt: 72, heightPt: 72 }, clip: { xPt: 0, yPt: 0, widthPt: 72, heightPt: 72 }, frameId: 'fr-near', effectivePpi: 199.7 };
    const [finding] = preflight(makeDoc([textFrame('f1')]), [layoutOf({ items: [item] })], { preset: 'print', assetInfo: noAssets });
    expect(finding?.message).toContain('is 199 ppi');
  });

  it('reports missing, unreadable and RGB assets (RGB only for print), and empty picture frames', async () => {
    const assets = {
      rgb: { id: 'rgb', path: 'assets/rgb.jpg', mime: 'image/jpeg' },
      cmyk: { id: 'cmyk', path: 'assets/cmyk.jpg', mime: 'image/jpeg' },
      png: { id: 'png', path: 'assets/a.png', mime: 'image/png' },
      junk: { id: 'junk', path: 'assets/junk.png', mime: 'image/png' },
      gone: { id: 'gone', path: 'assets/gone.png', mime: 'image/png' },
    };
    const bytes: Record<string, Uint8Array> = {
      rgb: rgbJpeg(8, 8, [200, 10, 10]),
      cmyk: adobeCmykJpeg([{ c: 0, m: 0, y: 0, k: 1 }]),
      png: twoColourRgbPng(4, 4, [0, 0, 0], [255, 255, 255]),
      junk: Uint8Array.from([1, 2, 3, 4]),
    };
    const frame = (id: string, assetId?: string) => ({ id, kind: 'image', xPt: 60, yPt: 300, widthPt: 100, heightPt: 100, ...(assetId ? { assetId } : {}) }) as Partial<Frame>;
    const doc = makeDoc(
      [frame('i-rgb', 'rgb'), frame('i-cmyk', 'cmyk'), frame('i-png', 'png'), frame('i-junk', 'junk'), frame('i-gone', 'gone'), frame('i-undeclared', 'nowhere'), frame('i-empty')],
      { assets } as Partial<FolioDocument>,
    );
    const info = await collectAssetInfo(doc, async (id) => (bytes[id] ? { bytes: bytes[id], mime: 'x' } : undefined));
    expect(info.get('cmyk')?.colour).toBe('cmyk');
    expect(info.get('gone')).toBeUndefined();
    const print = preflight(doc, [layoutOf()], { preset: 'print', assetInfo: info });
    expect(print.map((x) => [x.severity, x.code, x.frameId])).toEqual([
      ['error', 'unreadable-asset', 'i-junk'],
      ['error', 'missing-asset', 'i-gone'],
      ['error', 'missing-asset', 'i-undeclared'],
      ['warning', 'rgb-image', 'i-rgb'],
      ['warning', 'rgb-image', 'i-png'],
      ['warning', 'empty-image-frame', 'i-empty'],
    ]);
    const proof = preflight(doc, [layoutOf()], { preset: 'proof', assetInfo: info });
    expect(codes(proof)).not.toContain('rgb-image');
  });

  it('regression: decodes every picture as export will, so damaged, oversized, encrypted and looping files are errors, never "no problems"', async () => {
    const bytes: Record<string, Uint8Array> = {
      png: crcDamagedPng(), huge: hugeHeaderJpeg(), locked: await encryptedPdf(), loop: await loopingPdf('form'), tree: await loopingPdf('page-tree'),
      good: rgbJpeg(8, 8, [20, 20, 20]),
    };
    const files: Record<string, string> = { png: '航拍.png', huge: '全景.jpg', locked: '房产广告.pdf', loop: '循环.pdf', tree: '页树.pdf', good: '好图.jpg' };
    const assets = Object.fromEntries(Object.keys(bytes).map((id) => [id, { id, path: `assets/${id}`, mime: 'image/png', note: `placed from ${files[id]}` }]));
    const frame = (id: string) => ({ id: `i-${id}`, kind: 'image', assetId: id, xPt: 60, yPt: 300, widthPt: 100, heightPt: 100 }) as Partial<Frame>;
    const doc = makeDoc(Object.keys(bytes).map(frame), { assets } as Partial<FolioDocument>);
    for (const preset of ['print', 'proof'] as const) {
      const info = await collectAssetInfo(doc, async (id) => ({ bytes: bytes[id]!, mime: 'x' }), preset);
      const errors = preflight(doc, [layoutOf()], { preset, assetInfo: info }).filter((f) => f.severity === 'error');
      expect(errors.map((f) => [f.code, f.frameId]), preset).toEqual([
        ['unreadable-asset', 'i-png'], ['unreadable-asset', 'i-huge'], ['unreadable-asset', 'i-locked'], ['unreadable-asset', 'i-loop'], ['unreadable-asset', 'i-tree'],
      ]);
      expect(errors.map((f) => f.message)).toEqual([
        'Picture "航拍.png" cannot be exported: PNG is damaged: its IDAT chunk fails its checksum (CRC-32)',
        'Picture "全景.jpg" cannot be exported: it is 65535 × 65535 pixels (4295 megapixels); pictures up to 100 megapixels can be printed (scale it down first)',
        'Picture "房产广告.pdf" cannot be exported: the PDF is encrypted: ask the advertiser for an unprotected PDF/X file',
        'Picture "循环.pdf" cannot be exported: a form XObject in the PDF draws itself (a loop no printer can finish)',
        'Picture "页树.pdf" cannot be exported: the PDF’s page tree loops back on itself (a damaged or hostile file)',
      ]);
    }
  });

  it('regression: a placeholder picture is an error for print and a warning for proofs, named by file and frame', async () => {
    const assets = { stand: { id: 'stand', path: 'assets/photo-placeholder.png', mime: 'image/png', placeholder: true } };
    const bytes = twoColourRgbPng(4, 4, [180, 180, 180], [120, 120, 120]);
    const doc = makeDoc([{ id: 'photo', kind: 'image', assetId: 'stand', xPt: 60, yPt: 300, widthPt: 100, heightPt: 100 } as Partial<Frame>], { assets } as Partial<FolioDocument>);
    const info = await collectAssetInfo(doc, async () => ({ bytes, mime: 'image/png' }));
    const print = preflight(doc, [layoutOf()], { preset: 'print', assetInfo: info });
    // Its RGB is beside the point: it is to be replaced, so it is reported once.
    expect(print.map((x) => [x.severity, x.code, x.frameId])).toEqual([['error', 'placeholder-picture', 'photo']]);
    expect(print[0]!.message).toMatch(/^Placeholder picture in frame "photo" \("photo-placeholder\.png"\)/);
    expect(preflight(doc, [layoutOf()], { preset: 'proof', assetInfo: info }).map((x) => [x.severity, x.code])).toEqual([['warning', 'placeholder-picture']]);
  });

  it("regression: the sample's crossed photo is a placeholder (marked on load, saved copies too) and stops a print export", async () => {
    const { document, assets } = unpackFolio(new Uint8Array(readFileSync(join(ROOT, 'templates/samples/deqing-front-2023-07-20.folio'))));
    const info = await collectAssetInfo(document, async (id) => {
      const asset = document.assets[id];
      const found = asset ? assets.get(asset.path) : undefined;
      return found && asset ? { bytes: found, mime: asset.mime } : undefined;
    });
    const placeholders = preflight(document, [layoutOf({ pageId: 'A01' })], { preset: 'print', assetInfo: info }).filter((f) => f.code === 'placeholder-picture');
    expect(placeholders).toEqual([expect.objectContaining({ severity: 'error', pageId: 'A01', frameId: 'photo' })]);
    expect(placeholders[0]!.message).toContain('photo-placeholder.png');
  });

  it('regression: findings name pictures by the file they were placed from, not their internal id', () => {
    const assets = {
      'img-0123456789ab': { id: 'img-0123456789ab', path: 'assets/img-0123456789ab.jpg', mime: 'image/jpeg', note: 'placed from 城南新区航拍.jpg', widthPx: 100, heightPx: 100 },
    };
    const frame = { id: 'pic', kind: 'image', assetId: 'img-0123456789ab', xPt: 60, yPt: 300, widthPt: 144, heightPt: 144 } as Partial<Frame>;
    const item = { kind: 'image' as const, assetId: 'img-0123456789ab', rect: { xPt: 60, yPt: 300, widthPt: 144, heightPt: 144 }, clip: { xPt: 60, yPt: 300, widthPt: 144, heightPt: 144 }, frameId: 'pic', effectivePpi: 50 };
    const info = new Map<string, ImageInfo | undefined>([['img-0123456789ab', { format: 'jpeg', colour: 'rgb', widthPx: 100, heightPx: 100 }]]);
    const f = preflight(makeDoc([frame], { assets } as Partial<FolioDocument>), [layoutOf({ items: [item] })], { preset: 'print', assetInfo: info });
    expect(f.map((x) => x.code)).toEqual(['low-resolution', 'rgb-image']);
    for (const finding of f) {
      expect(finding.message).toContain('"城南新区航拍.jpg"');
      expect(finding.message).not.toContain('img-0123456789ab');
    }
  });

  it('regression: a black-and-white picture is not warned about as RGB to be separated (it prints on K alone)', () => {
    const assets = { rgb: { id: 'rgb', path: 'assets/rgb.jpg', mime: 'image/jpeg', widthPx: 100, heightPx: 100 } };
    const frame = { id: 'pic', kind: 'image', assetId: 'rgb', xPt: 60, yPt: 300, widthPt: 144, heightPt: 144 } as Partial<Frame>;
    const info = new Map<string, ImageInfo | undefined>([['rgb', { format: 'jpeg', colour: 'rgb', widthPx: 100, heightPx: 100 }]]);
    const codesFor = (f: Partial<Frame>) => preflight(makeDoc([f], { assets } as Partial<FolioDocument>), [layoutOf()], { preset: 'print', assetInfo: info }).map((x) => x.code);
    expect(codesFor(frame)).toContain('rgb-image');
    expect(codesFor({ ...frame, mono: true } as Partial<Frame>)).not.toContain('rgb-image');
  });

  it('errors on placed PDFs with RGB colour or transparency in print (they are embedded unchanged)', async () => {
    const cmykAd = await placedPdf({ c: 0, m: 1, y: 0, k: 0 });
    const rgbDoc = await PDFDocument.create();
    rgbDoc.addPage([100, 100]).drawRectangle({ x: 0, y: 0, width: 50, height: 50, color: rgb(1, 0, 0) });
    const rgbAd = await rgbDoc.save();
    const seeThrough = await PDFDocument.create();
    seeThrough.addPage([100, 100]).drawRectangle({ x: 0, y: 0, width: 50, height: 50, color: cmyk(0, 0, 0, 1), opacity: 0.5 });
    const transparentAd = await seeThrough.save();
    const pngDoc = await PDFDocument.create();
    const png = await pngDoc.embedPng(twoColourRgbPng(4, 4, [255, 0, 0], [0, 0, 255]));
    pngDoc.addPage([100, 100]).drawImage(png, { x: 0, y: 0, width: 50, height: 50 });
    const pngAd = await pngDoc.save();

    expect(await inspectPdfAsset(cmykAd)).toEqual({ colour: 'cmyk', transparency: false, pageCount: 1, unembeddedFonts: [], activeContent: [] });
    expect((await inspectPdfAsset(rgbAd)).colour).toBe('rgb');
    expect(await inspectPdfAsset(transparentAd)).toMatchObject({ colour: 'cmyk', transparency: true });
    expect((await inspectPdfAsset(pngAd)).colour).toBe('rgb');

    const bytes: Record<string, Uint8Array> = { cmyk: cmykAd, rgb: rgbAd, alpha: transparentAd, broken: new TextEncoder().encode('%PDF-1.4 nothing else') };
    const assets = Object.fromEntries(Object.keys(bytes).map((id) => [id, { id, path: `assets/${id}.pdf`, mime: 'application/pdf' }]));
    const frame = (id: string) => ({ id: `i-${id}`, kind: 'image', assetId: id, xPt: 60, yPt: 300, widthPt: 100, heightPt: 100 }) as Partial<Frame>;
    const doc = makeDoc(Object.keys(bytes).map(frame), { assets } as Partial<FolioDocument>);
    const info = await collectAssetInfo(doc, async (id) => (bytes[id] ? { bytes: bytes[id], mime: 'application/pdf' } : undefined));
    const f = preflight(doc, [layoutOf()], { preset: 'print', assetInfo: info });
    expect(f.map((x) => [x.severity, x.code, x.frameId])).toEqual([
      ['error', 'rgb-image', 'i-rgb'],
      ['error', 'pdf-transparency', 'i-alpha'],
      ['error', 'unreadable-asset', 'i-broken'],
    ]);
    expect(preflight(doc, [layoutOf()], { preset: 'proof', assetInfo: info }).map((x) => x.code)).toEqual(['unreadable-asset']);
  });

  it('errors on placed PDFs whose fonts are not embedded, naming them (embedded subsets pass)', async () => {
    const bare = await PDFDocument.create();
    const helvetica = await bare.embedFont(StandardFonts.Helvetica);
    bare.addPage([200, 100]).drawText('SALE 50%', { x: 10, y: 40, size: 20, font: helvetica, color: cmyk(0, 1, 1, 0) });
    const unembeddedAd = await bare.save();
    const withFont = await PDFDocument.create();
    withFont.registerFontkit(createFontkitAdapter([serifFont]) as unknown as Parameters<PDFDocument['registerFontkit']>[0]);
    const serif = await withFont.embedFont(serifFont.bytes, { subset: true });
    withFont.addPage([200, 100]).drawText('德清', { x: 10, y: 40, size: 20, font: serif, color: cmyk(0, 0, 0, 1) });
    const embeddedAd = await withFont.save();

    expect((await inspectPdfAsset(unembeddedAd)).unembeddedFonts).toEqual(['Helvetica']);
    expect((await inspectPdfAsset(embeddedAd)).unembeddedFonts).toEqual([]);

    const bytes: Record<string, Uint8Array> = { bare: unembeddedAd, embedded: embeddedAd };
    const assets = Object.fromEntries(Object.keys(bytes).map((id) => [id, { id, path: `assets/${id}.pdf`, mime: 'application/pdf' }]));
    const frame = (id: string) => ({ id: `i-${id}`, kind: 'image', assetId: id, xPt: 60, yPt: 300, widthPt: 100, heightPt: 100 }) as Partial<Frame>;
    const doc = makeDoc(Object.keys(bytes).map(frame), { assets } as Partial<FolioDocument>);
    const info = await collectAssetInfo(doc, async (id) => (bytes[id] ? { bytes: bytes[id], mime: 'application/pdf' } : undefined));
    const f = preflight(doc, [layoutOf()], { preset: 'print', assetInfo: info });
    expect(f.map((x) => [x.severity, x.code, x.frameId])).toEqual([['error', 'pdf-fonts', 'i-bare']]);
    expect(f[0].message).toContain('(Helvetica)');
  });

  it('regression: warns in print and proof that a placed PDF carried scripts, actions, annotations or files (export strips them)', async () => {
    const bytes: Record<string, Uint8Array> = { hostile: await hostileAdvertPdf(), clean: await placedPdf({ c: 0, m: 1, y: 0, k: 0 }) };
    const assets = {
      hostile: { id: 'hostile', path: 'assets/hostile.pdf', mime: 'application/pdf', note: 'placed from 浙里办广告.pdf' },
      clean: { id: 'clean', path: 'assets/clean.pdf', mime: 'application/pdf' },
    };
    const frame = (id: string) => ({ id: `i-${id}`, kind: 'image', assetId: id, xPt: 60, yPt: 300, widthPt: 100, heightPt: 100 }) as Partial<Frame>;
    const doc = makeDoc([frame('hostile'), frame('clean')], { assets } as Partial<FolioDocument>);
    const info = await collectAssetInfo(doc, async (id) => (bytes[id] ? { bytes: bytes[id], mime: 'application/pdf' } : undefined));
    for (const preset of ['print', 'proof'] as const) {
      const f = preflight(doc, [layoutOf()], { preset, assetInfo: info });
      expect(f.map((x) => [x.severity, x.code, x.frameId]), preset).toEqual([['warning', 'pdf-active-content', 'i-hostile']]);
      expect(f[0]!.message).toBe('Placed PDF "浙里办广告.pdf" carries JavaScript, launch actions (which start programs), web links (URI), additional actions (/AA), '
        + 'an action on opening (/OpenAction), annotations, embedded files: the export leaves them out and places only the printed page; '
        + 'ask the advertiser for a clean PDF/X file');
    }
  });

  it('warns when a placed PDF runs scaled or cut off by its frame, with both sizes in mm', () => {
    const assets = {
      ad: { id: 'ad', path: 'assets/ad.pdf', mime: 'application/pdf' as const, widthPt: 283.46, heightPt: 141.73 },
    };
    const doc = makeDoc([{ id: 'i-ad', kind: 'image', assetId: 'ad', xPt: 60, yPt: 300, widthPt: 283.46, heightPt: 141.73 } as Partial<Frame>], { assets } as Partial<FolioDocument>);
    const info = new Map<string, ImageInfo | undefined>([['ad', { format: 'pdf', colour: 'cmyk' }]]);
    const at = (rect: { widthPt: number; heightPt: number }, clip = rect) => layoutOf({
      items: [{ kind: 'image', assetId: 'ad', frameId: 'i-ad', rect: { xPt: 60, yPt: 300, ...rect }, clip: { xPt: 60, yPt: 300, ...clip } }],
    });
    const sizeFindings = (layout: PageLayout) => preflight(doc, [layout], { preset: 'print', assetInfo: info }).filter((x) => x.code === 'pdf-size');
    expect(sizeFindings(at({ widthPt: 283.46, heightPt: 141.73 }))).toEqual([]);
    // Within 1 %: frame sizes round to the grid.
    expect(sizeFindings(at({ widthPt: 282, heightPt: 141 }))).toEqual([]);
    const scaled = sizeFindings(at({ widthPt: 255.1, heightPt: 127.6 }));
    expect(scaled).toHaveLength(1);
    expect(scaled[0]).toMatchObject({ severity: 'warning', frameId: 'i-ad' });
    expect(scaled[0].message).toContain('100.0 × 50.0 mm but runs at 90 %');
    const cut = sizeFindings(at({ widthPt: 283.46, heightPt: 141.73 }, { widthPt: 200, heightPt: 141.73 }));
    expect(cut[0].message).toContain('is cut off by its frame (70.6 × 50.0 mm shown)');
  });

  it('PDF/X-4 needs an output profile; a profile whose black exceeds the template ink limit is a warning', () => {
    const profile = { id: 'icc-1', path: 'assets/icc-1.icc', mime: 'application/vnd.iccprofile' as const };
    const x4 = (extra: Partial<FolioDocument>) => preflight(makeDoc([textFrame('f1')], extra), [layoutOf()], { preset: 'print', standard: 'x4', assetInfo: noAssets });
    expect(x4({}).map((f) => [f.severity, f.code])).toEqual([['error', 'output-profile']]);
    expect(x4({ outputProfileAssetId: 'icc-1' }).map((f) => [f.severity, f.code])).toEqual([['error', 'output-profile']]);
    expect(x4({ assets: { 'icc-1': { ...profile, totalInkPct: 238 } }, outputProfileAssetId: 'icc-1' })).toEqual([]);
    const heavy = x4({ assets: { 'icc-1': { ...profile, totalInkPct: 296 } }, outputProfileAssetId: 'icc-1' });
    expect(heavy.map((f) => [f.severity, f.code])).toEqual([['warning', 'output-profile']]);
    expect(heavy[0].message).toContain('296 % total ink, above this template\'s 240 % limit');
    // PDF/X-1a without a profile is fine (the registered condition suffices); proofs never ask.
    expect(preflight(makeDoc([textFrame('f1')]), [layoutOf()], { preset: 'print', standard: 'x1a', assetInfo: noAssets })).toEqual([]);
    expect(preflight(makeDoc([textFrame('f1')]), [layoutOf()], { preset: 'proof', standard: 'x4', assetInfo: noAssets })).toEqual([]);
  });

  it('reports missing glyphs once per story and font, listing the characters', () => {
    const miss = (text: string, font: string, storyId = 's1') => ({
      code: 'missing-glyph' as const, message: `"${text}" is missing from ${font}`, storyId, missing: { text, font },
    });
    const layout = layoutOf({ warnings: [miss('八', 'Liberation Serif 400'), miss('战', 'Liberation Serif 400'), miss('八', 'Liberation Serif 400'), miss('略', 'Liberation Serif 400'), miss('𠮷', 'Noto Serif SC 400', 's2')] });
    const f = preflight(makeDoc([textFrame('f1')]), [layout], { preset: 'print', assetInfo: noAssets });
    expect(f.map((x) => [x.severity, x.code, x.storyId])).toEqual([['error', 'missing-glyph', 's1'], ['error', 'missing-glyph', 's2']]);
    expect(f[0].message).toBe('Liberation Serif 400 has no glyphs for 3 characters (八 战 略): they are left blank, one em wide');
    // One character alone keeps the composer's own message (with its code point).
    expect(f[1].message).toBe('"𠮷" is missing from Noto Serif SC 400');
  });

  it('warns about template and frame colours above the total ink limit', () => {
    const rich = { c: 1, m: 1, y: 1, k: 1 };
    const tpl = structuredClone(template);
    tpl.paragraphStyles.headline.colour = rich;
    const doc = makeDoc([textFrame('f1'), { id: 'b1', kind: 'box', xPt: 60, yPt: 300, widthPt: 50, heightPt: 50, fill: { c: 0.8, m: 0.8, y: 0.8, k: 0.2 } } as Partial<Frame>], { template: tpl } as Partial<FolioDocument>);
    const f = preflight(doc, [layoutOf()], { preset: 'print', assetInfo: noAssets });
    // Template findings (pageId '') come before page findings.
    expect(f.map((x) => [x.code, x.pageId, x.frameId])).toEqual([['total-ink', '', undefined], ['total-ink', 'p1', 'b1']]);
    expect(f[0].message).toContain('400 %');
    expect(f[1].message).toContain('260 %');
  });

  it('warns about empty text frames (first frame of a thread only) and errors on missing stories', () => {
    const doc = makeDoc([textFrame('f1', { storyId: 'empty', nextFrameId: 'f2' } as Partial<Frame>), textFrame('f2', { storyId: 'empty', yPt: 300 } as Partial<Frame>), textFrame('f3', { storyId: 'ghost', yPt: 520 } as Partial<Frame>)]);
    const f = preflight(doc, [layoutOf()], { preset: 'print', assetInfo: noAssets });
    expect(f.map((x) => [x.severity, x.code, x.frameId])).toEqual([['error', 'missing-story', 'f3'], ['warning', 'empty-text-frame', 'f1']]);
  });

  it('warns about text frames outside the type area', () => {
    const f = preflight(makeDoc([textFrame('f1', { xPt: 20 } as Partial<Frame>)]), [layoutOf()], { preset: 'print', assetInfo: noAssets });
    expect(f).toEqual([expect.objectContaining({ severity: 'warning', code: 'outside-type-area', frameId: 'f1' })]);
  });

  it('regression: template page furniture (a page header in the top margin) is not outside the type area by mistake', () => {
    const header = textFrame('header', { xPt: 20, furniture: true } as Partial<Frame>);
    expect(preflight(makeDoc([header]), [layoutOf()], { preset: 'print', assetInfo: noAssets })).toEqual([]);
  });

  it('errors on threads into missing or non-text frames, and on thread loops', () => {
    const broken = makeDoc([textFrame('f1', { nextFrameId: 'nowhere' } as Partial<Frame>), textFrame('f2', { nextFrameId: 'r1' } as Partial<Frame>), { id: 'r1', kind: 'rule', xPt: 60, yPt: 300, widthPt: 100, heightPt: 1 } as Partial<Frame>]);
    expect(preflight(broken, [layoutOf()], { preset: 'print', assetInfo: noAssets }).map((x) => [x.code, x.frameId])).toEqual([['broken-thread', 'f1'], ['broken-thread', 'f2']]);
    const loop = makeDoc([textFrame('a', { nextFrameId: 'b' } as Partial<Frame>), textFrame('b', { nextFrameId: 'a' } as Partial<Frame>)]);
    expect(codes(preflight(loop, [layoutOf()], { preset: 'print', assetInfo: noAssets }))).toEqual(['thread-loop']);
  });

  it('checks that every style font resolves when a font provider is given', () => {
    const f = preflight(makeDoc([textFrame('f1')]), [layoutOf()], { preset: 'print', assetInfo: noAssets, fonts: createFontProvider([]) });
    expect(f.length).toBeGreaterThan(0);
    expect(f.every((x) => x.code === 'missing-font' && x.severity === 'error' && x.pageId === '')).toBe(true);
  });

  it('reads PNG and JPEG colour from bytes, not from the declared MIME type', () => {
    expect(readImageInfo(rgbJpeg(8, 8, [1, 2, 3])).colour).toBe('rgb');
  });
});
