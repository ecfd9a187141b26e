/**
 * Page content streams: PageLayout items turned into PDF operators, without re-breaking or
 * re-measuring anything.
 *
 * 1. Coordinates: layout points (top-left trim origin, y down) become PDF user space (bottom-left
 *    media origin, y up) here and only here: `pdfX = offsetPt + xPt`, `pdfY = offsetPt + trimHeightPt − yPt`,
 *    where `offsetPt` is bleed + slug (print) or 0 (proof).
 * 2. Colour: CMYK stays DeviceCMYK (`k`/`K`) in print; proof converts with `cmykToRgb` (`rg`/`RG`).
 * 3. Text: one BT/ET object per glyph run; `Tf` once, `Tm` at the first glyph (and wherever the
 *    horizontal scale changes: `a` = scaleX), then a `TJ` array of subset glyph codes whose kerning
 *    numbers move each glyph to its composed `xPt`. Each number is computed from the absolute target
 *    position, so rounding never accumulates along a line.
 * 4. Numbers are rounded to 1/10 000 pt so output is compact and byte-stable.
 * 5. Display effects (勾边/空心/阴影) are more text shows of the same glyphs with text render modes 1/2
 *    (`drawEffectRun`); plain runs take the one-show path and pay nothing for them.
 * 6. The hot operators (text, colour, rules, boxes) are written as text directly, in the exact form pdf-lib's
 *    `PDFOperator` would serialise them: a page has tens of thousands of operands, and building a pdf-lib object
 *    for each one was a third of an export's time in a fresh process. Other callers may still push operators.
 */
import { PDFNumber, PDFOperatorNames as Ops, type PDFName, type PDFOperator, type PDFPage } from 'pdf-lib';
import { cmykToRgb, type Cmyk } from '../model/colour.js';
import type { BoxItem, GlyphRunItem, PositionedGlyph, RectPt, RuleItem, StrokeDash } from '../layout/page-layout.js';
import { boxItemOutline, needsOutline, type OutlineStep } from '../layout/styled-lines.js';
import type { TextEffects } from '../layout/text-effects.js';
import { encodeGlyph, type PdfFontEntry, type PdfFontSet } from './fonts.js';
import { DEFAULT_FLATE_LEVEL, type Deflate } from './flate.js';
import { rawStream } from './raw-stream.js';

/** Decimal places kept in content-stream numbers: 1e-4 pt is far below any device resolution. */
const NUMBER_PRECISION = 1e4;
/** TJ adjustments below this (1/1000 em units) are dropped: invisible and they bloat the stream. */
const MIN_TJ_ADJUSTMENT = 0.01;

/** How layout colours are written. */
export type ColourMode = 'cmyk' | 'rgb';

/** Where the trim sits in PDF user space. */
export interface PageGeometry {
  /** Distance from the media box's left/bottom edge to the trim's left/bottom edge, points. */
  offsetPt: number;
  trimWidthPt: number;
  trimHeightPt: number;
}

/** Rounds a number for the content stream. */
export function roundPt(n: number): number {
  const r = Math.round(n * NUMBER_PRECISION) / NUMBER_PRECISION;
  return r === 0 ? 0 : r;
}

/** A rounded PDF number operand. */
export function pdfNumber(n: number): PDFNumber {
  return PDFNumber.of(roundPt(n));
}

/** Largest magnitude `String` writes without an exponent (ECMAScript Number::toString switches at 1e21). */
const PLAIN_NUMBER_LIMIT = 1e21;

/**
 * A rounded number as content-stream text: what `String(pdfNumber(n))` gives. After rounding to 1e-4 a
 * number is 0 or at least 1e-4 in magnitude, so `String` never writes an exponent below; above, pdf-lib does.
 */
function num(n: number): string {
  const r = roundPt(n);
  return Math.abs(r) < PLAIN_NUMBER_LIMIT ? String(r) : String(PDFNumber.of(r));
}

/**
 * Collects the operators of one page and the resource names they use. Call `flush` once at the end.
 * Invariant: every `q` pushed by a method is matched by its `Q` within the same method.
 */
export class PageContent {
  /** Operators as content-stream lines, in order. */
  private readonly ops: string[] = [];
  private readonly fontNames = new Map<string, PDFName>();

  constructor(
    readonly page: PDFPage,
    readonly geometry: PageGeometry,
    readonly colourMode: ColourMode,
    private readonly fonts: PdfFontSet,
    /** Compresses the content stream (the host's zlib, or fflate). */
    private readonly deflate: Deflate,
    /** ExtGState resource name that sets overprint (print only), applied to 100 K text. */
    private readonly overprintGs?: PDFName,
  ) {}

  /** Layout x (points from trim left) → PDF x. */
  x(xPt: number): number {
    return this.geometry.offsetPt + xPt;
  }

  /** Layout y (points from trim top, down) → PDF y (up). */
  y(yPt: number): number {
    return this.geometry.offsetPt + this.geometry.trimHeightPt - yPt;
  }

  /** Appends raw operators (for marks drawn directly in PDF coordinates). */
  push(...ops: PDFOperator[]): void {
    for (const op of ops) this.ops.push(op.toString());
  }

  /** Sets the fill colour. `registration` = all inks 100 % in print. */
  fill(colour: Cmyk): void {
    this.ops.push(this.colourOp(colour, false));
  }

  /** Sets the stroke colour. */
  stroke(colour: Cmyk): void {
    this.ops.push(this.colourOp(colour, true));
  }

  private colourOp(colour: Cmyk, stroking: boolean): string {
    if (this.colourMode === 'cmyk') {
      return `${num(colour.c)} ${num(colour.m)} ${num(colour.y)} ${num(colour.k)} ${stroking ? Ops.StrokingColorCmyk : Ops.NonStrokingColorCmyk}`;
    }
    const { r, g, b } = cmykToRgb(colour);
    return `${num(r)} ${num(g)} ${num(b)} ${stroking ? Ops.StrokingColorRgb : Ops.NonStrokingColorRgb}`;
  }

  /** The page's resource name for a font (registered on first use). */
  fontName(fontId: string): PDFName {
    let name = this.fontNames.get(fontId);
    if (!name) {
      const entry = this.fontEntry(fontId);
      name = this.page.node.newFontDictionary('F', entry.pdfFont.ref);
      this.fontNames.set(fontId, name);
    }
    return name;
  }

  private fontEntry(fontId: string): PdfFontEntry {
    const entry = this.fonts.get(fontId);
    if (!entry) throw new RangeError(`Font "${fontId}" was not embedded before drawing`);
    return entry;
  }

  /**
   * Draws a composed glyph run (one BT/ET). Glyph x positions are taken as given.
   * Black (100 K only) text overprints in print output.
   */
  drawGlyphRun(run: GlyphRunItem): void {
    if (run.glyphs.length === 0) return;
    if (run.effects) {
      this.drawEffectRun(run, run.effects);
      return;
    }
    const overprint = this.overprintGs && isPureBlack(run.colour);
    this.ops.push(Ops.PushGraphicsState);
    if (overprint) this.ops.push(`${this.overprintGs} ${Ops.SetGraphicsStateParams}`);
    this.fill(run.colour);
    this.showGlyphs(run.fontId, run.sizePt, run.glyphs, this.x(0), this.y(run.baselineYPt), 0, run.scaleX ?? 1, run.scaleY ?? 1);
    this.ops.push(Ops.PopGraphicsState);
  }

  /**
   * Draws a glyph run with display effects (勾边/空心/阴影) as text, so it stays extractable: the shadow and the
   * outline are extra text shows marked as artifacts (not read twice by extractors), the letter itself is
   * the last show. Stroke widths are in user space (points), as the canvas strokes them; joins are round.
   * Paint order: shadow (the letter's own painting, offset, in the shadow colour), outline (stroke at twice
   * its width, text render mode 1), then the fill (mode 0) or, for hollow type, the stroke alone (mode 1).
   * Overprint follows the colour of each show: 100 K overprints, any other colour (and white) knocks out.
   */
  private drawEffectRun(run: GlyphRunItem, effects: TextEffects): void {
    const hollow = effects.hollow;
    const outline = hollow ? undefined : effects.outline;
    // How the letter is painted: its text render mode, stroke width (points) and which colour is used.
    const letter: { mode: TextRenderMode; strokePt: number } = hollow
      ? { mode: TEXT_RENDER_STROKE, strokePt: hollow.widthPt }
      : outline ? { mode: TEXT_RENDER_FILL_STROKE, strokePt: 2 * outline.widthPt } : { mode: TEXT_RENDER_FILL, strokePt: 0 };
    const show = (colour: Cmyk, mode: TextRenderMode, strokePt: number, dxPt: number, dyPt: number, artifact: boolean): void => {
      if (artifact) this.ops.push(`/Artifact ${Ops.BeginMarkedContent}`);
      this.ops.push(Ops.PushGraphicsState);
      if (this.overprintGs && isPureBlack(colour)) this.ops.push(`${this.overprintGs} ${Ops.SetGraphicsStateParams}`);
      if (mode !== TEXT_RENDER_STROKE) this.fill(colour);
      if (mode !== TEXT_RENDER_FILL) {
        this.stroke(colour);
        this.ops.push(`${num(strokePt)} ${Ops.SetLineWidth}`, `${ROUND_JOIN} ${Ops.SetLineJoinStyle}`, `${mode} ${Ops.SetTextRenderingMode}`);
      }
      this.showGlyphs(run.fontId, run.sizePt, run.glyphs, this.x(dxPt), this.y(run.baselineYPt + dyPt), 0, run.scaleX ?? 1, run.scaleY ?? 1);
      this.ops.push(Ops.PopGraphicsState);
      if (artifact) this.ops.push(Ops.EndMarkedContent);
    };
    if (effects.shadow) show(effects.shadow.colour, letter.mode, letter.strokePt, effects.shadow.dxPt, effects.shadow.dyPt, true);
    if (outline) show(outline.colour, TEXT_RENDER_STROKE, 2 * outline.widthPt, 0, 0, true);
    if (hollow) show(hollow.colour, TEXT_RENDER_STROKE, hollow.widthPt, 0, 0, false);
    else show(run.colour, TEXT_RENDER_FILL, 0, 0, 0, false);
  }

  /**
   * Emits BT … ET for glyphs on one baseline. Glyph `xPt` is relative to `originX` (PDF x);
   * `baselineY` is a PDF y. `angleRad` rotates the whole run about its origin (watermark).
   * `runScaleX` / `runScaleY` (长体/扁体, 1 = natural) scale every outline in the text matrix, so the print shows
   * the same vector outlines as the screen; the horizontal one multiplies each glyph's own `scaleX`.
   */
  showGlyphs(
    fontId: string, sizePt: number, glyphs: readonly PositionedGlyph[], originX: number, baselineY: number, angleRad = 0, runScaleX = 1, runScaleY = 1,
  ): void {
    const entry = this.fontEntry(fontId);
    if (!(sizePt > 0) || !Number.isFinite(originX) || !Number.isFinite(baselineY)) {
      throw new RangeError(`Glyph run in font "${fontId}" has an invalid size or baseline (size ${sizePt} pt, baseline ${baselineY})`);
    }
    if (!(runScaleX > 0 && Number.isFinite(runScaleX)) || !(runScaleY > 0 && Number.isFinite(runScaleY))) {
      throw new RangeError(`Glyph run in font "${fontId}" has an invalid type scale (horizontal ${runScaleX}, vertical ${runScaleY})`);
    }
    const numGlyphs = entry.loaded.fontkit.numGlyphs;
    // .notdef (0) would print as tofu: the composer reports missing glyphs (preflight error), so it is not drawn.
    glyphs = glyphs.filter((g) => g.glyphId !== 0);
    for (const g of glyphs) {
      if (!Number.isInteger(g.glyphId) || g.glyphId < 0 || g.glyphId >= numGlyphs) {
        throw new RangeError(`Glyph id ${g.glyphId} ("${g.text}") does not exist in font "${fontId}" (${numGlyphs} glyphs)`);
      }
      if (!Number.isFinite(g.xPt) || !((g.scaleX ?? 1) > 0)) {
        throw new RangeError(`Glyph "${g.text}" in font "${fontId}" has an invalid position or scale (x ${g.xPt} pt, scaleX ${g.scaleX})`);
      }
    }
    if (glyphs.length === 0) return;
    const cos = Math.cos(angleRad);
    const sin = Math.sin(angleRad);
    this.ops.push(Ops.BeginText);
    this.ops.push(`${this.fontName(fontId)} ${num(sizePt)} ${Ops.SetFontAndSize}`);
    let i = 0;
    while (i < glyphs.length) {
      // A segment: consecutive glyphs with the same horizontal scale share one Tm and one TJ.
      const glyphScaleX = glyphs[i].scaleX ?? 1;
      const scaleX = glyphScaleX * runScaleX;
      const startXPt = glyphs[i].xPt;
      const px = originX + startXPt * cos;
      const py = baselineY + startXPt * sin;
      this.ops.push(`${num(scaleX * cos)} ${num(scaleX * sin)} ${num(-sin * runScaleY)} ${num(cos * runScaleY)} ${num(px)} ${num(py)} ${Ops.SetTextMatrix}`);
      // The TJ array as pdf-lib writes one: "[ " then each element followed by a space, then "]".
      let array = '[ ';
      let hex = '';
      // Pen position relative to the segment start, in text space points (before scaleX).
      let penPt = 0;
      for (; i < glyphs.length && (glyphs[i].scaleX ?? 1) === glyphScaleX; i++) {
        const g = glyphs[i];
        const targetPt = (g.xPt - startXPt) / scaleX;
        const adjust = roundAdjust(((penPt - targetPt) * 1000) / sizePt);
        if (Math.abs(adjust) >= MIN_TJ_ADJUSTMENT) {
          if (hex) array += `<${hex}> `;
          hex = '';
          array += `${String(PDFNumber.of(adjust))} `;
          penPt -= (adjust * sizePt) / 1000;
        }
        const code = encodeGlyph(entry, g.glyphId, g.text);
        hex += code.toString(16).toUpperCase().padStart(4, '0');
        penPt += (entry.advanceMilliEm(g.glyphId) * sizePt) / 1000;
      }
      if (hex) array += `<${hex}> `;
      this.ops.push(`${array}] ${Ops.ShowTextAdjusted}`);
    }
    this.ops.push(Ops.EndText);
  }

  /** Draws a rule (butt caps unless its dash asks for round ones). */
  drawRule(rule: RuleItem): void {
    if (!(rule.strokePt > 0)) return;
    this.strokeLine(this.x(rule.x1Pt), this.y(rule.y1Pt), this.x(rule.x2Pt), this.y(rule.y2Pt), rule.strokePt, rule.colour, rule);
  }

  /** Strokes a line given in PDF coordinates, dashed as `dash` says. */
  strokeLine(x1: number, y1: number, x2: number, y2: number, widthPt: number, colour: Cmyk, dash?: StrokeDash): void {
    this.ops.push(Ops.PushGraphicsState);
    this.stroke(colour);
    if (dash) this.dash(dash);
    this.ops.push(
      `${num(widthPt)} ${Ops.SetLineWidth}`,
      `${num(x1)} ${num(y1)} ${Ops.MoveTo}`,
      `${num(x2)} ${num(y2)} ${Ops.LineTo}`,
      Ops.StrokePath,
      Ops.PopGraphicsState,
    );
  }

  /**
   * Draws a box item: fill first, then stroke (stroke centred on the rectangle edge). A rounded or dashed box
   * traces `boxItemOutline`, the path the screen traces too.
   */
  drawBox(box: BoxItem): void {
    const doStroke = box.stroke !== undefined && box.strokePt > 0;
    if (!box.fill && !doStroke) return;
    this.ops.push(Ops.PushGraphicsState);
    if (box.fill) this.fill(box.fill);
    if (doStroke && box.stroke) {
      this.stroke(box.stroke);
      this.dash(box);
      this.ops.push(`${num(box.strokePt)} ${Ops.SetLineWidth}`);
    }
    if (needsOutline(box)) this.ops.push(...this.outlineLines(boxItemOutline(box)));
    else this.ops.push(this.rectLine(box.rect));
    this.ops.push(box.fill && doStroke ? Ops.FillNonZeroAndStroke : box.fill ? Ops.FillNonZero : Ops.StrokePath);
    this.ops.push(Ops.PopGraphicsState);
  }

  /** Sets the dash pattern and round caps of `dash` (nothing for an unbroken butt-capped stroke). */
  private dash(dash: StrokeDash): void {
    if (dash.roundCaps) this.ops.push(`1 ${Ops.SetLineCapStyle}`);
    if (dash.dashPt && dash.dashPt.length > 0) this.ops.push(`[${dash.dashPt.map(num).join(' ')}] 0 ${Ops.SetLineDashPattern}`);
  }

  /** Path operators tracing an outline given in layout points. */
  private outlineLines(steps: readonly OutlineStep[]): string[] {
    return steps.map((s) => {
      switch (s.op) {
        case 'move':
          return `${num(this.x(s.xPt))} ${num(this.y(s.yPt))} ${Ops.MoveTo}`;
        case 'line':
          return `${num(this.x(s.xPt))} ${num(this.y(s.yPt))} ${Ops.LineTo}`;
        case 'curve':
          return `${num(this.x(s.c1xPt))} ${num(this.y(s.c1yPt))} ${num(this.x(s.c2xPt))} ${num(this.y(s.c2yPt))} ${num(this.x(s.xPt))} ${num(this.y(s.yPt))} ${Ops.AppendBezierCurve}`;
        default:
          return Ops.ClosePath;
      }
    });
  }

  /** A `re` operator for a layout rectangle, as content-stream text. */
  private rectLine(rect: RectPt): string {
    return `${num(this.x(rect.xPt))} ${num(this.y(rect.yPt + rect.heightPt))} ${num(rect.widthPt)} ${num(rect.heightPt)} ${Ops.AppendRectangle}`;
  }

  /**
   * Draws an XObject (image or placed page, unit-square or `naturalWidth × naturalHeight` form space)
   * into `rect`, clipped to `clip`.
   * @param formSize the XObject's own size (1 × 1 for images, the page box size for forms)
   */
  drawXObject(name: PDFName, rect: RectPt, clip: RectPt, formSize: { widthPt: number; heightPt: number }): void {
    this.ops.push(
      Ops.PushGraphicsState,
      this.rectLine(clip),
      Ops.ClipNonZero,
      Ops.EndPath,
      `${num(rect.widthPt / formSize.widthPt)} ${num(0)} ${num(0)} ${num(rect.heightPt / formSize.heightPt)} ${num(this.x(rect.xPt))} ${num(this.y(rect.yPt + rect.heightPt))} ${Ops.ConcatTransformationMatrix}`,
      `${name} ${Ops.DrawObject}`,
      Ops.PopGraphicsState,
    );
  }

  /**
   * Writes the collected operators into the page as one Flate content stream, one operator per line as
   * pdf-lib's `pushOperators` would, but compressed with the injected deflate (several times faster than
   * pdf-lib's pako on a 6 000-glyph page).
   */
  flush(): void {
    if (this.ops.length === 0) return;
    const bytes = new TextEncoder().encode(`${this.ops.join('\n')}\n`);
    const context = this.page.doc.context;
    const ref = context.register(rawStream(context, this.deflate(bytes, DEFAULT_FLATE_LEVEL), { Filter: 'FlateDecode' }));
    this.page.node.addContentStream(ref);
    this.ops.length = 0;
  }
}

/** PDF text render modes used for display effects (PDF 32000-1 §9.3.6). */
type TextRenderMode = 0 | 1 | 2;
const TEXT_RENDER_FILL: TextRenderMode = 0;
const TEXT_RENDER_STROKE: TextRenderMode = 1;
const TEXT_RENDER_FILL_STROKE: TextRenderMode = 2;
/** Round line joins (`1 j`): a mitred outline grows spikes at every sharp corner of a glyph. */
const ROUND_JOIN = 1;

/** Only plain 100 K overprints: tints and rich blacks would change colour when overprinted. */
export function isPureBlack(colour: Cmyk): boolean {
  return colour.c === 0 && colour.m === 0 && colour.y === 0 && colour.k === 1;
}

function roundAdjust(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}
