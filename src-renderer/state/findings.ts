/**
 * The preflight panel's entries: the core's `preflight` over the document and its current layouts, with
 * where to reveal each finding on screen (page index; for overset, the position of the first unset character).
 */
import type { ExportPreset } from '../../src-core/api/host-api.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import type { ImageInfo } from '../../src-core/pdf/image-info.js';
import type { FolioDocument } from '../../src-core/model/document.js';
import type { ComposeNotice } from '../../src-core/layout/notice.js';
import { formatFinding, preflight, type Finding as CoreFinding } from '../../src-core/preflight/preflight.js';
import type { Translator } from '../../src-core/i18n/translator.js';
import type { FontProvider } from '../../src-core/text/font.js';

/** A preflight finding with its place in the UI. */
export interface Finding extends CoreFinding {
  pageIndex?: number;
  /** ProseMirror position to put the caret at (overset: the first character not set). */
  pos?: number;
}

/**
 * Runs preflight for an export preset and attaches reveal information; with a translator (the panel passes
 * `currentTranslator()`), each finding's `message` is said in the interface language.
 */
export function collectFindings(
  doc: FolioDocument,
  layouts: readonly PageLayout[],
  assetInfo: ReadonlyMap<string, ImageInfo | undefined>,
  fonts: FontProvider | undefined,
  preset: ExportPreset,
  translator?: Translator,
  notices?: readonly ComposeNotice[],
): Finding[] {
  const pageIndexById = new Map(doc.pages.map((p, i) => [p.id, i]));
  const options = { preset: preset === 'proof' ? 'proof' : 'print', standard: preset === 'print-x4' ? 'x4' : 'x1a', assetInfo } as const;
  return preflight(doc, layouts, { ...options, ...(fonts ? { fonts } : {}), ...(notices ? { notices } : {}) }).map((f) => {
    const pageIndex = pageIndexById.get(f.pageId);
    const overset = f.code === 'overset' ? layouts.flatMap((l) => l.overset).find((o) => o.frameId === f.frameId && o.storyId === f.storyId) : undefined;
    return {
      ...f,
      ...(translator ? { message: formatFinding(f, translator) } : {}),
      ...(pageIndex !== undefined ? { pageIndex } : {}),
      ...(overset ? { pos: overset.fromPos } : {}),
    };
  });
}
