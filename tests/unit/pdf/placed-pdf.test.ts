/**
 * Placed PDFs (adverts) reach the output as their printed content only: a hostile advert's scripts, actions,
 * annotations and embedded files are stripped in print and proof exports, checked by walking the output's
 * objects, by searching its decompressed text (qpdf --qdf) and by rendering it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { PageLayout } from '../../../src-core/layout/page-layout.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { readPlacedPdf } from '../../../src-core/pdf/placed-pdf.js';
import { fixtureInput, loadFonts, tool, writeArtifact } from './fixtures.js';
import { HOSTILE_MARKERS, hostileAdvertPdf, placedPdf } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
/** Keys that carry actions, scripts, annotations or files; none may come out of an advert. */
const FORBIDDEN_KEYS = ['JS', 'JavaScript', 'AA', 'A', 'OpenAction', 'URI', 'Launch', 'Annots', 'EmbeddedFile', 'EmbeddedFiles', 'EF', 'Names'];
const FORBIDDEN_TYPES = ['Action', 'Annot', 'Filespec', 'EmbeddedFile'];

function adPage(): PageLayout {
  const rect = { xPt: 50, yPt: 50, widthPt: 180, heightPt: 80 };
  return {
    pageId: 'ad', pageName: 'A08', trimWidthPt: 300, trimHeightPt: 200, bleedPt: 0, typeArea: { xPt: 10, yPt: 10, widthPt: 280, heightPt: 180 },
    items: [{ kind: 'image', assetId: 'ad', rect, clip: rect, frameId: 'ad-frame' }], lines: [], overset: [], copyfit: [], warnings: [],
  };
}

/** How pdf-lib writes a non-ASCII-safe text string: UTF-16BE hex, as qpdf --qdf shows it (BOM left out). */
function utf16Hex(text: string): string {
  return [...text].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
}

/** Every key path in the object graph reachable from `root`, iteratively (graphs may loop). */
function walk(doc: PDFDocument, root: PDFObject): { keys: Set<string>; types: Set<string>; actions: Set<string> } {
  const found = { keys: new Set<string>(), types: new Set<string>(), actions: new Set<string>() };
  const seen = new Set<PDFObject>();
  const stack: PDFObject[] = [root];
  while (stack.length > 0) {
    let o = stack.pop() as PDFObject;
    if (o instanceof PDFRef) o = doc.context.lookup(o) as PDFObject;
    if (!o || seen.has(o)) continue;
    seen.add(o);
    const dict = o instanceof PDFStream ? o.dict : o instanceof PDFDict ? o : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        // pdf-lib gives every page of its own an empty /Annots array: nothing in it.
        const empty = value instanceof PDFArray && value.size() === 0;
        if (!empty) found.keys.add(key.decodeText());
        if (key.decodeText() === 'Type' && value instanceof PDFName) found.types.add(value.decodeText());
        if (key.decodeText() === 'S' && value instanceof PDFName) found.actions.add(value.decodeText());
        stack.push(value);
      }
    } else if (o instanceof PDFArray) {
      stack.push(...o.asArray());
    }
  }
  return found;
}

async function exportAd(preset: 'print' | 'proof', ad: Uint8Array): Promise<{ path: string; bytes: Uint8Array }> {
  const bytes = await exportPdf({ ...fixtureInput(fonts, preset, [adPage()]), bleedPt: 0, slugPt: 20, assets: async () => ({ bytes: ad, mime: 'application/pdf' }) });
  return { path: writeArtifact(`placed-pdf-hostile-${preset}.pdf`, bytes), bytes };
}

describe('placed PDFs carry no active content into the output', () => {
  it('notes every kind of active content the hostile advert carries (a clean advert: none)', async () => {
    expect((await readPlacedPdf(await hostileAdvertPdf())).activeContent).toEqual(['additional-actions', 'annotations', 'embedded-files', 'javascript', 'launch', 'open-action', 'uri']);
    expect((await readPlacedPdf(await placedPdf({ c: 0, m: 1, y: 0, k: 0 }))).activeContent).toEqual([]);
  });

  for (const preset of ['print', 'proof'] as const) {
    it(`regression: a ${preset} export keeps the advert's printed content and drops its scripts, actions, annotations and files`, async () => {
      const hostile = await hostileAdvertPdf();
      // The advert really carries what must not come through.
      const qdfIn = execFileSync('qpdf', ['--qdf', '--object-streams=disable', writeArtifact('placed-pdf-hostile-advert.pdf', hostile), '-']).toString('latin1');
      for (const marker of Object.values(HOSTILE_MARKERS)) expect(qdfIn.includes(marker) || qdfIn.includes(utf16Hex(marker)), marker).toBe(true);

      const { path, bytes } = await exportAd(preset, hostile);
      expect(tool('qpdf', ['--check', path])).toContain('No syntax or stream encoding errors');
      const out = await PDFDocument.load(bytes, { updateMetadata: false });
      // The advert's form XObject and everything it reaches …
      const xobjects = out.getPage(0).node.Resources()?.lookup(PDFName.of('XObject'), PDFDict);
      const forms = (xobjects?.entries() ?? []).map(([, ref]) => out.context.lookup(ref)).filter((o): o is PDFStream => o instanceof PDFStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Form');
      expect(forms).toHaveLength(1);
      const fromAd = walk(out, forms[0]!);
      // … and the whole output file.
      const whole = walk(out, out.context.trailerInfo.Root as PDFObject);
      for (const [, object] of out.context.enumerateIndirectObjects()) {
        const all = walk(out, object);
        for (const key of FORBIDDEN_KEYS) expect(all.keys.has(key), `/${key} in the ${preset} output`).toBe(false);
        for (const type of FORBIDDEN_TYPES) expect(all.types.has(type), `/Type /${type}`).toBe(false);
        for (const action of ['JavaScript', 'Launch', 'URI']) expect(all.actions.has(action), `/S /${action}`).toBe(false);
      }
      for (const found of [fromAd, whole]) for (const key of FORBIDDEN_KEYS) expect(found.keys.has(key), key).toBe(false);
      // The nested form's external image data (/F) is gone too, and no planted string survives anywhere.
      expect(fromAd.keys.has('F')).toBe(false);
      const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', path, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString('latin1');
      for (const marker of Object.values(HOSTILE_MARKERS)) {
        expect(qdf, marker).not.toContain(marker);
        expect(qdf, marker).not.toContain(utf16Hex(marker));
      }

      // The advert still prints: magenta in the frame (trimmed by its TrimBox, 180 × 80 pt at 50, 50).
      const off = preset === 'print' ? 20 : 0;
      const base = path.replace(/\.pdf$/, '');
      execFileSync('pdftoppm', ['-r', '72', '-singlefile', path, base]);
      const ppm = readFileSync(`${base}.ppm`);
      const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'));
      const width = Number(header![1]);
      const px = (x: number, y: number) => [...ppm.subarray(header![0].length + ((off + y) * width + off + x) * 3).subarray(0, 3)];
      const [r, g, b] = px(140, 90);
      expect(r).toBeGreaterThan(200);
      expect(g).toBeLessThan(80);
      expect(b).toBeGreaterThan(100);
      expect(px(20, 20)).toEqual([255, 255, 255]);
    });
  }
});
