/**
 * Page templates on disk (`templates/*.json`) and new documents made from them.
 *
 * 1. List: read every `*.json` directly in the templates folder, migrate, validate with TemplateSchema.
 *    A broken template is reported as a problem (file + first issue), never silently dropped or fatal.
 * 2. New document: one page named after the first page of a section ("A01") holding the template's starter
 *    frames (page furniture), the starter stories they show, the template's styles, no assets; dated by the clock.
 */
import { randomBytes } from 'node:crypto';
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import { DOCUMENT_SCHEMA_VERSION, FolioDocumentSchema, type FolioDocument } from '../../src-core/model/document.js';
import { migrateTemplate } from '../../src-core/model/migrations.js';
import { TemplateSchema, type Template } from '../../src-core/model/template.js';
import { readFileUpTo } from './disk.js';

/** A template file that could not be used, and why. */
export interface TemplateProblem {
  file: string;
  message: string;
}

/** Result of scanning the templates folder. Templates are sorted by id. */
export interface TemplateCatalogue {
  templates: Template[];
  problems: TemplateProblem[];
}

/**
 * Parses template JSON text (migrating older versions).
 * @throws RangeError naming the first problem
 */
export function parseTemplateJson(text: string, file: string): Template {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new RangeError(`Template ${file} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new RangeError(`Template ${file} is not a JSON object.`);
  const migrated = migrateTemplate(json as Record<string, unknown>);
  const result = TemplateSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new RangeError(`Template ${file} is invalid at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
  }
  return result.data;
}

/** Largest template file read, bytes: a template is styles and a grid, tens of kilobytes. */
const MAX_TEMPLATE_FILE_BYTES = 4 * 1024 * 1024;

/** Reads and validates every template in `templatesDir`. A missing folder gives an empty catalogue. */
export async function loadTemplateCatalogue(templatesDir: string): Promise<TemplateCatalogue> {
  let names: string[];
  try {
    names = (await fsp.readdir(templatesDir)).filter((n) => n.endsWith('.json')).sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { templates: [], problems: [] };
    throw err;
  }
  const templates: Template[] = [];
  const problems: TemplateProblem[] = [];
  for (const name of names) {
    const file = path.join(templatesDir, name);
    try {
      const bytes = await readFileUpTo(file, MAX_TEMPLATE_FILE_BYTES, (why) => new RangeError(
        why.kind === 'too-large' ? `Template ${name} is ${why.sizeBytes} bytes, more than a template can be (${MAX_TEMPLATE_FILE_BYTES}).` : `Template ${name} is not an ordinary file.`));
      templates.push(parseTemplateJson(new TextDecoder().decode(bytes), name));
    } catch (err) {
      problems.push({ file, message: (err as Error).message });
    }
  }
  templates.sort((a, b) => a.id.localeCompare(b.id));
  return { templates, problems };
}

/** Name of the first page of a new document (section A, page 1), as newspapers number them. */
const FIRST_PAGE_NAME = 'A01';

/**
 * A new document from a template: one page with the template's starter frames and stories (page furniture
 * such as the page header; none for a bare template), the template's styles, no assets.
 * @param now the clock; the issue date is its UTC calendar date
 */
export function newDocumentFromTemplate(template: Template, now: Date): FolioDocument {
  const id = `doc-${randomBytes(6).toString('hex')}`;
  return FolioDocumentSchema.parse({
    schemaVersion: DOCUMENT_SCHEMA_VERSION,
    id,
    title: template.name,
    issue: { paper: '', date: now.toISOString().slice(0, 10), edition: '', number: '', sampleData: false },
    template,
    stories: Object.fromEntries(template.starter.stories.map((story) => [story.id, story])),
    pages: [{ id: 'page-1', name: FIRST_PAGE_NAME, section: 'A', frames: template.starter.frames }],
    assets: {},
  });
}
