import { describe, expect, it } from 'vitest';
import { createComposer } from '../../../src-core/layout/compose.js';
import { blk, bodyText, broadsheet, cols, documentOf, p, story, testFonts, textFrame } from './fixtures.js';

describe('smoke', () => {
  it('composes', () => {
    const tpl = broadsheet();
    const s = story('lead', blk('kicker', '“八八战略”在德清'), blk('headline', '“停不下来”的改革创造了奇迹'), blk('byline', '记者 董华'), cols(p(bodyText(300)), blk('subhead', '以改革促创新发展'), p(bodyText(400, 7))));
    const doc = documentOf([s], [{ id: 'A01', frames: [textFrame(tpl, 'f1', 'lead', [0, 3, 0, 40])] }], tpl);
    const c = createComposer(testFonts());
    const t0 = performance.now();
    const out = c.compose(doc);
    console.log('ms', performance.now() - t0, c.stats);
    const page = out.pages[0]!;
    console.log(page.lines.slice(0, 6).map((l) => [l.column, l.rect.xPt.toFixed(1), l.baselineYPt.toFixed(2), l.fromPos, l.toPos]));
    console.log(page.overset, page.copyfit, page.warnings, out.notices);
    expect(page.lines.length).toBeGreaterThan(10);
  });
});
