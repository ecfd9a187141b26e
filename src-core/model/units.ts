/**
 * Unit conversions used at the edges of the pipeline. Layout works in points (1/72 in);
 * templates may state lengths in millimetres and type sizes in pt or Chinese 号.
 */

/** Points per millimetre (72 / 25.4). */
export const PT_PER_MM = 72 / 25.4;

/** Converts millimetres to points. */
export function mmToPt(mm: number): number {
  return mm * PT_PER_MM;
}

/** Converts points to millimetres. */
export function ptToMm(pt: number): number {
  return pt / PT_PER_MM;
}

/**
 * Chinese type sizes (号) in points, per TYPOGRAPHY.md §6 (digital values, not metal).
 * Keys are the names a newsroom types: 初号, 小初, 一号 … 八号.
 */
export const HAO_SIZES_PT: Readonly<Record<string, number>> = {
  初号: 42, 小初: 36, 一号: 26, 小一: 24, 二号: 22, 小二: 18, 三号: 16, 小三: 15,
  四号: 14, 小四: 12, 五号: 10.5, 小五: 9, 六号: 7.5, 小六: 6.5, 七号: 5.5, 八号: 5,
};

/**
 * Parses a type size written as a number of points (`9`, `"9pt"`) or a 号 name (`"小五"`).
 * @returns the size in points
 * @throws RangeError for anything else, naming the bad value
 */
export function parseSizePt(size: number | string): number {
  if (typeof size === 'number') {
    if (!(size > 0)) throw new RangeError(`Type size must be positive, got ${size}`);
    return size;
  }
  const trimmed = size.trim();
  const hao = HAO_SIZES_PT[trimmed] ?? HAO_SIZES_PT[trimmed.replace(/号$/, '') + '号'];
  if (hao !== undefined) return hao;
  const m = /^(\d+(?:\.\d+)?)\s*(pt)?$/.exec(trimmed);
  if (m) return parseSizePt(Number(m[1]));
  throw new RangeError(`Unknown type size "${size}": use points (e.g. 9 or "9pt") or a 号 name (e.g. "小五")`);
}
