/**
 * PDF checks with Debian's poppler tools: the trim box offset (pdfinfo -box), a PNG render for people to look
 * at (pdftoppm -png, saved under tests/artifacts/) and a greyscale render for measuring ink (pdftoppm -gray,
 * PGM parsed here).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { RectPt } from './canvas.js';

/** Where e2e tests leave renders and screenshots (git-ignored). */
export const ARTIFACTS_DIR = path.resolve(import.meta.dirname, '..', '..', 'artifacts');
/** Ink threshold on 0–255 grey, as for the canvas. */
const INK_GREY = 160;

/** The trim box's offset from the media box's top-left, points (slug and bleed around the page). */
export function trimOffsetPt(pdfPath: string): { xPt: number; yPt: number } {
  const info = execFileSync('pdfinfo', ['-box', pdfPath], { encoding: 'utf8' });
  const media = /MediaBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info);
  const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info);
  if (!media || !trim) throw new RangeError(`pdfinfo -box gave no Media/TrimBox for ${pdfPath}:\n${info}`);
  const mediaTop = Number(media[4]);
  return { xPt: Number(trim[1]) - Number(media[1]), yPt: mediaTop - Number(trim[4]) };
}

/**
 * The text of page 1 inside the trim box, in content-stream order (`pdftotext -raw`, cropped to the trim: no
 * slug line or marks), as copy and paste or a screen reader of the PDF gets it.
 */
export function pdfTrimText(pdfPath: string): string {
  const info = execFileSync('pdfinfo', ['-box', '-f', '1', '-l', '1', pdfPath], { encoding: 'utf8' });
  const trim = /TrimBox:\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)/.exec(info);
  if (!trim) throw new RangeError(`pdfinfo -box gave no TrimBox for ${pdfPath}:\n${info}`);
  const offset = trimOffsetPt(pdfPath);
  const [x1, y1, x2, y2] = trim.slice(1).map(Number) as [number, number, number, number];
  // At -r 72 the crop is in points, from the media box's top-left.
  const crop = ['-x', String(Math.floor(offset.xPt)), '-y', String(Math.floor(offset.yPt)), '-W', String(Math.ceil(x2 - x1)), '-H', String(Math.ceil(y2 - y1))];
  return execFileSync('pdftotext', ['-raw', '-r', '72', '-f', '1', '-l', '1', ...crop, pdfPath, '-'], { encoding: 'utf8' });
}

/** Renders page 1 to `tests/artifacts/<name>.png` at `dpi` and returns the PNG path. */
export function renderPng(pdfPath: string, name: string, dpi: number): string {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const base = path.join(ARTIFACTS_DIR, name);
  execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', '1', '-l', '1', pdfPath, base]);
  return `${base}.png`;
}

/** A greyscale render of page 1. */
export interface GreyRender {
  width: number;
  height: number;
  dpi: number;
  pixels: Uint8Array;
}

/** Renders page 1 in grey (PGM) at `dpi`. */
export function renderGrey(pdfPath: string, dpi: number): GreyRender {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const base = path.join(ARTIFACTS_DIR, `grey-${process.pid}`);
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-singlefile', '-f', '1', '-l', '1', pdfPath, base]);
  const file = `${base}.pgm`;
  const bytes = readFileSync(file);
  rmSync(file);
  // PGM (P5): magic, width, height, maxval separated by whitespace, then one byte per pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 64).toString('latin1'));
  if (!header) throw new RangeError('pdftoppm -gray did not produce a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  return { width, height, dpi, pixels: new Uint8Array(bytes.subarray(header[0].length, header[0].length + width * height)) };
}

/** Fraction of ink pixels in a trim-relative rectangle (points) of a grey render. */
export function pdfInkFraction(render: GreyRender, offset: { xPt: number; yPt: number }, rect: RectPt): number {
  const k = render.dpi / 72;
  const x0 = Math.round((offset.xPt + rect.xPt) * k);
  const y0 = Math.round((offset.yPt + rect.yPt) * k);
  const x1 = Math.round((offset.xPt + rect.xPt + rect.widthPt) * k);
  const y1 = Math.round((offset.yPt + rect.yPt + rect.heightPt) * k);
  let ink = 0;
  let total = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      total++;
      if (render.pixels[y * render.width + x] < INK_GREY) ink++;
    }
  }
  return total === 0 ? 0 : ink / total;
}
