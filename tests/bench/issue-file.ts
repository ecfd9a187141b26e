/**
 * The generated 32-page issue (tests/fixtures/issue-32.ts) as a .folio file in a workspace, for the browser
 * bench and the e2e navigation spec: both open it in the real renderer through the Open dialog.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FolioDocument } from '../../src-core/model/document.js';
import { packFolio } from '../../src-core/model/folio-file.js';
import { TemplateSchema, type Template } from '../../src-core/model/template.js';
import { buildIssue, ISSUE_PAGE_COUNT } from '../fixtures/issue-32.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** File name of the issue in the workspace. */
export const ISSUE_FILE_NAME = 'issue-32.folio';

function template(id: string): Template {
  return TemplateSchema.parse(JSON.parse(readFileSync(path.join(ROOT, 'templates', `${id}.json`), 'utf8')));
}

/**
 * Writes the 32-page issue into `workspace` as {@link ISSUE_FILE_NAME} and returns its document (tests read
 * story and page names from it).
 */
export function writeIssueFile(workspace: string): FolioDocument {
  const seed = readFileSync(path.join(ROOT, 'tests/fixtures/seed/deqing-front-page-2023-07.txt'), 'utf8');
  const { document, assets } = buildIssue(seed, template('broadsheet-front'), template('broadsheet-inner'), ISSUE_PAGE_COUNT);
  writeFileSync(path.join(workspace, ISSUE_FILE_NAME), packFolio(document, assets));
  return document;
}
