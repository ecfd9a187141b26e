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
import { serviceMessage, ServiceRangeError, type ServiceMessage } from '../../src-core/i18n/service-message.js';
import { versionMessage } from '../../src-core/model/folio-file.js';
import { readFileUpTo } from './disk.js';

/** A template file that could not be used, and why. */
export interface TemplateProblem {
  file: string;
  /** English, for logs. */
  message: string;
  /** The same as a catalogue line (`service.template.*`), said in the interface language. */
  uiMessage: ServiceMessage;
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
    throw new ServiceRangeError(serviceMessage('service.template.badJson', { file, detail: (err as Error).message }), { cause: err });
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new ServiceRangeError(serviceMessage('service.template.notObject', { file }));
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateTemplate(json as Record<string, unknown>);
  } catch (err) {
    throw new ServiceRangeError(serviceMessage('service.template.version', { file, reason: versionMessage(err) }), { cause: err });
  }
  const result = TemplateSchema.safeParse(migrated);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ServiceRangeError(serviceMessage('service.template.invalid', { file, where: issue?.path.join('.') || '(root)', detail: issue?.message ?? 'invalid' }));
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
      const bytes = await readFileUpTo(file, MAX_TEMPLATE_FILE_BYTES, (why) => new ServiceRangeError(why.kind === 'too-large'
        ? serviceMessage('service.template.tooLarge', { file: name, sizeBytes: why.sizeBytes, maxBytes: MAX_TEMPLATE_FILE_BYTES })
        : serviceMessage('service.template.notOrdinary', { file: name })));
      templates.push(parseTemplateJson(new TextDecoder().decode(bytes), name));
    } catch (err) {
      const uiMessage = err instanceof ServiceRangeError ? err.uiMessage : serviceMessage('service.detail', { detail: (err as Error).message });
      problems.push({ file, message: (err as Error).message, uiMessage });
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
