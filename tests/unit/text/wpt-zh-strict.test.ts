/**
 * The expectation lists of the Web Platform Tests css/css-text/i18n/zh/*-strict.html, reproduced as
 * data (WPT itself is not vendored). Each WPT file sets 文文文文文文X字字 in a box six characters wide
 * under `line-break: strict` and expects X not to start the second line, i.e. the lines
 * 文文文文文 / 文X字字. We run the same case through the composer at 6 characters × 10 pt.
 */
import { describe, expect, it } from 'vitest';
import { lines } from '../paragraph/helpers.js';
import { isNeverAtStart } from '../../../src-core/text/char-class.js';

/** File → code points listed in its `charlist`. */
const WPT_ZH_STRICT: Record<string, number[]> = {
  // PO (postfix) characters with East Asian Width A, F or W
  'css-text-line-break-zh-po-strict.html': [0x00b0, 0x2030, 0x2032, 0x2033, 0x2035, 0x2103, 0x2109, 0xfe6a, 0xff05, 0xffe0],
  // centred punctuation marks
  'css-text-line-break-zh-cpm-strict.html': [0x30fb, 0xff1a, 0xff1b, 0xff65, 0x203c, 0x2047, 0x2048, 0x2049, 0xff01, 0xff1f],
  // hyphens
  'css-text-line-break-zh-hyphens-strict.html': [0x2010, 0x2013, 0x301c, 0x30a0],
  // inseparable characters
  'css-text-line-break-zh-in-strict.html': [0x2024, 0x2025, 0x2026, 0x22ef, 0xfe19, 0x10af6],
  // iteration marks
  'css-text-line-break-zh-iteration-strict.html': [0x3005, 0x303b, 0x309d, 0x309e, 0x30fd, 0x30fe],
};

describe('WPT css-text-line-break-zh-*-strict expectations', () => {
  for (const [file, cps] of Object.entries(WPT_ZH_STRICT)) {
    describe(file, () => {
      for (const c of cps) {
        const x = String.fromCodePoint(c);
        it(`U+${c.toString(16).toUpperCase().padStart(4, '0')} ${x} may NOT appear at line start`, () => {
          expect(isNeverAtStart(c)).toBe(true);
          expect(lines(`文文文文文文${x}字字`, { chars: 6, sizePt: 10 })).toEqual(['文文文文文', `文${x}字字`]);
        });
      }
    });
  }
});
