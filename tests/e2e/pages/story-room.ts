/**
 * A plain three-column story with room, made from the sample as a layout editor would, for the column (变栏, 齐底)
 * and text-wrap tests. The sample comes filled to the original page's column ends (issue 17), so none of its
 * stories has room as it comes: the advert under 「县领导调研雷甸镇…」 is pulled (its text frame and box deleted),
 * and that story's frame is taken down over the advert's place, set in three columns and not balanced.
 */
import { expect, type Locator } from '@playwright/test';
import type { PageCanvas, RectPt } from './canvas.js';
import { mmToPt, ptToMm } from '../../../src-core/model/units.js';
import { loadSample, sampleFrame } from './sample.js';

const sample = loadSample();
/** Body size of the sample's template (小五), points: one character of a measure. */
const BODY_PT = 9;
/** The story's frame as the sample has it. */
const leidian = sampleFrame(sample, 'leidian');
const adBox = sampleFrame(sample, 'ad-box');
const adText = sampleFrame(sample, 'ad-text');

/** Grid line pitch of the sample, points. */
export const PITCH_PT = sample.template.grid.linePitchPt;
/** Grid lines the story's headline group takes at the top of its frame, across all its columns (headline, byline). */
export const HEAD_LINES = 3;
/** Depth of the frame made deeper, grid lines: from its top to the foot of the type area, over the pulled advert. */
export const DEPTH_LINES = sample.template.grid.linesPerColumn - Math.round((leidian.yPt - mmToPt(sample.template.page.typeAreaTopMm)) / PITCH_PT);
/** Text columns of the prepared frame. */
export const COLUMNS = 3;

/** The prepared frame: where it is, its gutter and column width (three equal columns), points. */
export interface StoryRoom extends RectPt {
  readonly gutterPt: number;
  readonly columnWidthPt: number;
  /** Top of its body under the headline group (grid line HEAD_LINES of the frame), points. */
  readonly bodyTopPt: number;
}

/** The prepared frame's geometry (known before it is made). */
export const storyRoom: StoryRoom = (() => {
  const gutterPt = (leidian.kind === 'text' ? leidian.gutterChars : 1) * BODY_PT;
  const heightPt = DEPTH_LINES * PITCH_PT;
  return {
    xPt: leidian.xPt, yPt: leidian.yPt, widthPt: leidian.widthPt, heightPt, gutterPt,
    columnWidthPt: (leidian.widthPt - (COLUMNS - 1) * gutterPt) / COLUMNS,
    bodyTopPt: leidian.yPt + HEAD_LINES * PITCH_PT,
  };
})();

/**
 * Pulls the advert and makes the 雷甸 story's frame the plain three-column frame `storyRoom` describes, with the
 * page's Inspector; the frame stays selected.
 */
export async function makeStoryRoom(canvas: PageCanvas, panel: Locator): Promise<void> {
  // The advert's text frame, then (Shift) its box where the text frame's inset leaves it uncovered: Delete both.
  await canvas.clickAt(adText.xPt + adText.widthPt / 2, adText.yPt + adText.heightPt / 2);
  await expect(panel).toContainText('ad-text');
  await canvas.shiftClickAt(adBox.xPt + 2, adBox.yPt + 2);
  await expect(panel).toContainText('2 frames selected');
  await canvas.surface.press('Delete');
  await expect(canvas.frameText('ad-text')).toHaveCount(0);

  await canvas.clickAt(leidian.xPt + 20, storyRoom.bodyTopPt + 2 * PITCH_PT);
  await expect(panel).toContainText('Text frame leidian');
  const height = panel.getByRole('spinbutton', { name: 'Height (mm)' });
  const mm = ptToMm(storyRoom.heightPt).toFixed(1);
  await height.fill(mm);
  await height.press('Enter');
  await expect(height).toHaveValue(mm);
  const columns = panel.getByRole('spinbutton', { name: 'Columns' });
  await columns.fill(String(COLUMNS));
  await columns.press('Enter');
  await expect(columns).toHaveValue(String(COLUMNS));
  const balance = panel.getByRole('checkbox', { name: 'Balance columns' });
  await balance.uncheck();
  await expect(balance).not.toBeChecked();
}
