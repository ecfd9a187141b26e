/**
 * Rotated pictures and boxes in the PDF (issue 15 item 7): a picture turned 90° renders turned (pdftoppm), its clip
 * turning with it, and a rotated box's stroke is drawn inside the same `q … cm … Q`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layoutBoxFrame, layoutImageFrame } from '../../../src-core/layout/frames.js';
import type { LayoutItem, PageLayout } from '../../../src-core/layout/page-layout.js';
import type { FolioDocument, ImageFrame } from '../../../src-core/model/document.js';
import { exportPdf } from '../../../src-core/pdf/export.js';
import { fixtureInput, loadFonts, tool, writeArtifact } from './fixtures.js';
import { twoColourRgbPng } from './test-assets.js';

const fonts = loadFonts(['noto-serif-sc-400']);
const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];

/** A 100 × 50 pt frame at (100, 75) showing a 20 × 10 px picture, red left half, blue right half. */
const frame = (rotationDeg?: number): ImageFrame => ({
  id: 'photo', kind: 'image', xPt: 100, yPt: 75, widthPt: 100, heightPt: 50, locked: false, fit: 'fill', offsetXPt: 0, offsetYPt: 0, scale: 1,
  assetId: 'pic', ...(rotationDeg === undefined ? {} : { rotationDeg }),
});
const doc = { assets: { pic: { id: 'pic', path: 'assets/pic.png', mime: 'image/png', widthPx: 20, heightPx: 10 } } } as unknown as FolioDocument;

async function render(rotationDeg: number | undefined, name: string): Promise<{ width: number; pixels: Uint8Array; qdf: string }> {
  const items: LayoutItem[] = [
    ...layoutImageFrame(frame(rotationDeg), doc, 'A01', []),
    ...layoutBoxFrame({ id: 'box', kind: 'box', xPt: 20, yPt: 20, widthPt: 40, heightPt: 20, locked: false, strokePt: 2, stroke: { c: 0, m: 0, y: 0, k: 1 }, ...(rotationDeg === undefined ? {} : { rotationDeg }) }, fonts.all()[0]!, []),
  ];
  const page: PageLayout = {
    pageId: 'p', pageName: 'A01', trimWidthPt: 300, trimHeightPt: 200, bleedPt: 0,
    typeArea: { xPt: 10, yPt: 10, widthPt: 280, heightPt: 180 }, items, lines: [], overset: [], copyfit: [], warnings: [],
  };
  const bytes = await exportPdf({ ...fixtureInput(fonts, 'proof', [page]), bleedPt: 0, slugPt: 0, assets: async () => ({ bytes: twoColourRgbPng(20, 10, RED, BLUE), mime: 'image/png' }) });
  const pdf = writeArtifact(`rotation-${name}.pdf`, bytes);
  const base = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '72', '-singlefile', pdf, base]);
  execFileSync('pdftoppm', ['-r', '144', '-png', '-singlefile', pdf, base]);
  const ppm = readFileSync(`${base}.ppm`);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
  expect(tool('qpdf', ['--check', pdf])).toMatch(/No syntax or stream encoding errors/);
  const qdf = execFileSync('qpdf', ['--qdf', '--object-streams=disable', pdf, '-'], { encoding: 'latin1', maxBuffer: 64 * 1024 * 1024 });
  return { width: Number(header[1]), pixels: new Uint8Array(ppm.subarray(header[0].length)), qdf };
}

const at = (r: { width: number; pixels: Uint8Array }, x: number, y: number): number[] => Array.from(r.pixels.subarray((y * r.width + x) * 3, (y * r.width + x) * 3 + 3));
const isRed = (c: number[]) => c[0]! > 200 && c[1]! < 60 && c[2]! < 60;
const isBlue = (c: number[]) => c[0]! < 60 && c[1]! < 60 && c[2]! > 200;
const isWhite = (c: number[]) => c.every((v) => v > 240);

describe('a rotated picture in the PDF', () => {
  it('unturned: red left, blue right, across the frame', async () => {
    const r = await render(undefined, 'none');
    expect(isRed(at(r, 120, 100))).toBe(true);
    expect(isBlue(at(r, 180, 100))).toBe(true);
    expect(isWhite(at(r, 150, 60))).toBe(true);
  });

  it('turned 90° clockwise about its centre: red on top, blue below, the clip turned with it', async () => {
    const r = await render(90, 'quarter');
    // The turned frame spans x 125…175, y 50…150 (centre 150, 100).
    expect(isRed(at(r, 150, 60))).toBe(true);
    expect(isBlue(at(r, 150, 140))).toBe(true);
    // Where the unturned picture was, beside the turned one: paper.
    expect(isWhite(at(r, 110, 100))).toBe(true);
    expect(isWhite(at(r, 190, 100))).toBe(true);
    // One cm for the picture and one for the box, each with its centre in PDF space.
    expect(r.qdf).toMatch(/\n0 -1 1 0 50 250 cm\n/);
    expect(r.qdf).toMatch(/\n0 -1 1 0 -130 210 cm\n/);
  });

  it('turned -90°: blue on top, red below', async () => {
    const r = await render(-90, 'minus-quarter');
    expect(isBlue(at(r, 150, 60))).toBe(true);
    expect(isRed(at(r, 150, 140))).toBe(true);
  });
});
