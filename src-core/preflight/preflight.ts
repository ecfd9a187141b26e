/**
 * Preflight: what would go wrong on the press, found before export (PRINT.md). A pure function
 * over the document, its finished layouts and facts about its assets (read beforehand by
 * `collectAssetInfo`), so the panel, the CLI and tests get the same answers.
 *
 * 1. collectLayoutFindings — overset text, composer warnings (missing fonts/glyphs are errors),
 *    image resolution (warn below 200 ppi, error below 120 ppi).
 * 2. collectAssetFindings — image frames without a picture, assets missing from the document or that export
 *    cannot read (`collectAssetInfo` decodes each as export will), placeholder pictures (an error in print: they
 *    would be printed; a warning in proofs, like an empty frame), RGB images in the print preset (converted by the exporter's default formula: a
 *    warning), placed PDFs with RGB or transparency (embedded unchanged: errors), placed PDFs carrying scripts,
 *    actions, annotations or embedded files (stripped on export: a warning in every preset).
 * 3. collectFrameFindings — empty text frames, missing stories, text frames outside the type area,
 *    threads to missing frames, thread loops.
 *    collectRotatedOffPage — rotated pictures and boxes whose turned rectangle reaches beyond the bleed.
 * 4. collectInkFindings — template and frame colours above the total ink limit.
 * 5. collectOutputNameFindings — pages whose exported files would share one name (the naming pattern's names,
 *    compared as case-insensitive file systems compare them): export would refuse the second.
 *    collectNoticeFindings — the composer's notices about the document's data (a missing style or field): warnings.
 * 6. dedupe and sort — errors first, then warnings, then info; within a severity by page order.
 *
 * Pictures are named by the file they were placed from (`assetFileName`), never by their content-hash id.
 * Every finding carries a message key and its values (`formatFinding` says it in the reader's language), and its
 * English text in `message` for logs, JSON and tests.
 */
import { assetFileName, type FolioDocument, type Frame, type PmNodeJson, type TextFrame } from '../model/document.js';
import { totalInkPercent, type Cmyk } from '../model/colour.js';
import { ptToMm } from '../model/units.js';
import { minStrokePtOf } from '../model/line-style.js';
import type { ComposeNotice } from '../layout/notice.js';
import type { ImageItem, PageLayout, RectPt } from '../layout/page-layout.js';
import { frameRotation, rotatedBounds } from '../layout/rotation.js';
import type { FontProvider } from '../text/font.js';
import { collectComments } from '../model/comments.js';
import { collectChanges } from '../model/tracked-change.js';
import { commentRects } from '../layout/comment-rects.js';
import type { ImageInfo } from '../pdf/image-info.js';
import type { AssetSource } from '../pdf/images.js';
import type { ActiveContent } from '../pdf/placed-pdf.js';
import type { Inflate } from '../pdf/flate.js';
import { outputNameClashes } from '../pdf/output-name.js';
import { createTranslator, type Translator } from '../i18n/translator.js';
import type { MessageKey } from '../i18n/messages/en.js';

/** How bad a finding is: errors block a print export in the UI; warnings need a look; info is advice. */
export type Severity = 'error' | 'warning' | 'info';

/** Machine-readable finding codes (stable: the UI and the CLI filter on them). */
export type FindingCode =
  | 'overset'
  | 'missing-font'
  | 'missing-glyph'
  | 'overfull-line'
  | 'loose-line'
  | 'kinsoku-relaxed'
  | 'punctuation-squeezed'
  | 'low-resolution'
  | 'missing-asset'
  | 'unreadable-asset'
  | 'empty-image-frame'
  | 'placeholder-picture'
  | 'rgb-image'
  | 'pdf-transparency'
  | 'pdf-active-content'
  | 'total-ink'
  | 'empty-text-frame'
  | 'missing-story'
  | 'outside-type-area'
  | 'broken-thread'
  | 'thread-loop'
  | 'output-profile'
  | 'pdf-fonts'
  | 'pdf-size'
  | 'open-comment'
  | 'tracked-change'
  | 'output-name-clash'
  | 'small-reversed-text'
  | 'colour-on-mono-page'
  | 'rotated-off-page'
  | 'fine-border'
  /** Composer notices (layout/notice.ts): a style or field the template or issue lacks, content it cannot set. */
  | 'missing-style'
  | 'invalid-style'
  | 'missing-field'
  | 'unknown-block';

/** One preflight finding. */
export interface Finding {
  severity: Severity;
  code: FindingCode;
  /** The page concerned; '' for findings about the template itself (e.g. a style colour). */
  pageId: string;
  frameId?: string;
  storyId?: string;
  /** The catalogue message saying what is wrong and what to do (`formatFinding` puts it into words). */
  key: MessageKey;
  /** The message's values (names, counts; `what` of pdf-active-content lists ActiveContent codes, comma-separated). */
  values: Readonly<Record<string, string | number>>;
  /** The message in English, a newsroom user can act on (logs, `--json`, tests). */
  message: string;
}

/** Slack before a turned frame counts as off the page, points: rounding of a frame placed in millimetres. */
const OFF_PAGE_SLACK_PT = 0.01;

/** English, for each finding's `message`. */
const ENGLISH = createTranslator('en');

/** The catalogue key naming each kind of active content a placed PDF can carry, in the order listed. */
const ACTIVE_CONTENT_KEYS: Record<ActiveContent, MessageKey> = {
  javascript: 'preflight.activeContent.javascript',
  launch: 'preflight.activeContent.launch',
  uri: 'preflight.activeContent.uri',
  'other-actions': 'preflight.activeContent.otherActions',
  'additional-actions': 'preflight.activeContent.additionalActions',
  'open-action': 'preflight.activeContent.openAction',
  annotations: 'preflight.activeContent.annotations',
  'embedded-files': 'preflight.activeContent.embeddedFiles',
};

/**
 * A finding's message in the language of `translator` (the panel's, or the CLI's from LANG).
 * @returns one line
 */
export function formatFinding(finding: Pick<Finding, 'code' | 'key' | 'values'>, translator: Translator): string {
  if (finding.code === 'pdf-active-content' && typeof finding.values.what === 'string') {
    const what = finding.values.what.split(',').map((code) => translator.t(ACTIVE_CONTENT_KEYS[code as ActiveContent] ?? 'preflight.activeContent.otherActions'));
    return translator.t(finding.key, { ...finding.values, what: what.join(translator.t('preflight.listSeparator')) });
  }
  return translator.t(finding.key, finding.values);
}

/** A finding of `base`, with its message `key` and `values`, said in English in `message`. */
function finding(base: Omit<Finding, 'key' | 'values' | 'message'>, key: MessageKey, values: Record<string, string | number> = {}): Finding {
  return { ...base, key, values, message: formatFinding({ code: base.code, key, values }, ENGLISH) };
}

/** Preflight settings and the facts it may not fetch itself. */
export interface PreflightOptions {
  /** The export preset being checked for: RGB images matter only for `print`. */
  preset: 'print' | 'proof';
  /** Facts about each asset's bytes (from `collectAssetInfo`); a missing or undefined entry = bytes unavailable. */
  assetInfo: ReadonlyMap<string, ImageInfo | undefined>;
  /** When given, every paragraph and character style font must resolve to a loaded font. */
  fonts?: FontProvider;
  /** Print standard checked for (default PDF/X-1a): PDF/X-4 needs the document's output profile. */
  standard?: 'x1a' | 'x4';
  /** Effective resolution below which images are a warning (PRINT.md: 200 ppi). */
  minPpiWarning?: number;
  /** Effective resolution below which images are an error (PRINT.md: ≈ 120 ppi). */
  minPpiError?: number;
  /** The composer's notices about the document's data (compose's `notices`), listed as warnings. */
  notices?: readonly ComposeNotice[];
}

/** Newsprint minimum effective resolution (PRINT.md "Images"). */
export const DEFAULT_MIN_PPI_WARNING = 200;
/** Below this a picture visibly pixelates on newsprint (PRINT.md "Images"). */
export const DEFAULT_MIN_PPI_ERROR = 120;
/** Frames may overhang the type area by this much (rounding of mm templates) before it is reported. */
const TYPE_AREA_TOLERANCE_PT = 0.5;
/** Points per inch. */
const PT_PER_INCH = 72;
/**
 * Reversed type smaller than this, points, is a warning: below 8 pt the serifs and hairlines of white type fill
 * in on newsprint, and the slightest misregistration of the plates it is cut out of shows (PRINT.md).
 */
const MIN_REVERSED_TEXT_PT = 8;
/** Text with at most this much ink (total area coverage, percent) reads as reversed: paper white or nearly. */
const REVERSED_TEXT_MAX_INK_PCT = 10;
/** Missing characters quoted in one finding (a wrong font on a long story lacks hundreds). */
const MAX_MISSING_CHARS_LISTED = 12;
/** Unembedded font names quoted in one finding (an agency PDF can list dozens). */
const MAX_FONT_NAMES_LISTED = 5;
/** A placed PDF drawn within 1 % of its own size counts as 100 % (frame sizes are rounded to the grid). */
const PLACED_PDF_SCALE_TOLERANCE = 0.01;
/** Cropping of a placed PDF by less than this is rounding, not a cut. */
const PLACED_PDF_CUT_TOLERANCE_PT = 1;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The composer's notice codes preflight lists (missing stories and broken threads are found from the frames). */
const NOTICE_CODES: Readonly<Partial<Record<ComposeNotice['code'], { code: FindingCode; select: string }>>> = {
  'missing-style': { code: 'missing-style', select: 'missingStyle' },
  'invalid-style': { code: 'invalid-style', select: 'invalidStyle' },
  'missing-field': { code: 'missing-field', select: 'missingField' },
  'unknown-block': { code: 'unknown-block', select: 'unknownBlock' },
};

/**
 * The composer's notices as warnings: each with its own catalogue message where it has one, else a line naming
 * its kind and quoting its English words. The same notice from many blocks is listed once (dedupe, step 6).
 */
function collectNoticeFindings(notices: readonly ComposeNotice[]): Finding[] {
  const out: Finding[] = [];
  for (const n of notices) {
    const kind = NOTICE_CODES[n.code];
    if (!kind) continue;
    const base = { severity: 'warning' as const, code: kind.code, pageId: n.pageId ?? '', ...(n.frameId ? { frameId: n.frameId } : {}), ...(n.storyId ? { storyId: n.storyId } : {}) };
    out.push(n.key ? finding(base, n.key, { ...n.values }) : finding(base, 'preflight.finding.composeNotice', { code: kind.select, detail: n.message }));
  }
  return out;
}

/**
 * Checks a document and its layouts.
 * @param layouts the composed pages (matched to document pages by `pageId`)
 * @returns findings, errors first
 */
export function preflight(doc: FolioDocument, layouts: readonly PageLayout[], opts: PreflightOptions): Finding[] {
  const findings: Finding[] = [
    ...collectLayoutFindings(doc, layouts, opts),
    ...collectAssetFindings(doc, opts),
    ...collectFrameFindings(doc, layouts),
    ...collectRotatedOffPage(doc, layouts),
    ...collectInkFindings(doc),
    ...collectStyleFontFindings(doc, opts),
    ...collectOutputProfileFindings(doc, opts),
    ...collectPlacedPdfSizeFindings(doc, layouts),
    ...collectOpenCommentFindings(doc, layouts, opts),
    ...collectTrackedChangeFindings(doc, layouts, opts),
    ...collectOutputNameFindings(doc, opts),
    ...collectReversedTextFindings(doc, layouts),
    ...collectMonoPageFindings(doc, layouts, opts),
    ...collectFineBorderFindings(doc),
    ...collectNoticeFindings(opts.notices ?? []),
  ];
  const pageOrder = new Map(doc.pages.map((p, i) => [p.id, i]));
  // The composer and the asset check may both report a missing picture: keep one per frame, the asset check's
  // (it names the picture).
  const fromComposer = (f: Finding) => f.code === 'missing-asset' && (f.key === 'preflight.finding.composer' || f.key.startsWith('composer.'));
  const seen = new Set<string>();
  const unique = [...findings.filter((f) => !fromComposer(f)), ...findings.filter(fromComposer)].filter((f) => {
    const key = f.code === 'missing-asset' ? `${f.code}|${f.pageId}|${f.frameId}` : `${f.code}|${f.pageId}|${f.frameId}|${f.storyId}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique
    .map((f, i) => ({ f, i }))
    .sort((a, b) =>
      SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] ||
      (pageOrder.get(a.f.pageId) ?? -1) - (pageOrder.get(b.f.pageId) ?? -1) ||
      a.i - b.i)
    .map(({ f }) => f);
}

/**
 * Pages that would be exported under one file name (two pages both named A01, or A/01 and A:01, which both
 * become A_01): one error per shared name, on the first of the pages. Export refuses them rather than let the
 * second page overwrite the first.
 */
function collectOutputNameFindings(doc: FolioDocument, opts: PreflightOptions): Finding[] {
  const preset = opts.preset === 'proof' ? 'proof' : opts.standard === 'x4' ? 'print-x4' : 'print';
  return outputNameClashes(doc, preset).map((clash) => finding(
    { severity: 'error', code: 'output-name-clash', pageId: clash.pages[0]?.id ?? '' },
    'preflight.finding.outputNameClash',
    { pages: clash.pages.map((p) => `"${p.name}"`).join(', '), file: clash.fileName },
  ));
}

/** Longest quote shown in an open-comment finding, characters (the rest is elided). */
const QUOTE_PREVIEW_CHARS = 16;

/**
 * A page should not go to the plate with proofreaders' comments still open: each one is a warning on the page
 * where its text is set (print presets only; a proof shows them as annotations).
 */
function collectOpenCommentFindings(doc: FolioDocument, layouts: readonly PageLayout[], opts: PreflightOptions): Finding[] {
  if (opts.preset !== 'print') return [];
  return collectComments(doc)
    .filter((c) => !c.resolved)
    .map((c) => {
      const layout = layouts.find((l) => commentRects(l, c.storyId, c.ranges).length > 0);
      const quote = [...c.quote].length > QUOTE_PREVIEW_CHARS ? `${[...c.quote].slice(0, QUOTE_PREVIEW_CHARS).join('')}…` : c.quote;
      return finding(
        { severity: 'warning', code: 'open-comment', pageId: layout?.pageId ?? '', storyId: c.storyId },
        'preflight.finding.openComment',
        { quote, author: c.author || 'none', text: c.text },
      );
    });
}

/**
 * Tracked changes not yet accepted or rejected: one warning per story, on the page where the story starts
 * (print presets only). The page already shows the text as accepted; the warning says someone still has to
 * decide.
 */
function collectTrackedChangeFindings(doc: FolioDocument, layouts: readonly PageLayout[], opts: PreflightOptions): Finding[] {
  if (opts.preset !== 'print') return [];
  const byStory = new Map<string, { count: number; authors: Set<string> }>();
  for (const change of collectChanges(doc)) {
    const entry = byStory.get(change.storyId) ?? { count: 0, authors: new Set<string>() };
    entry.count++;
    if (change.author) entry.authors.add(change.author);
    byStory.set(change.storyId, entry);
  }
  return [...byStory].map(([storyId, { count, authors }]) => {
    const layout = layouts.find((l) => l.lines.some((line) => line.storyId === storyId));
    const name = doc.stories[storyId]?.name ?? storyId;
    return finding(
      { severity: 'warning', code: 'tracked-change', pageId: layout?.pageId ?? '', storyId },
      'preflight.finding.trackedChanges',
      { count, story: name, authors: authors.size > 0 ? [...authors].join(', ') : 'none' },
    );
  });
}

/**
 * Adverts run at the size they were booked: a placed PDF drawn scaled (by more than the tolerance) or cut by
 * its frame is reported with both sizes in millimetres.
 */
function collectPlacedPdfSizeFindings(doc: FolioDocument, layouts: readonly PageLayout[]): Finding[] {
  const out: Finding[] = [];
  const mm = (pt: number) => ptToMm(pt).toFixed(1);
  for (const layout of layouts) {
    for (const item of layout.items) {
      if (item.kind !== 'image' || !item.frameId) continue;
      const asset = doc.assets[item.assetId];
      if (asset?.mime !== 'application/pdf' || !asset.widthPt || !asset.heightPt) continue;
      const scaleX = item.rect.widthPt / asset.widthPt;
      const scaleY = item.rect.heightPt / asset.heightPt;
      const cut = item.clip.widthPt < item.rect.widthPt - PLACED_PDF_CUT_TOLERANCE_PT || item.clip.heightPt < item.rect.heightPt - PLACED_PDF_CUT_TOLERANCE_PT;
      const scaled = Math.abs(scaleX - 1) > PLACED_PDF_SCALE_TOLERANCE || Math.abs(scaleY - 1) > PLACED_PDF_SCALE_TOLERANCE;
      if (!scaled && !cut) continue;
      const size = `${mm(asset.widthPt)} × ${mm(asset.heightPt)} mm`;
      const frame = `${mm(item.clip.widthPt)} × ${mm(item.clip.heightPt)} mm`;
      out.push(finding(
        { severity: 'warning', code: 'pdf-size', pageId: layout.pageId, frameId: item.frameId },
        'preflight.finding.pdfSize',
        { name: assetFileName(asset), size, frame, how: scaled && cut ? 'both' : scaled ? 'scaled' : 'cut', pct: String(Math.round(Math.min(scaleX, scaleY) * 100)) },
      ));
    }
  }
  return out;
}

/** The document's output profile: present for PDF/X-4, and wherever it is named, in the file. */
function collectOutputProfileFindings(doc: FolioDocument, opts: PreflightOptions): Finding[] {
  if (opts.preset !== 'print') return [];
  const assetId = doc.outputProfileAssetId;
  if (assetId) {
    const asset = doc.assets[assetId] ?? Object.values(doc.assets).find((a) => a.id === assetId);
    // The entry is checked here; the host reads and checks the bytes when it exports.
    if (asset?.mime === 'application/vnd.iccprofile') {
      const limitPct = doc.template.output.totalInkLimitPct;
      if (asset.totalInkPct === undefined || asset.totalInkPct <= limitPct) return [];
      return [finding({ severity: 'warning', code: 'output-profile', pageId: '' }, 'preflight.finding.profileInk', { inkPct: String(asset.totalInkPct), limitPct: String(limitPct) })];
    }
    return [finding({ severity: 'error', code: 'output-profile', pageId: '' }, 'preflight.finding.profileMissing', { asset: assetId })];
  }
  if (opts.standard !== 'x4') return [];
  return [finding({ severity: 'error', code: 'output-profile', pageId: '' }, 'preflight.finding.profileNeededX4')];
}

/**
 * Reads the facts preflight needs from every asset of the document, decoding each as export will
 * (`checkAsset`: pixel cap, PNG checksums and data, JPEG data; placed PDFs read and checked, with their colour,
 * transparency, fonts and active content). What export could not read carries its `problem`; assets the source
 * cannot deliver map to `undefined`. Decoded pixels are kept for an export of the same bytes that follows.
 * @param preset the export checked for: print keeps RGB photos' pixels for their CMYK conversion
 * @param inflate the host's zlib for PNG data (default fflate)
 */
export async function collectAssetInfo(doc: FolioDocument, assets: AssetSource, preset: 'print' | 'proof' = 'print', inflate?: Inflate): Promise<Map<string, ImageInfo | undefined>> {
  // Loaded on demand: it pulls in pdf-lib and the decoders, which the renderer's preflight panel does not otherwise need.
  const { checkAsset } = await import('../pdf/asset-check.js');
  const info = new Map<string, ImageInfo | undefined>();
  for (const id of Object.keys(doc.assets).sort()) {
    const asset = await assets(id);
    info.set(id, asset ? await checkAsset(asset.bytes, preset === 'print', inflate) : undefined);
  }
  return info;
}

function collectLayoutFindings(doc: FolioDocument, layouts: readonly PageLayout[], opts: PreflightOptions): Finding[] {
  const out: Finding[] = [];
  const warnPpi = opts.minPpiWarning ?? DEFAULT_MIN_PPI_WARNING;
  const errorPpi = opts.minPpiError ?? DEFAULT_MIN_PPI_ERROR;
  for (const layout of layouts) {
    const pageId = layout.pageId;
    for (const o of layout.overset) {
      out.push(finding({ severity: 'error', code: 'overset', pageId, frameId: o.frameId, storyId: o.storyId }, 'preflight.finding.overset', { chars: String(o.chars), lines: String(o.lines) }));
    }
    // Missing glyphs come one per character: reported once per story (or box) and font, with the characters.
    const missing = new Map<string, { finding: Finding; font: string; chars: string[] }>();
    for (const w of layout.warnings) {
      const severity: Severity = w.code === 'missing-glyph' || w.code === 'missing-font' || w.code === 'missing-asset'
        ? 'error'
        : w.code === 'overfull-line' ? 'warning' : 'info';
      // The composer's warnings carry their catalogue message; one without (a newer warning not yet given a key)
      // is passed on in its English words.
      const base = { severity, code: w.code, pageId, frameId: w.frameId, storyId: w.storyId };
      const composed = w.key ? finding(base, w.key, w.values) : finding(base, 'preflight.finding.composer', { message: w.message });
      if (w.code !== 'missing-glyph' || !w.missing) {
        out.push(composed);
        continue;
      }
      const key = `${w.storyId ?? ''}|${w.frameId ?? ''}|${w.missing.font}`;
      const group = missing.get(key);
      if (!group) {
        const entry = { finding: composed, font: w.missing.font, chars: [w.missing.text] };
        missing.set(key, entry);
        out.push(composed);
      } else if (!group.chars.includes(w.missing.text)) {
        group.chars.push(w.missing.text);
      }
    }
    for (const group of missing.values()) {
      if (group.chars.length < 2) continue;
      const listed = group.chars.slice(0, MAX_MISSING_CHARS_LISTED).join(' ') + (group.chars.length > MAX_MISSING_CHARS_LISTED ? ' …' : '');
      const { key: _key, values: _values, message: _message, ...base } = group.finding;
      out[out.indexOf(group.finding)] = finding(base, 'preflight.finding.missingGlyphs', { font: group.font, count: String(group.chars.length), chars: listed });
    }
    for (const item of layout.items) {
      if (item.kind !== 'image') continue;
      const ppi = item.effectivePpi ?? effectivePpiOf(item, opts.assetInfo.get(item.assetId));
      if (ppi === undefined) continue;
      if (ppi < warnPpi) {
        // Floored, so a 199.6 ppi image never reads as "200 ppi (needs 200)".
        const severity: Severity = ppi < errorPpi ? 'error' : 'warning';
        out.push(finding(
          { severity, code: 'low-resolution', pageId, frameId: item.frameId },
          'preflight.finding.lowResolution',
          { name: pictureName(doc, item.assetId), ppi: String(Math.floor(ppi)), warnPpi: String(warnPpi), errorPpi: String(errorPpi) },
        ));
      }
    }
  }
  return out;
}

/** The lower of the horizontal and vertical effective resolution of a placed image, ppi. */
export function effectivePpiOf(item: ImageItem, info: ImageInfo | undefined): number | undefined {
  if (!info?.widthPx || !info.heightPx || item.rect.widthPt <= 0 || item.rect.heightPt <= 0) return undefined;
  return Math.min(info.widthPx / (item.rect.widthPt / PT_PER_INCH), info.heightPx / (item.rect.heightPt / PT_PER_INCH));
}

function collectAssetFindings(doc: FolioDocument, opts: PreflightOptions): Finding[] {
  const out: Finding[] = [];
  const reportedRgb = new Set<string>();
  for (const page of doc.pages) {
    for (const frame of page.frames) {
      if (frame.kind !== 'image') continue;
      const base = { pageId: page.id, frameId: frame.id };
      if (!frame.assetId) {
        out.push(finding({ ...base, severity: 'warning', code: 'empty-image-frame' }, 'preflight.finding.emptyImageFrame'));
        continue;
      }
      const asset = doc.assets[frame.assetId];
      const info = opts.assetInfo.get(frame.assetId);
      const name = pictureName(doc, frame.assetId);
      if (!asset || info === undefined) {
        out.push(finding({ ...base, severity: 'error', code: 'missing-asset' }, 'preflight.finding.missingAsset', { name }));
        continue;
      }
      if (info.problem) {
        out.push(finding({ ...base, severity: 'error', code: 'unreadable-asset' }, 'preflight.finding.unreadableAsset', { name, problem: info.problem }));
        continue;
      }
      if (asset.placeholder) {
        // A proof is read for its text and the photo may still be on its way: there it is what an empty frame is.
        out.push(finding({ ...base, severity: opts.preset === 'print' ? 'error' : 'warning', code: 'placeholder-picture' }, 'preflight.finding.placeholder', { frame: frame.id, name }));
        // Its colour and format do not matter: it is to be replaced.
        continue;
      }
      if (info.format === 'unknown' || (info.format !== 'pdf' && info.colour === 'unknown')) {
        out.push(finding({ ...base, severity: 'error', code: 'unreadable-asset' }, 'preflight.finding.notAPicture', { name }));
        continue;
      }
      if (info.format === 'pdf' && info.activeContent && info.activeContent.length > 0) {
        // Stripped from print and proof alike; the advertiser should still hear that the file was not clean.
        const what = (Object.keys(ACTIVE_CONTENT_KEYS) as ActiveContent[]).filter((k) => info.activeContent?.includes(k)).join(',');
        out.push(finding({ ...base, severity: 'warning', code: 'pdf-active-content' }, 'preflight.finding.pdfActiveContent', { name, what }));
      }
      if (opts.preset === 'print' && info.format === 'pdf') {
        if (info.colour === 'rgb') {
          out.push(finding({ ...base, severity: 'error', code: 'rgb-image' }, 'preflight.finding.pdfRgb', { name }));
        }
        if (info.unembeddedFonts && info.unembeddedFonts.length > 0) {
          const names = info.unembeddedFonts.slice(0, MAX_FONT_NAMES_LISTED).join(', ') + (info.unembeddedFonts.length > MAX_FONT_NAMES_LISTED ? ', …' : '');
          out.push(finding({ ...base, severity: 'error', code: 'pdf-fonts' }, 'preflight.finding.pdfFonts', { name, names }));
        }
        if (info.transparency) {
          out.push(finding({ ...base, severity: 'error', code: 'pdf-transparency' }, 'preflight.finding.pdfTransparency', { name }));
        }
        continue;
      }
      // A black-and-white picture prints on the K plate alone: there is no CMYK separation to warn about.
      const printsGrey = page.mono === true || frame.mono === true;
      if (opts.preset === 'print' && info.colour === 'rgb' && !printsGrey && !reportedRgb.has(`${page.id}/${frame.id}`)) {
        reportedRgb.add(`${page.id}/${frame.id}`);
        out.push(finding(
          { ...base, severity: 'warning', code: 'rgb-image' },
          doc.outputProfileAssetId ? 'preflight.finding.rgbImageProfile' : 'preflight.finding.rgbImageDefault',
          { name, format: info.format.toUpperCase() },
        ));
      }
    }
  }
  return out;
}

/**
 * Rotated pictures and boxes whose turned rectangle reaches beyond the page's bleed (issue 15): turning a frame
 * near the edge can push a corner off the sheet, where the guillotine cuts it; unturned frames are not judged here.
 */
function collectRotatedOffPage(doc: FolioDocument, layouts: readonly PageLayout[]): Finding[] {
  const out: Finding[] = [];
  const layoutByPage = new Map(layouts.map((l) => [l.pageId, l]));
  for (const page of doc.pages) {
    const layout = layoutByPage.get(page.id);
    if (!layout) continue;
    for (const frame of page.frames) {
      if (frame.kind !== 'image' && frame.kind !== 'box') continue;
      const turn = frameRotation(frame);
      if (!turn) continue;
      const r = rotatedBounds(frame, turn);
      const b = layout.bleedPt + OFF_PAGE_SLACK_PT;
      if (r.xPt >= -b && r.yPt >= -b && r.xPt + r.widthPt <= layout.trimWidthPt + b && r.yPt + r.heightPt <= layout.trimHeightPt + b) continue;
      out.push(finding({ severity: 'warning', code: 'rotated-off-page', pageId: page.id, frameId: frame.id }, 'preflight.finding.rotatedOffPage', { frame: frame.label ?? frame.id, deg: Math.round(turn.deg * 10) / 10 }));
    }
  }
  return out;
}

function collectFrameFindings(doc: FolioDocument, layouts: readonly PageLayout[]): Finding[] {
  const out: Finding[] = [];
  const textFrames = new Map<string, { frame: TextFrame; pageId: string }>();
  const allFrames = new Map<string, Frame>();
  for (const page of doc.pages) {
    for (const frame of page.frames) {
      allFrames.set(frame.id, frame);
      if (frame.kind === 'text') textFrames.set(frame.id, { frame, pageId: page.id });
    }
  }
  const layoutByPage = new Map(layouts.map((l) => [l.pageId, l]));
  const threadTargets = new Set<string>();
  for (const { frame } of textFrames.values()) if (frame.nextFrameId) threadTargets.add(frame.nextFrameId);

  for (const page of doc.pages) {
    const typeArea = layoutByPage.get(page.id)?.typeArea;
    for (const frame of page.frames) {
      if (frame.kind !== 'text') continue;
      const base = { pageId: page.id, frameId: frame.id, storyId: frame.storyId };
      const story = doc.stories[frame.storyId];
      if (!story) {
        out.push(finding({ ...base, severity: 'error', code: 'missing-story' }, 'preflight.finding.missingStory', { story: frame.storyId }));
      } else if (!threadTargets.has(frame.id) && !hasText(story.doc)) {
        // Only the first frame of a thread reports an empty story.
        out.push(finding({ ...base, severity: 'warning', code: 'empty-text-frame' }, 'preflight.finding.emptyTextFrame', { story: story.name || story.id }));
      }
      if (typeArea && !frame.furniture && !contains(typeArea, frame)) {
        out.push(finding({ ...base, severity: 'warning', code: 'outside-type-area' }, 'preflight.finding.outsideTypeArea'));
      }
      if (frame.nextFrameId) {
        const next = allFrames.get(frame.nextFrameId);
        if (!next || next.kind !== 'text') {
          out.push(finding({ ...base, severity: 'error', code: 'broken-thread' }, 'preflight.finding.brokenThread', { frame: frame.nextFrameId, what: next ? 'notText' : 'missing' }));
        }
      }
    }
  }

  // Thread loops: follow each chain; a frame met twice means the story would flow forever.
  const reported = new Set<string>();
  for (const [id, { pageId }] of textFrames) {
    const seen = new Set<string>([id]);
    let cursor = textFrames.get(id)?.frame.nextFrameId;
    while (cursor && textFrames.has(cursor)) {
      if (seen.has(cursor)) {
        if (cursor === id && !reported.has(id)) {
          for (const f of seen) reported.add(f);
          out.push(finding({ severity: 'error', code: 'thread-loop', pageId, frameId: id, storyId: textFrames.get(id)?.frame.storyId }, 'preflight.finding.threadLoop'));
        }
        break;
      }
      seen.add(cursor);
      cursor = textFrames.get(cursor)?.frame.nextFrameId;
    }
  }
  return out;
}

/**
 * Reversed type below `MIN_REVERSED_TEXT_PT` (paper-white or nearly white text, 反白): its hairlines fill in with
 * ink and any drift of the plates it is cut out of; one warning per frame and size.
 */
function collectReversedTextFindings(doc: FolioDocument, layouts: readonly PageLayout[]): Finding[] {
  const out: Finding[] = [];
  const pageName = new Map(doc.pages.map((p) => [p.id, p.name]));
  for (const layout of layouts) {
    const seen = new Set<string>();
    for (const item of layout.items) {
      if (item.kind !== 'glyphs' || item.glyphs.length === 0 || item.sizePt >= MIN_REVERSED_TEXT_PT) continue;
      if (totalInkPercent(item.colour) > REVERSED_TEXT_MAX_INK_PCT) continue;
      const key = `${item.frameId ?? ''}|${item.sizePt}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(finding(
        { severity: 'warning', code: 'small-reversed-text', pageId: layout.pageId, ...(item.frameId ? { frameId: item.frameId } : {}), ...(item.storyId ? { storyId: item.storyId } : {}) },
        'preflight.finding.smallReversedText',
        { page: pageName.get(layout.pageId) ?? layout.pageName, frame: item.frameId ?? '', size: String(Math.round(item.sizePt * 10) / 10), min: String(MIN_REVERSED_TEXT_PT) },
      ));
    }
  }
  return out;
}

/**
 * Colour left on a black-and-white page (黑白版): text, rules, boxes and tints that use C, M or Y, and placed PDFs
 * (adverts keep their own colours), one finding per frame. Pictures are turned grey by the export itself.
 */
function collectMonoPageFindings(doc: FolioDocument, layouts: readonly PageLayout[], opts: PreflightOptions): Finding[] {
  const out: Finding[] = [];
  const coloured = (c: Cmyk | undefined) => c !== undefined && c.c + c.m + c.y > 0;
  for (const page of doc.pages) {
    if (!page.mono) continue;
    const layout = layouts.find((l) => l.pageId === page.id);
    const frames = new Set<string>();
    for (const item of layout?.items ?? []) {
      if (!item.frameId || frames.has(item.frameId)) continue;
      const inColour = item.kind === 'glyphs' ? coloured(item.colour)
        : item.kind === 'rule' ? coloured(item.colour)
        : item.kind === 'box' ? coloured(item.stroke) || coloured(item.fill)
        : opts.assetInfo.get(item.assetId)?.format === 'pdf';
      if (inColour) frames.add(item.frameId);
    }
    for (const frameId of frames) {
      out.push(finding({ severity: 'warning', code: 'colour-on-mono-page', pageId: page.id, frameId }, 'preflight.finding.colourOnMonoPage', { page: page.name, frame: frameId }));
    }
  }
  return out;
}

/**
 * Rules and boxes drawn in a two-line or decorative style (文武线, 花边) at a weight below the style's minimum
 * (`minStrokePtOf`): their thinnest line would be finer than newsprint holds. The Inspector refuses such weights;
 * a file written elsewhere or edited by hand may still carry one.
 */
function collectFineBorderFindings(doc: FolioDocument): Finding[] {
  const out: Finding[] = [];
  for (const page of doc.pages) {
    for (const frame of page.frames) {
      if (frame.kind !== 'box' && frame.kind !== 'rule') continue;
      const minPt = minStrokePtOf(frame.lineStyle);
      if (!(frame.strokePt > 0 && frame.strokePt < minPt)) continue;
      out.push(finding(
        { severity: 'warning', code: 'fine-border', pageId: page.id, frameId: frame.id },
        'preflight.finding.fineBorder',
        { page: page.name, frame: frame.id, weight: String(frame.strokePt), min: String(minPt) },
      ));
    }
  }
  return out;
}

function collectInkFindings(doc: FolioDocument): Finding[] {
  const out: Finding[] = [];
  const limit = doc.template.output.totalInkLimitPct;
  const over = (c: Cmyk | undefined) => c !== undefined && totalInkPercent(c) > limit + 1e-9;
  const describe = (c: Cmyk) => `C${pct(c.c)} M${pct(c.m)} Y${pct(c.y)} K${pct(c.k)} = ${Math.round(totalInkPercent(c))} %`;
  for (const [name, style] of Object.entries(doc.template.paragraphStyles)) {
    for (const [what, colour] of [['text', style.colour], ['box', style.box?.fill]] as const) {
      if (colour && over(colour)) {
        out.push(finding({ severity: 'warning', code: 'total-ink', pageId: '' }, 'preflight.finding.styleInk', { style: style.label || name, what, colour: describe(colour), limit: String(limit) }));
      }
    }
  }
  for (const [name, style] of Object.entries(doc.template.characterStyles)) {
    if (style.colour && over(style.colour)) {
      out.push(finding({ severity: 'warning', code: 'total-ink', pageId: '' }, 'preflight.finding.characterStyleInk', { style: style.label || name, colour: describe(style.colour), limit: String(limit) }));
    }
  }
  for (const page of doc.pages) {
    for (const frame of page.frames) {
      const colours: Cmyk[] = frame.kind === 'box' ? [frame.stroke, ...(frame.fill ? [frame.fill] : [])] : frame.kind === 'rule' ? [frame.colour] : frame.kind === 'text' && frame.fill ? [frame.fill] : [];
      for (const colour of colours) {
        if (over(colour)) {
          out.push(finding({ severity: 'warning', code: 'total-ink', pageId: page.id, frameId: frame.id }, 'preflight.finding.frameInk', { colour: describe(colour), limit: String(limit) }));
        }
      }
    }
  }
  return out;
}

function collectStyleFontFindings(doc: FolioDocument, opts: PreflightOptions): Finding[] {
  const fonts = opts.fonts;
  if (!fonts) return [];
  const out: Finding[] = [];
  const refs = [
    ...Object.entries(doc.template.paragraphStyles).map(([name, s]) => ({ name: s.label || name, font: s.font })),
    ...Object.entries(doc.template.characterStyles).flatMap(([name, s]) => (s.font ? [{ name: s.label || name, font: s.font }] : [])),
  ];
  for (const { name, font } of refs) {
    const resolved = fonts.resolve(font.family, font.weight);
    if (!resolved) {
      out.push(finding({ severity: 'error', code: 'missing-font', pageId: '' }, 'preflight.finding.styleFont', { style: name, family: font.family, weight: String(font.weight) }));
    }
  }
  return out;
}

/** A picture as its user knows it: the file it was placed from; the asset id only when the document lacks the asset. */
function pictureName(doc: FolioDocument, assetId: string): string {
  const asset = doc.assets[assetId];
  return asset ? assetFileName(asset) : assetId;
}

function hasText(node: PmNodeJson): boolean {
  if (node.text && node.text.trim() !== '') return true;
  return (node.content ?? []).some(hasText);
}

function contains(area: RectPt, frame: { xPt: number; yPt: number; widthPt: number; heightPt: number }): boolean {
  const t = TYPE_AREA_TOLERANCE_PT;
  return frame.xPt >= area.xPt - t && frame.yPt >= area.yPt - t &&
    frame.xPt + frame.widthPt <= area.xPt + area.widthPt + t &&
    frame.yPt + frame.heightPt <= area.yPt + area.heightPt + t;
}

function pct(v: number): number {
  return Math.round(v * 100);
}
