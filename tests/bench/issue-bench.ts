/**
 * Issue bench (issue 6 "Scale"): a 32-page broadsheet issue, handled the way a user's session handles it.
 *
 * 1. Generate the issue from the templates and the seed (tests/fixtures/issue-32.ts) and save it through the
 *    services into a temporary workspace (atomic save, as "Save as" does), then close it.
 * 2. Load the fonts the template names (the app does this once at start, so it is outside the timing).
 * 3. `open_issue_32p_ms`: open the file through the services (unzip, validate with zod, migrate, lock) and
 *    compose every page with a fresh composer.
 * 4. `export_issue_32p_ms`: export every page to print PDF through the services' export job, which reports
 *    progress once per written page.
 * 5. `issue_32p_heap_mb`: JavaScript heap in use afterwards (the document, its layouts and the fonts).
 *
 * `runIssueBench()` returns the rows; `runIssueScenario()` also returns what a test checks (pages, files,
 * progress). Run directly to print the rows: `node --import tsx tests/bench/issue-bench.ts`.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportedFile, HostResult } from '../../src-core/api/host-api.js';
import { createComposer } from '../../src-core/layout/compose.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import { TemplateSchema, type Template } from '../../src-core/model/template.js';
import type { ExportProgress } from '../../src-main/services/export-job.js';
import { createServices } from '../../src-main/services/services.js';
import { buildIssue, ISSUE_PAGE_COUNT } from '../fixtures/issue-32.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TEMPLATES_DIR = path.join(ROOT, 'templates');
const SEED = path.join(ROOT, 'tests/fixtures/seed/deqing-front-page-2023-07.txt');
/** The export time stamped into the PDFs (fixed: reproducible files). */
const EXPORT_CLOCK = new Date('2023-07-19T20:00:00.000Z');
const BYTES_PER_MB = 1024 * 1024;

/** One bench figure. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

/** What one run of the scenario did, for tests. */
export interface IssueScenarioResult {
  rows: BenchRow[];
  /** Page names of the document as opened from disk. */
  pageNames: string[];
  /** The composed pages. */
  layouts: PageLayout[];
  /** Files the export wrote (absolute paths), in page order. */
  files: ExportedFile[];
  /** Every progress report of the export job. */
  progress: ExportProgress[];
  /** The workspace the scenario used (removed unless `keepWorkspace`). */
  workspace: string;
}

function template(id: string): Template {
  return TemplateSchema.parse(JSON.parse(readFileSync(path.join(TEMPLATES_DIR, `${id}.json`), 'utf8')));
}

function ok<T>(r: HostResult<T>, what: string): T {
  if (!r.ok) throw new Error(`${what} failed: ${r.error.code}: ${r.error.message}`);
  return r.value;
}

/**
 * Runs the issue scenario once (see the module summary).
 * @param keepWorkspace leave the temporary workspace (with the .folio and PDFs) for the caller to inspect and remove
 */
export async function runIssueScenario(keepWorkspace = false): Promise<IssueScenarioResult> {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'folio-issue-'));
  const progress: ExportProgress[] = [];
  const services = createServices({
    workspaceRoot: workspace, templatesDir: TEMPLATES_DIR, fontsDirs: [], clock: () => EXPORT_CLOCK,
    onExportProgress: (p) => progress.push(p),
  });
  try {
    const { document, assets } = buildIssue(readFileSync(SEED, 'utf8'), template('broadsheet-front'), template('broadsheet-inner'), ISSUE_PAGE_COUNT);
    const generated = services.documents.adopt(document, assets);
    ok(await services.saveDocument({ handle: generated.handle, document, path: 'issue-32.folio' }), 'Saving the issue');
    ok(await services.closeDocument({ handle: generated.handle }), 'Closing the issue');
    const fonts = await services.fonts.providerFor(document.template);

    const openStart = performance.now();
    const opened = ok(await services.openDocument({ path: 'issue-32.folio', readOnly: false }), 'Opening the issue');
    const layouts = createComposer(fonts).compose(opened.document).pages;
    const openMs = performance.now() - openStart;

    const exportStart = performance.now();
    const { files } = ok(await services.exportPdf({ handle: opened.handle, document: opened.document, preset: 'print', outputPath: 'pdf' }), 'Exporting the issue');
    const exportMs = performance.now() - exportStart;
    ok(await services.closeDocument({ handle: opened.handle }), 'Closing the issue');

    const heapMb = process.memoryUsage().heapUsed / BYTES_PER_MB;
    const characters = layouts.reduce((n, p) => n + p.lines.reduce((m, l) => m + l.toPos - l.fromPos, 0), 0);
    const rows: BenchRow[] = [
      { metric: 'open_issue_32p_ms', value: openMs, unit: 'ms', note: `open + validate + compose ${layouts.length} pages, ${characters} characters set` },
      { metric: 'export_issue_32p_ms', value: exportMs, unit: 'ms', note: `${files.length} print PDFs through the services' export job (compose included)` },
      { metric: 'issue_32p_heap_mb', value: heapMb, unit: 'MB', note: 'JS heap in use after open, compose and export' },
    ];
    return { rows, pageNames: opened.document.pages.map((p) => p.name), layouts, files, progress, workspace };
  } finally {
    await services.dispose();
    if (!keepWorkspace) rmSync(workspace, { recursive: true, force: true });
  }
}

/** The issue bench rows: `open_issue_32p_ms`, `export_issue_32p_ms`, `issue_32p_heap_mb`. */
export async function runIssueBench(): Promise<BenchRow[]> {
  return (await runIssueScenario()).rows;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  for (const row of await runIssueBench()) console.log(JSON.stringify(row));
}
