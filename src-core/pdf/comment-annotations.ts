/**
 * Proofreaders' comments and tracked changes in proof PDFs, as markup annotations a reader's comment list shows,
 * each holding the text, its author and its time:
 * - an open comment: a Highlight annotation (PDF 1.7 §12.5.6.10) over the text it is about; when a tracked
 *   deletion struck all of that text (it is not set, so a highlight would have no width), a Text annotation
 *   (§12.5.6.4, a note) at the cut instead, caret-sized (`commentMark`), with its own appearance: a small yellow
 *   note on a stem standing on the line, so every viewer shows it where the text was;
 * - a tracked insertion: an Underline annotation under the inserted text, "插入 …";
 * - a tracked deletion (its text is not on the page): a Caret annotation (§12.5.6.11) at the cut, "删除 …".
 *
 * 1. Rectangles come from `commentMark` (the same composed lines the canvas highlights), turned into PDF space.
 * 2. QuadPoints list each rectangle's corners in the order viewers expect: upper left, upper right, lower left,
 *    lower right; /Rect bounds them all.
 * 3. Text goes in as UTF-16 (hex, with a byte-order mark) so Chinese comments and names survive any viewer.
 * Print presets never call this: PDF/X pages carry no comments.
 */
import { PDFHexString, PDFName, PDFOperator, PDFOperatorNames as Ops, PDFString, type PDFDocument, type PDFPage, type PDFRef } from 'pdf-lib';
import { commentMark } from '../layout/comment-rects.js';
import type { PageLayout, RectPt } from '../layout/page-layout.js';
import { changeMarks } from '../layout/change-rects.js';
import type { TrackedChange } from '../model/tracked-change.js';
import type { ProofComment } from '../model/comments.js';
import { pdfNumber, type PageGeometry } from './content-stream.js';

/** Highlight colour, DeviceRGB: the canvas's comment yellow. */
const HIGHLIGHT_RGB = [1, 0.82, 0.2] as const;
/** Tracked-change colours, DeviceRGB: the canvas's insertion green and deletion red. */
const INSERTED_RGB = [0.16, 0.63, 0.32] as const;
const DELETED_RGB = [0.7, 0.15, 0.12] as const;
/** Half the width of a deletion's caret box, points (the cut itself has no width). */
const CARET_HALF_WIDTH_PT = 3;
/** Annotation flag Print (bit 3): the highlight shows when the proof is printed too. */
const FLAG_PRINT = 4;
/** Outline and stem of a struck comment's note, DeviceRGB: a dark amber that stands out from the yellow and the text. */
const NOTE_OUTLINE_RGB = [0.62, 0.4, 0] as const;
/** Line width of the note's outline and stem, points: a hairline that still prints. */
const NOTE_LINE_PT = 0.5;

/** A markup annotation to write: where (layout rectangles), what and by whom. */
interface Markup {
  subtype: 'Highlight' | 'Underline' | 'Caret' | 'Text';
  rects: readonly RectPt[];
  contents: string;
  author: string;
  id: string;
  createdAt: string;
  rgb: readonly number[];
  /** The annotation's normal appearance (a form XObject sized to its one rectangle). */
  appearance?: PDFRef;
}

function addMarkup(doc: PDFDocument, page: PDFPage, geometry: PageGeometry, m: Markup): void {
  const quad: number[] = [];
  let left = Infinity;
  let right = -Infinity;
  let bottom = Infinity;
  let top = -Infinity;
  for (const r of m.rects) {
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
  const created = Number.isNaN(Date.parse(m.createdAt)) ? undefined : new Date(m.createdAt);
  const annot = doc.context.obj({
    Type: 'Annot',
    Subtype: m.subtype,
    ...(m.subtype === 'Caret' ? { Rect: [left - CARET_HALF_WIDTH_PT, bottom, right + CARET_HALF_WIDTH_PT, top] }
      : m.subtype === 'Text' ? { Rect: [left, bottom, right, top], Name: 'Comment' }
        : { Rect: [left, bottom, right, top], QuadPoints: quad }),
    Contents: PDFHexString.fromText(m.contents),
    T: PDFHexString.fromText(m.author),
    NM: PDFHexString.fromText(m.id),
    C: [...m.rgb],
    F: FLAG_PRINT,
    ...(created ? { M: PDFString.fromDate(created), CreationDate: PDFString.fromDate(created) } : {}),
    ...(m.appearance ? { AP: { N: m.appearance } } : {}),
  });
  page.node.addAnnot(doc.context.register(annot));
}

/**
 * The appearance of a struck comment's note in a `widthPt` × `heightPt` box (PDF space, origin bottom left): a
 * yellow square as wide as the box at its top, with two text lines, on a stem down to the bottom of the line.
 * Painted in the Multiply blend mode, as viewers paint highlights: the characters either side of the cut, which
 * the note overlaps, stay black and readable through it (a proof exists to be read).
 */
function noteAppearance(doc: PDFDocument, widthPt: number, heightPt: number): PDFRef {
  const n = pdfNumber;
  const inset = NOTE_LINE_PT / 2;
  const side = widthPt - NOTE_LINE_PT;
  const squareBottom = heightPt - widthPt + inset;
  const textLine = (share: number) => [
    PDFOperator.of(Ops.MoveTo, [n(widthPt * 0.25), n(squareBottom + side * share)]),
    PDFOperator.of(Ops.LineTo, [n(widthPt * 0.75), n(squareBottom + side * share)]),
  ];
  const ops = [
    PDFOperator.of(Ops.PushGraphicsState),
    PDFOperator.of(Ops.SetGraphicsStateParams, [PDFName.of('Multiply')]),
    PDFOperator.of(Ops.SetLineWidth, [n(NOTE_LINE_PT)]),
    PDFOperator.of(Ops.StrokingColorRgb, NOTE_OUTLINE_RGB.map(n)),
    PDFOperator.of(Ops.NonStrokingColorRgb, HIGHLIGHT_RGB.map(n)),
    PDFOperator.of(Ops.MoveTo, [n(widthPt / 2), n(0)]),
    PDFOperator.of(Ops.LineTo, [n(widthPt / 2), n(squareBottom)]),
    PDFOperator.of(Ops.StrokePath),
    PDFOperator.of(Ops.AppendRectangle, [n(inset), n(squareBottom), n(side), n(side)]),
    PDFOperator.of(Ops.FillNonZeroAndStroke),
    ...textLine(0.35),
    ...textLine(0.65),
    PDFOperator.of(Ops.StrokePath),
    PDFOperator.of(Ops.PopGraphicsState),
  ];
  return doc.context.register(doc.context.formXObject(ops, {
    BBox: [0, 0, widthPt, heightPt],
    Resources: { ExtGState: { Multiply: { Type: 'ExtGState', BM: 'Multiply' } } },
  }));
}

/**
 * Adds the open comments whose text is on this page: highlight annotations over their text, or a note at the cut
 * for a comment whose text a tracked deletion struck.
 * @returns how many annotations were added
 */
export function addCommentAnnotations(doc: PDFDocument, page: PDFPage, layout: PageLayout, geometry: PageGeometry, comments: readonly ProofComment[]): number {
  let added = 0;
  for (const comment of comments) {
    if (comment.resolved) continue;
    const mark = commentMark(layout, comment.storyId, comment.ranges);
    if (!mark) continue;
    const note = mark.struck ? mark.rects[0]! : undefined;
    addMarkup(doc, page, geometry, {
      subtype: note ? 'Text' : 'Highlight', rects: mark.rects, contents: comment.text, author: comment.author, id: comment.id,
      createdAt: comment.createdAt, rgb: HIGHLIGHT_RGB, appearance: note ? noteAppearance(doc, note.widthPt, note.heightPt) : undefined,
    });
    added++;
  }
  return added;
}

/**
 * Adds the tracked changes on this page: insertions underlined, deletions as a caret at the cut.
 * @returns how many annotations were added
 */
export function addChangeAnnotations(doc: PDFDocument, page: PDFPage, layout: PageLayout, geometry: PageGeometry, changes: readonly TrackedChange[]): number {
  const marks = changeMarks(layout, changes);
  for (const { change, rects } of marks) {
    const inserted = change.kind === 'insertion';
    addMarkup(doc, page, geometry, {
      subtype: inserted ? 'Underline' : 'Caret', rects,
      contents: `${inserted ? '插入 Inserted' : '删除 Deleted'}：「${change.text}」`,
      author: change.author, id: `${change.kind}-${change.id}`, createdAt: change.createdAt, rgb: inserted ? INSERTED_RGB : DELETED_RGB,
    });
  }
  return marks.length;
}
