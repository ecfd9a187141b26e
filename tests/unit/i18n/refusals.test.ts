/**
 * Refused edits speak the interface language: the pure edits throw a `UiMessageError` (a message key and
 * values), and where the refusal is shown (`errorText`) it is formatted in the language the interface speaks.
 */
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../../src-core/i18n/translator.js';
import { setFramesWrap } from '../../../src-renderer/state/arrange.js';
import { renameStory, setTextFrameSettings, threadFrames } from '../../../src-renderer/state/document-edits.js';
import { placeAsset } from '../../../src-renderer/state/image-edits.js';
import { removePage } from '../../../src-renderer/state/page-edits.js';
import { errorText, UiMessageError } from '../../../src-renderer/state/ui-message.js';
import { readFileSync } from 'node:fs';
import { unpackFolio } from '../../../src-core/model/folio-file.js';

const ZH = createTranslator('zh-CN');
const EN = createTranslator('en');
const doc = unpackFolio(new Uint8Array(readFileSync('templates/samples/deqing-front-2023-07-20.folio'))).document;

/** The error `run` throws (the test fails when it throws none). */
function refusal(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the edit to be refused');
}

describe('a refused edit', () => {
  it('is shown in Chinese in a Chinese interface, and in English in an English one', () => {
    const err = refusal(() => renameStory(doc, 'leidian', '  '));
    expect(err).toBeInstanceOf(UiMessageError);
    expect(err).toBeInstanceOf(RangeError);
    expect(errorText(err, ZH)).toBe('稿件需要一个名称。');
    expect(errorText(err, EN)).toBe('A story needs a name.');
  });

  it('puts its values into the message in either language', () => {
    const columns = refusal(() => setTextFrameSettings(doc, 'bikes', { columns: 25 }));
    expect(errorText(columns, ZH)).toBe('框的栏数为 1 到 20 栏，不能是 25。');
    expect(errorText(columns, EN)).toBe('A frame has 1 to 20 columns, not 25.');
    expect(errorText(refusal(() => threadFrames(doc, 'lead-2', 'lead-head')), ZH)).toContain('循环');
    expect(errorText(refusal(() => setFramesWrap(doc, ['photo'], -1)), ZH)).toBe('绕排间距须在 0 到 25.4 mm 之间。');
    const photo = Object.values(doc.assets)[0];
    expect(errorText(refusal(() => placeAsset(doc, 0, photo, 'lead-1')), ZH)).toBe('图片只能置入图片框或广告框，不能置入文字块。');
  });

  it('leaves no Latin prose in the Chinese text of any refusal', () => {
    const single = { ...doc, pages: doc.pages.slice(0, 1) };
    for (const run of [() => removePage(single, 0), () => removePage(doc, 9), () => renameStory(doc, '无此稿', 'x')]) {
      expect(errorText(refusal(run), ZH)).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('shows other errors as they are', () => {
    expect(errorText(new Error('disk full'), ZH)).toBe('disk full');
    expect(errorText('odd', ZH)).toBe('odd');
  });
});
