/**
 * What the local-formatting bar and the Find panel offer: the colours a desk uses for local text colour
 * (process colours a county daily prints with, paper white for 反白), and sizes written as 号 where they are one.
 */
import type { MessageKey } from '../../src-core/i18n/messages/en.js';
import type { Cmyk } from '../../src-core/model/colour.js';
import { HAO_SIZES_PT, parseSizePt } from '../../src-core/model/units.js';
import { MAX_LOCAL_SIZE_PT, MIN_LOCAL_SIZE_PT, sameLocalValue } from '../../src-core/model/local-format.js';

/** A colour offered by name. */
export interface ColourChoice {
  readonly key: string;
  readonly label: MessageKey;
  readonly cmyk: Cmyk;
}

/**
 * The offered colours: body black, the 大红 of front-page headlines (M100 Y100), a process blue, a 50 % grey
 * for secondary display type, and paper white for reversed text on a tint or picture.
 */
export const COLOUR_CHOICES: readonly ColourChoice[] = [
  { key: 'black', label: 'localFormat.colour.black', cmyk: { c: 0, m: 0, y: 0, k: 1 } },
  { key: 'red', label: 'localFormat.colour.red', cmyk: { c: 0, m: 1, y: 1, k: 0 } },
  { key: 'blue', label: 'localFormat.colour.blue', cmyk: { c: 1, m: 0.6, y: 0, k: 0 } },
  { key: 'grey', label: 'localFormat.colour.grey', cmyk: { c: 0, m: 0, y: 0, k: 0.5 } },
  { key: 'white', label: 'localFormat.colour.white', cmyk: { c: 0, m: 0, y: 0, k: 0 } },
];

/** The offered colour equal to `cmyk`, if any. */
export function colourChoiceOf(cmyk: Cmyk): ColourChoice | undefined {
  return COLOUR_CHOICES.find((c) => sameLocalValue(c.cmyk, cmyk));
}

/** 号 names, largest first (初号 … 八号). */
export const HAO_NAMES: readonly string[] = Object.keys(HAO_SIZES_PT);

/** A size as the bar shows it: its 号 name when it is exactly one, else points ("22", "13.5"). */
export function formatSizePt(sizePt: number): string {
  const hao = HAO_NAMES.find((name) => HAO_SIZES_PT[name] === sizePt);
  return hao ?? String(Math.round(sizePt * 100) / 100);
}

/**
 * A size typed in the bar: points ("22", "22pt") or a 号 name ("二号", "小五"); null when it is not one or lies
 * outside the local size bounds.
 */
export function parseLocalSizePt(text: string): number | null {
  let sizePt: number;
  try {
    sizePt = parseSizePt(text);
  } catch {
    return null;
  }
  return sizePt >= MIN_LOCAL_SIZE_PT && sizePt <= MAX_LOCAL_SIZE_PT ? sizePt : null;
}
