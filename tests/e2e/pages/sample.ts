/**
 * The sample document as the tests know it (read with the product's own .folio reader), for frame geometry
 * and page size in points.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { unpackFolio } from '../../../src-core/model/folio-file.js';
import type { FolioDocument, Frame } from '../../../src-core/model/document.js';
import { mmToPt } from '../../../src-core/model/units.js';

/** Path of the shipped sample. */
export const SAMPLE_PATH = path.resolve(import.meta.dirname, '..', '..', '..', 'templates', 'samples', 'deqing-front-2023-07-20.folio');

/**
 * The preflight errors the untouched sample has in print presets: its photo is a placeholder, which must not go
 * to press (exports of the sample confirm exactly this).
 */
export const SAMPLE_PRINT_ERRORS = /^Placeholder picture in frame "photo"/;

/** The sample document. */
export function loadSample(): FolioDocument {
  return unpackFolio(new Uint8Array(readFileSync(SAMPLE_PATH))).document;
}

/** Page trim size in points. */
export function trimSizePt(doc: FolioDocument): { widthPt: number; heightPt: number } {
  return { widthPt: mmToPt(doc.template.page.trimWidthMm), heightPt: mmToPt(doc.template.page.trimHeightMm) };
}

/**
 * A frame of the first page by id.
 * @throws RangeError when the sample has no such frame (the sample changed: update the test)
 */
export function sampleFrame(doc: FolioDocument, frameId: string): Frame {
  const frame = doc.pages[0].frames.find((f) => f.id === frameId);
  if (!frame) throw new RangeError(`The sample has no frame "${frameId}"`);
  return frame;
}
