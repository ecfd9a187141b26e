import { z } from 'zod';

/** A process colour: each component 0–1 (1 = 100 % ink). Print output uses these as DeviceCMYK. */
export const CmykSchema = z.object({
  c: z.number().min(0).max(1),
  m: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  k: z.number().min(0).max(1),
});
/** A CMYK colour, components 0–1. */
export type Cmyk = z.infer<typeof CmykSchema>;

/** 100 % K: body black. Overprints in print output (PRINT.md). */
export const BLACK: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 1 });

/** Paper white (no ink). */
export const PAPER: Cmyk = Object.freeze({ c: 0, m: 0, y: 0, k: 0 });

/**
 * The documented default CMYK → RGB conversion for screen and proof output
 * (naive, no profile): r = (1−c)(1−k) and so on. Components 0–1.
 */
export function cmykToRgb(colour: Cmyk): { r: number; g: number; b: number } {
  return {
    r: (1 - colour.c) * (1 - colour.k),
    g: (1 - colour.m) * (1 - colour.k),
    b: (1 - colour.y) * (1 - colour.k),
  };
}

/** Total area coverage of a colour in percent (0–400). */
export function totalInkPercent(colour: Cmyk): number {
  return (colour.c + colour.m + colour.y + colour.k) * 100;
}
