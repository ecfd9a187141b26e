/**
 * Proofreaders' comments in proof PDFs: one Highlight annotation per open comment on a page (PDF 1.7 §12.5.6.10),
 * over the text it is about, holding the comment, its author and its time, so a reader's comment list shows it.
 *
 * 1. Rectangles come from `commentRects` (the same composed lines the canvas highlights), turned into PDF space.
 * 2. QuadPoints list each rectangle's corners in the order viewers expect: upper left, upper right, lower left,
 *    lower right; /Rect bounds them all.
 * 3. Text goes in as UTF-16 (hex, with a byte-order mark) so Chinese comments and names survive any viewer.
 * Print presets never call this: PDF/X pages carry no comments.
 */
import { PDFHexString, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import { commentRects } from '../layout/comment-rects.js';
import type { PageLayout } from '../layout/page-layout.js';
import type { ProofComment } from '../model/comments.js';
import type { PageGeometry } from './content-stream.js';

/** Highlight colour, DeviceRGB: the canvas's comment yellow. */
const HIGHLIGHT_RGB = [1, 0.82, 0.2] as const;
/** Annotation flag Print (bit 3): the highlight shows when the proof is printed too. */
const FLAG_PRINT = 4;

/**
 * Adds the open comments whose text is on this page as highlight annotations.
 * @returns how many annotations were added
 */
export function addCommentAnnotations(doc: PDFDocument, page: PDFPage, layout: PageLayout, geometry: PageGeometry, comments: readonly ProofComment[]): number {
  let added = 0;
  for (const comment of comments) {
    if (comment.resolved) continue;
    const rects = commentRects(layout, comment.storyId, comment.ranges);
    if (rects.length === 0) continue;
    const quad: number[] = [];
    let left = Infinity;
    let right = -Infinity;
    let bottom = Infinity;
    let top = -Infinity;
    for (const r of rects) {
      const x1 = geometry.offsetPt + r.xPt;
      const x2 = x1 + r.widthPt;
      const y1 = geometry.offsetPt + geometry.trimHeightPt - (r.yPt + r.heightPt);
      const y2 = y1 + r.heightPt;
      quad.push(x1, y2, x2, y2, x1, y1, x2, y1);
      left = Math.min(left, x1);
      right = Math.max(right, x2);
      bottom = Math.min(bottom, y1);
      top = Math.max(top, y2);
    }
    const created = Number.isNaN(Date.parse(comment.createdAt)) ? undefined : new Date(comment.createdAt);
    const annot = doc.context.obj({
      Type: 'Annot',
      Subtype: 'Highlight',
      Rect: [left, bottom, right, top],
      QuadPoints: quad,
      Contents: PDFHexString.fromText(comment.text),
      T: PDFHexString.fromText(comment.author),
      NM: PDFHexString.fromText(comment.id),
      C: [...HIGHLIGHT_RGB],
      F: FLAG_PRINT,
      ...(created ? { M: PDFString.fromDate(created), CreationDate: PDFString.fromDate(created) } : {}),
    });
    page.node.addAnnot(doc.context.register(annot));
    added++;
  }
  return added;
}
