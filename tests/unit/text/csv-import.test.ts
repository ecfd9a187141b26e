/**
 * CSV import (issue 16): UTF-8 and GB18030 bytes, quoting, caps and clear refusals.
 */
import { describe, expect, it } from 'vitest';
import { CsvImportError, decodeCsvBytes, importCsv, MAX_CSV_BYTES, MAX_CSV_ROWS, parseCsvRows } from '../../../src-core/text/csv-import.js';
import { MAX_TABLE_COLUMNS } from '../../../src-core/model/table.js';

/** `城市,天气,气温\n德清,多云,"26~33℃"\n` as Excel saves it on a Chinese Windows: GB18030 bytes (from Python's codec). */
const GB18030_WEATHER = Uint8Array.from(Buffer.from('b3c7cad02cccecc6f82cc6f8cec20ab5c2c7e52cb6e0d4c62c2232367e3333a1e6220a', 'hex'));

const refusal = (f: () => unknown): CsvImportError => {
  try {
    f();
  } catch (err) {
    if (err instanceof CsvImportError) return err;
    throw err;
  }
  throw new Error('expected a refusal');
};

describe('CSV import', () => {
  it('reads GB18030 bytes (not valid UTF-8) as GB18030', () => {
    const { rows, encoding } = importCsv(GB18030_WEATHER);
    expect(encoding).toBe('gb18030');
    expect(rows).toEqual([['城市', '天气', '气温'], ['德清', '多云', '26~33℃']]);
  });

  it('reads UTF-8, with or without a byte-order mark', () => {
    const text = '城市,气温\n杭州,35\n';
    const plain = new TextEncoder().encode(text);
    expect(importCsv(plain)).toEqual({ rows: [['城市', '气温'], ['杭州', '35']], encoding: 'utf-8' });
    const bom = Uint8Array.from([0xef, 0xbb, 0xbf, ...plain]);
    expect(decodeCsvBytes(bom).text).toBe(text);
  });

  it('keeps quoted commas, doubled quotes and line breaks; pads short rows; skips blank lines', () => {
    expect(parseCsvRows('名称,说明\r\n"甲,乙","他说""好"""\r\n\r\n单列\r\n')).toEqual([['名称', '说明'], ['甲,乙', '他说"好"'], ['单列', '']]);
  });

  it('guesses a tab or semicolon delimiter', () => {
    expect(parseCsvRows('a\tb\n1\t2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsvRows('a;b\n1;2\n')).toEqual([['a', 'b'], ['1', '2']]);
  });

  it('refuses what cannot become a table, with a code and one line', () => {
    expect(refusal(() => importCsv(new Uint8Array(MAX_CSV_BYTES + 1))).code).toBe('too-large');
    expect(refusal(() => importCsv(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).code).toBe('binary');
    expect(refusal(() => importCsv(new TextEncoder().encode('\n\n'))).code).toBe('empty');
    expect(refusal(() => parseCsvRows('a,"unclosed\nb,c\n')).code).toBe('malformed');
    const wide = refusal(() => parseCsvRows(`${new Array(MAX_TABLE_COLUMNS + 1).fill('x').join(',')}\n`));
    expect(wide.code).toBe('too-many-columns');
    expect(wide.message).not.toContain('\n');
    expect(refusal(() => parseCsvRows('x\n'.repeat(MAX_CSV_ROWS + 1))).code).toBe('too-many-rows');
  });
});
