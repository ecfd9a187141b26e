/**
 * Scale (issue 6): a generated 32-page issue is saved and opened through the services, composed, and exported
 * page by page with progress. Structure only; the timings are the bench's (tests/bench/issue-bench.ts).
 */
import { readFileSync, rmSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { runIssueScenario, type IssueScenarioResult } from '../../bench/issue-bench.js';

/** Generous: the export writes 32 print PDFs on a shared 2-core machine. */
const SCENARIO_TIMEOUT_MS = 180_000;

describe('a 32-page issue through the services', () => {
  let run: IssueScenarioResult | undefined;
  afterAll(() => {
    if (run) rmSync(run.workspace, { recursive: true, force: true });
  });

  it('opens from disk, composes 32 pages with stories jumping between them, and exports 32 valid PDFs with progress', async () => {
    run = await runIssueScenario(true);
    const r = run;
    expect(r.pageNames).toEqual(Array.from({ length: 32 }, (_, i) => `A${String(i + 1).padStart(2, '0')}`));

    // Composed: every page set, nothing overset, the inner pages' lower-left stories jump to the next page.
    expect(r.layouts).toHaveLength(32);
    for (const page of r.layouts) {
      expect(page.overset, page.pageName).toEqual([]);
      expect(page.lines.length, page.pageName).toBeGreaterThan(300);
    }
    const jumpTexts = r.layouts.map((p) => p.items.flatMap((i) => (i.kind === 'glyphs' ? [i.glyphs.map((g) => g.text).join('')] : [])).filter((t) => /^[上下][接转]第\d+版$/.test(t)));
    expect(jumpTexts[1]).toEqual(['下转第3版']);
    expect(jumpTexts[2]).toEqual(['上接第2版', '下转第4版']);
    expect(jumpTexts[31]).toEqual(['上接第31版']);

    // Exported: one file per page, each a valid one-page PDF of the broadsheet's trim size.
    expect(r.files).toHaveLength(32);
    for (const [i, file] of r.files.entries()) {
      expect(file.path).toMatch(new RegExp(`20230720_A${String(i + 1).padStart(2, '0')}\\.pdf$`));
      const bytes = readFileSync(file.path);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
      expect(pdf.getPageCount()).toBe(1);
      expect(pdf.getPage(0).getTrimBox().width).toBeCloseTo(r.layouts[i]!.trimWidthPt, 1);
    }

    // Progress: the compose step once, then one report per written page, counting up to 32.
    const pages = r.progress.filter((p) => p.phase === 'page');
    expect(pages).toHaveLength(32);
    expect(pages.map((p) => p.done)).toEqual(Array.from({ length: 32 }, (_, i) => i + 1));
    for (const p of pages) expect(p.total).toBe(32);
    expect(pages.map((p) => p.file!.path)).toEqual(r.files.map((f) => f.path));

    expect(r.rows.map((row) => row.metric)).toEqual(['open_issue_32p_ms', 'export_issue_32p_ms', 'issue_32p_heap_mb']);
    for (const row of r.rows) expect(row.value).toBeGreaterThan(0);
  }, SCENARIO_TIMEOUT_MS);
});
