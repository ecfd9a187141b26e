/**
 * The preflight list's entries, gathered from the composed layouts: overset text (an error: text would be
 * lost at press) and the composer's warnings. Pure; one entry per problem, in page order.
 */
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import type { FolioDocument } from '../../src-core/model/document.js';

/** A problem shown in the preflight list, with where to reveal it. */
export interface Finding {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  pageIndex?: number;
  frameId?: string;
  storyId?: string;
  pos?: number;
}

/** Warnings that mean something will be wrong in print (the rest are quality hints). */
const ERROR_WARNINGS = new Set(['missing-glyph', 'missing-font', 'missing-asset']);

/** Findings for all pages of a document. */
export function collectFindings(doc: FolioDocument, layouts: readonly PageLayout[]): Finding[] {
  const findings: Finding[] = [];
  layouts.forEach((layout, pageIndex) => {
    for (const o of layout.overset) {
      const name = doc.stories[o.storyId]?.name ?? o.storyId;
      findings.push({
        severity: 'error',
        code: 'overset',
        message: `${layout.pageName}: “${name}” is overset by ${o.lines} lines (${o.chars} characters).`,
        pageIndex,
        frameId: o.frameId,
        storyId: o.storyId,
        pos: o.fromPos,
      });
    }
    for (const w of layout.warnings) {
      findings.push({
        severity: ERROR_WARNINGS.has(w.code) ? 'error' : 'warning',
        code: w.code,
        message: `${layout.pageName}: ${w.message}`,
        pageIndex,
        frameId: w.frameId,
        storyId: w.storyId,
        pos: w.pos,
      });
    }
  });
  return findings;
}
