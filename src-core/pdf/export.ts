/**
 * PageLayout → PDF bytes, in the print (PDF/X-1a:2001) or proof preset. Draws the finished layout
 * only: it never breaks lines or measures story text (ARCHITECTURE.md rule 2).
 *
 * 1. validate — pages, sizes, bleed and slug.
 * 2. prepare — a pdf-lib document without its "now"/random defaults; upstream fontkit registered
 *    through the adapter; every used font embedded once as a subset; the overprint ExtGState.
 * 3. draw — per page: boxes (MediaBox = trim + 2 × (bleed + slug) in print, = trim in proof;
 *    BleedBox, TrimBox), the proof watermark on the bare paper (under everything), then the layout items
 *    in paint order, then furniture: printer's marks and slug line (print) or footer, proofreaders' open
 *    comments and tracked changes as annotations (proof).
 * 4. finalize — subset names and ToUnicode, Info/PDF/X keys, OutputIntent (with the plant profile when
 *    given), XMP for X-4, save without object streams (PDF 1.3 for X-1a, 1.6 for X-4), and stamp the
 *    trailer /ID from a hash of the bytes.
 */
import { concatTransformationMatrix, PDFDocument, popGraphicsState, pushGraphicsState, type PDFName, type PDFPage } from 'pdf-lib';
import type { ImageItem, PageLayout } from '../layout/page-layout.js';
import { pdfRotationMatrix } from '../layout/rotation.js';
import type { FolioDocument } from '../model/document.js';
import type { ProofComment } from '../model/comments.js';
import type { TrackedChange } from '../model/tracked-change.js';
import { mmToPt } from '../model/units.js';
import type { FontProvider, LoadedFont } from '../text/font.js';
import { PageContent, type PageGeometry } from './content-stream.js';
import { createFontkitAdapter } from './fontkit-adapter.js';
import { deflateWithFflate, type Deflate, type Inflate } from './flate.js';
import { embedPdfFonts, finalizePdfFonts } from './fonts.js';
import { DEFAULT_TOTAL_INK_LIMIT_PCT, embedAsset, type AssetSource, type EmbeddedAsset } from './images.js';
import { drawPrintMarks } from './marks.js';
import { checkPrintOutputProfile, type IccProfileInfo } from './icc.js';
import type { RgbPixelConverter } from './images.js';
import type { PressGrey } from './mono-tone.js';
import type { ServiceMessage } from '../i18n/service-message.js';
import {
  PDFX4_PDF_MINOR_VERSION, PDFX_PDF_MINOR_VERSION, reserveDocumentId, setHeaderVersion, stampDocumentId, writeDocumentInfo,
  writeOutputIntent, writeXmpMetadata, type PdfxStandard,
} from './pdfx.js';
import { drawProofFooter, drawProofWatermark } from './proof.js';
import { addChangeAnnotations, addCommentAnnotations } from './comment-annotations.js';
import { ServiceRangeError } from '../i18n/service-message.js';

export type { AssetBytes, AssetSource, RgbPixelConverter } from './images.js';
export type { PdfxStandard } from './pdfx.js';

/**
 * The plant's ICC output profile: embedded as the OutputIntent's DestOutputProfile, and (when the host can
 * run a colour engine) the transform RGB pictures are separated with instead of the default formula.
 */
export interface OutputProfile {
  bytes: Uint8Array;
  /** From `readIccProfile`; must be a CMYK output profile. */
  info: IccProfileInfo;
  /** sRGB → this profile's CMYK, 8 bits per sample; absent: the documented default conversion. */
  convertRgb?: RgbPixelConverter;
  /** Lightness of K-only tints and of CMYK on this press, for mono pictures' grey (mono-tone.ts); absent: Rec. 709 luma. */
  pressGrey?: PressGrey;
}

/** Output preset: `print` = PDF/X-1a:2001 for the plant; `proof` = RGB screen PDF for proofreaders. */
export type PdfPreset = 'print' | 'proof';

/** Document facts printed in the slug line, the proof footer and the Info dictionary. */
export interface PdfExportMeta {
  /** Info /Title. */
  title: string;
  /** Newspaper name, e.g. 德清新闻. */
  paper: string;
  /** Issue date as printed, e.g. 2026-11-25. */
  issueDate: string;
  /** Edition, e.g. 城市版 (may be empty). */
  edition: string;
  /** Document (file) name for the proof footer. */
  documentName: string;
  /** Document version for the proof footer, e.g. "v3". */
  version?: string;
}

/** Template output settings (Template.output). */
export interface PdfOutputSettings {
  /** Registered output condition for the PDF/X OutputIntent, e.g. IFRA26. */
  outputConditionIdentifier: string;
  outputCondition: string;
  /** Total area coverage limit for converted RGB images, percent (default 240). */
  totalInkLimitPct?: number;
}

/**
 * A picture the exporter cannot embed: `message` names the picture, its frame and page in English (logs);
 * `uiMessage` says the same as a catalogue message (`service.export.pictureFailed`), the decoder's own words as
 * its detail.
 */
export class PictureExportError extends RangeError {
  constructor(message: string, readonly uiMessage: ServiceMessage, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PictureExportError';
  }
}

/** Everything `exportPdf` needs: the finished layout plus the environment, passed in. */
export interface PdfExportInput {
  /** Pages in output order, as composed. */
  pages: readonly PageLayout[];
  fonts: FontProvider;
  assets: AssetSource;
  preset: PdfPreset;
  meta: PdfExportMeta;
  output: PdfOutputSettings;
  /** Bleed beyond the trim, points (template bleedMm converted); print only. */
  bleedPt: number;
  /** Slug area beyond the bleed for marks and the slug line, points; print only. */
  slugPt: number;
  /** The export time: dates in the file, slug line and footer. Same input + same date ⇒ same bytes. */
  createdAt: Date;
  /** FontProvider id of the font for slug line, footer and watermark; default: the provider's first font. */
  furnitureFontId?: string;
  /** Local time offset for the export time printed in slug line and footer, minutes east of UTC (China: 480); default 0. */
  utcOffsetMinutes?: number;
  /** Flate compression for fonts, content and converted pixels; default fflate (a Node host passes its native zlib). */
  deflate?: Deflate;
  /** Flate decompression of PNG pictures' data; default fflate (a Node host passes its native zlib). */
  inflate?: Inflate;
  /** Print only: PDF/X-1a:2001 (default) or PDF/X-4, which requires `outputProfile`. */
  standard?: PdfxStandard;
  /** Print only: the plant's output profile. */
  outputProfile?: OutputProfile;
  /**
   * Proof only: proofreaders' comments (`collectComments`); the open ones whose text is on a page become
   * highlight annotations there. Print PDFs never carry comments.
   */
  comments?: readonly ProofComment[];
  /**
   * Proof only: tracked changes (`collectChanges`); those on a page become underline (insertion) and caret
   * (deletion) annotations there. Print PDFs never carry them.
   */
  changes?: readonly TrackedChange[];
}

/**
 * Writes the pages as one PDF.
 * @returns the PDF file bytes
 * @throws RangeError for invalid input (no pages, bad sizes, unknown fonts); for a picture that cannot be read, one
 *   line naming it (file name, frame, page) and what is wrong
 */
export async function exportPdf(input: PdfExportInput): Promise<Uint8Array> {
  validateInput(input);
  const furnitureFont = resolveFurnitureFont(input);
  const deflate = input.deflate ?? deflateWithFflate;
  const doc = await PDFDocument.create({ updateMetadata: false });
  // pdf-lib types its fontkit as the @pdf-lib fork's API; the adapter provides the part pdf-lib calls.
  doc.registerFontkit(createFontkitAdapter(input.fonts.all()) as unknown as Parameters<PDFDocument['registerFontkit']>[0]);

  const fontIds = new Set<string>([furnitureFont.id]);
  for (const page of input.pages) for (const item of page.items) if (item.kind === 'glyphs') fontIds.add(item.fontId);
  const fonts = await embedPdfFonts(doc, fontIds, input.fonts);
  const overprintRef = input.preset === 'print'
    ? doc.context.register(doc.context.obj({ Type: 'ExtGState', OP: true, op: true, OPM: 1 }))
    : undefined;
  const assetCache = new Map<string, EmbeddedAsset | undefined>();
  const inkLimitPct = input.output.totalInkLimitPct ?? DEFAULT_TOTAL_INK_LIMIT_PCT;
  const exportTime = formatExportTime(input.createdAt, input.utcOffsetMinutes);

  for (const layout of input.pages) {
    const offsetPt = input.preset === 'print' ? input.bleedPt + input.slugPt : 0;
    const geometry: PageGeometry = { offsetPt, trimWidthPt: layout.trimWidthPt, trimHeightPt: layout.trimHeightPt };
    const page = doc.addPage([layout.trimWidthPt + 2 * offsetPt, layout.trimHeightPt + 2 * offsetPt]);
    setPageBoxes(page, geometry, input.preset === 'print' ? input.bleedPt : 0);
    const overprintGs = overprintRef ? page.node.newExtGState('GS', overprintRef) : undefined;
    const content = new PageContent(page, geometry, input.preset === 'print' ? 'cmyk' : 'rgb', fonts, deflate, overprintGs);
    // The watermark goes down first, on the bare paper: anything drawn over it hides it, and nothing the
    // proofreader must read is ever painted over (PRINT.md "Images": a proof exists to be read).
    if (input.preset === 'proof') drawProofWatermark(content, furnitureFont);

    for (const item of layout.items) {
      // A rotated frame's item is drawn turned about the frame's centre, as the canvas turns it (rotation.ts).
      if (item.rotation) content.push(pushGraphicsState(), concatTransformationMatrix(...roundedMatrix(pdfRotationMatrix(item.rotation, (xPt, yPt) => ({ x: content.x(xPt), y: content.y(yPt) })))));
      switch (item.kind) {
        case 'glyphs':
          content.drawGlyphRun(item);
          break;
        case 'rule':
          content.drawRule(item);
          break;
        case 'box':
          content.drawBox(item);
          break;
        case 'image':
          await drawImage(content, item, layout.pageName, input, assetCache, inkLimitPct);
          break;
      }
      if (item.rotation) content.push(popGraphicsState());
    }

    if (input.preset === 'print') {
      drawPrintMarks(content, input.bleedPt, input.slugPt, furnitureFont, {
        paper: input.meta.paper, issueDate: input.meta.issueDate, pageName: layout.pageName, edition: input.meta.edition, exportTime,
      });
    } else {
      drawProofFooter(content, furnitureFont, layout.typeArea, {
        documentName: input.meta.documentName, pageName: layout.pageName, version: input.meta.version, exportTime,
      });
      if (input.comments) addCommentAnnotations(doc, page, layout, geometry, input.comments);
      if (input.changes) addChangeAnnotations(doc, page, layout, geometry, input.changes);
    }
    content.flush();
  }

  finalizePdfFonts(fonts, deflate);
  const standard = input.standard ?? 'x1a';
  writeDocumentInfo(doc, { title: input.meta.title, subject: `${input.meta.paper} ${input.meta.issueDate}`.trim(), createdAt: input.createdAt }, input.preset, standard);
  if (input.preset === 'print') {
    const profile = input.outputProfile ? { bytes: input.outputProfile.bytes, info: input.outputProfile.info } : undefined;
    writeOutputIntent(doc, input.output, profile, deflate);
    if (standard === 'x4') {
      const identity = [input.meta.paper, input.meta.issueDate, input.meta.edition, ...input.pages.map((p) => `${p.pageId}:${p.pageName}`)].join('|');
      writeXmpMetadata(doc, { title: input.meta.title, createdAt: input.createdAt, identity });
    }
  }
  reserveDocumentId(doc);
  const bytes = await doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  if (input.preset === 'print') setHeaderVersion(bytes, standard === 'x4' ? PDFX4_PDF_MINOR_VERSION : PDFX_PDF_MINOR_VERSION);
  return stampDocumentId(bytes);
}

/** The parts of `PdfExportInput` that follow from the document and its template. */
export type DocumentExportSettings = Pick<PdfExportInput, 'meta' | 'output' | 'bleedPt' | 'slugPt' | 'furnitureFontId'>;

/**
 * Reads export settings from a document: Info/slug facts from `doc.issue`, output condition and ink
 * limit from `template.output`, bleed and slug (mm → pt) from `template.page`, and the body style's
 * font (`paragraphStyles.paragraph`) for the slug line and footer.
 * @param documentName the file name shown in the proof footer
 */
export function documentExportSettings(doc: FolioDocument, fonts: FontProvider, documentName: string, version?: string): DocumentExportSettings {
  const { page, output, paragraphStyles } = doc.template;
  const body = paragraphStyles.paragraph?.font;
  const furnitureFontId = body ? fonts.resolve(body.family, body.weight)?.id : undefined;
  return {
    meta: {
      title: [doc.title || doc.issue.paper, doc.issue.date].filter(Boolean).join(' '),
      paper: doc.issue.paper, issueDate: doc.issue.date, edition: doc.issue.edition,
      documentName, ...(version ? { version } : {}),
    },
    output: { outputConditionIdentifier: output.outputConditionIdentifier, outputCondition: output.outputCondition, totalInkLimitPct: output.totalInkLimitPct },
    bleedPt: mmToPt(page.bleedMm),
    slugPt: mmToPt(page.slugMm),
    ...(furnitureFontId ? { furnitureFontId } : {}),
  };
}

/**
 * Export time as printed in slug line and footer, to the minute, with its offset named
 * (e.g. "2026-11-26 06:40 UTC+8"). The clock is passed in; nothing reads the machine's zone.
 * @param utcOffsetMinutes minutes east of UTC (default 0)
 */
export function formatExportTime(date: Date, utcOffsetMinutes = 0): string {
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw new RangeError(`UTC offset must be whole minutes within ±14 h, got ${utcOffsetMinutes}`);
  }
  const iso = new Date(date.getTime() + utcOffsetMinutes * 60_000).toISOString();
  const sign = utcOffsetMinutes < 0 ? '−' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const zone = abs === 0 ? 'UTC' : `UTC${sign}${Math.floor(abs / 60)}${abs % 60 ? `:${String(abs % 60).padStart(2, '0')}` : ''}`;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} ${zone}`;
}

function validateInput(input: PdfExportInput): void {
  if (input.pages.length === 0) throw new RangeError('Nothing to export: no pages were given');
  if (!(input.bleedPt >= 0) || !(input.slugPt >= 0)) throw new RangeError(`Bleed and slug must be ≥ 0 pt, got bleed ${input.bleedPt}, slug ${input.slugPt}`);
  if (Number.isNaN(input.createdAt.getTime())) throw new RangeError('Export time (createdAt) is not a valid date');
  if (input.preset === 'print' && input.standard === 'x4' && !input.outputProfile) {
    throw new RangeError("PDF/X-4 needs the plant's ICC output profile (a CMYK printer profile) to embed as the output intent");
  }
  if (input.preset === 'print' && input.outputProfile) checkPrintOutputProfile(input.outputProfile.info);
  for (const page of input.pages) {
    if (!(page.trimWidthPt > 0) || !(page.trimHeightPt > 0)) {
      throw new RangeError(`Page ${page.pageName} has no size (${page.trimWidthPt} × ${page.trimHeightPt} pt)`);
    }
  }
}

function resolveFurnitureFont(input: PdfExportInput): LoadedFont {
  const font = input.furnitureFontId ? input.fonts.byId(input.furnitureFontId) : input.fonts.all()[0];
  if (!font && input.furnitureFontId) throw new RangeError(`Furniture font "${input.furnitureFontId}" is not loaded`);
  // A template whose fonts are none of those installed: the user's document, said in words.
  if (!font) throw new ServiceRangeError({ key: 'service.export.noFonts' });
  return font;
}

/** Decimal places of a rotation's cos/sin in the content stream: 1e-6 keeps a page corner within 0.001 pt. */
const ROTATION_COEFFICIENT_DIGITS = 6;
/** Decimal places of its translation, points (the content stream's precision elsewhere). */
const ROTATION_OFFSET_DIGITS = 4;

/** A `cm` matrix rounded for the content stream (no exponent notation, no float noise such as 6.1e-17 for cos 90°). */
function roundedMatrix(m: readonly [number, number, number, number, number, number]): [number, number, number, number, number, number] {
  const round = (n: number, digits: number): number => {
    const r = Number(n.toFixed(digits));
    return r === 0 ? 0 : r;
  };
  return [round(m[0], ROTATION_COEFFICIENT_DIGITS), round(m[1], ROTATION_COEFFICIENT_DIGITS), round(m[2], ROTATION_COEFFICIENT_DIGITS), round(m[3], ROTATION_COEFFICIENT_DIGITS), round(m[4], ROTATION_OFFSET_DIGITS), round(m[5], ROTATION_OFFSET_DIGITS)];
}

/** MediaBox (page size), BleedBox = trim + bleed, TrimBox = the finished page; all in PDF user space. */
function setPageBoxes(page: PDFPage, g: PageGeometry, bleedPt: number): void {
  page.setBleedBox(g.offsetPt - bleedPt, g.offsetPt - bleedPt, g.trimWidthPt + 2 * bleedPt, g.trimHeightPt + 2 * bleedPt);
  page.setTrimBox(g.offsetPt, g.offsetPt, g.trimWidthPt, g.trimHeightPt);
}

async function drawImage(
  content: PageContent, item: ImageItem, pageName: string, input: PdfExportInput, cache: Map<string, EmbeddedAsset | undefined>, inkLimitPct: number,
): Promise<void> {
  // A picture on a black-and-white page is another XObject than the same picture in colour.
  const key = item.mono ? `${item.assetId}\u0000mono` : item.assetId;
  let embedded = cache.get(key);
  if (!cache.has(key)) {
    const asset = await input.assets(item.assetId);
    try {
      embedded = asset ? await embedAsset(content.page.doc, asset, input.preset, {
        inkLimitPct, ...(input.deflate ? { deflate: input.deflate } : {}), ...(input.inflate ? { inflate: input.inflate } : {}), ...(input.outputProfile?.convertRgb ? { convertRgb: input.outputProfile.convertRgb } : {}),
        ...(item.mono ? { mono: true, ...(input.outputProfile?.pressGrey ? { pressGrey: input.outputProfile.pressGrey } : {}) } : {}),
      }) : undefined;
    } catch (err) {
      // One line naming the picture and its frame: the user fixes the picture, not the exporter.
      const frame = item.frameId ? ` in frame "${item.frameId}"` : '';
      const picture = asset?.name ?? item.assetId;
      const detail = String((err as Error)?.message ?? err).split('\n')[0]!;
      const uiMessage: ServiceMessage = {
        key: 'service.export.pictureFailed',
        values: { picture, frame: item.frameId ? { key: 'service.export.inFrame', values: { frame: item.frameId } } : '', page: pageName, detail },
      };
      throw new PictureExportError(`Picture "${picture}"${frame} on page ${pageName} cannot be exported: ${detail}`, uiMessage, { cause: err });
    }
    cache.set(key, embedded);
  }
  if (!embedded) {
    // A missing asset is a preflight error; the page still shows where the picture belongs.
    drawMissingAsset(content, item);
    return;
  }
  const name: PDFName = content.page.node.newXObject('Im', embedded.ref);
  content.drawXObject(name, item.rect, item.clip, embedded.formSize);
}

/** The placeholder for a missing picture: the frame with both diagonals, 0.5 pt 100 K. */
function drawMissingAsset(content: PageContent, item: ImageItem): void {
  const black = { c: 0, m: 0, y: 0, k: 1 };
  const r = item.clip;
  content.drawBox({ kind: 'box', rect: r, strokePt: 0.5, stroke: black });
  content.strokeLine(content.x(r.xPt), content.y(r.yPt), content.x(r.xPt + r.widthPt), content.y(r.yPt + r.heightPt), 0.5, black);
  content.strokeLine(content.x(r.xPt), content.y(r.yPt + r.heightPt), content.x(r.xPt + r.widthPt), content.y(r.yPt), 0.5, black);
}
