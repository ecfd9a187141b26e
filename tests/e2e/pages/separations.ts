/**
 * Plate separations of an exported PDF with Ghostscript, as tests/unit/pdf/separations.test.ts reads them: the
 * `pamcmyk32` device renders page 1 into C, M, Y, K values per pixel and honours overprint as a press does (black
 * text that overprints leaves the tint under it on its plate; paper-white text knocks out of every plate).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import type { RectPt } from './canvas.js';

/** The four plates of page 1: width and height in pixels, 4 bytes a pixel (C, M, Y, K, 0–255 ink). */
export interface Plates {
  widthPx: number;
  heightPx: number;
  dpi: number;
  /** The trim box's offset from the media box's top-left, points. */
  offsetPt: { xPt: number; yPt: number };
  cmyk: Uint8Array;
}

/**
 * Separates page 1 of `pdfPath` at `dpi`.
 * @param offsetPt the trim's offset in the media box (`trimOffsetPt`), so lookups take trim coordinates
 */
export function separatePlates(pdfPath: string, dpi: number, offsetPt: { xPt: number; yPt: number }): Plates {
  const out = pdfPath.replace(/\.pdf$/, `-plates-${process.pid}.pam`);
  execFileSync('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pamcmyk32', `-r${dpi}`, '-dFirstPage=1', '-dLastPage=1', `-sOutputFile=${out}`, pdfPath]);
  const pam = readFileSync(out);
  rmSync(out);
  // PAM header: "P7", WIDTH, HEIGHT, DEPTH 4, MAXVAL 255, TUPLTYPE CMYK, ENDHDR; then 4 bytes a pixel.
  const headerEnd = pam.indexOf('ENDHDR\n') + 'ENDHDR\n'.length;
  const header = pam.subarray(0, headerEnd).toString('latin1');
  if (!/DEPTH 4/.test(header)) throw new RangeError(`Ghostscript wrote no CMYK PAM: ${header}`);
  return {
    widthPx: Number(/WIDTH (\d+)/.exec(header)?.[1]),
    heightPx: Number(/HEIGHT (\d+)/.exec(header)?.[1]),
    dpi,
    offsetPt,
    cmyk: new Uint8Array(pam.subarray(headerEnd)),
  };
}

/** The plate values (0–255) of every pixel in a trim-relative rectangle (points), row by row. */
export function platePixels(plates: Plates, rect: RectPt): [number, number, number, number][] {
  const k = plates.dpi / 72;
  const x0 = Math.round((plates.offsetPt.xPt + rect.xPt) * k);
  const y0 = Math.round((plates.offsetPt.yPt + rect.yPt) * k);
  const x1 = Math.round((plates.offsetPt.xPt + rect.xPt + rect.widthPt) * k);
  const y1 = Math.round((plates.offsetPt.yPt + rect.yPt + rect.heightPt) * k);
  const out: [number, number, number, number][] = [];
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * plates.widthPx + x) * 4;
      out.push([plates.cmyk[i]!, plates.cmyk[i + 1]!, plates.cmyk[i + 2]!, plates.cmyk[i + 3]!]);
    }
  }
  return out;
}
