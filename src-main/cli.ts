/**
 * The `folio` command line: browser mode, export, preflight and new documents without the UI.
 *
 * 1. Parse the command and its options strictly (unknown command or option → usage error, exit 64).
 * 2. Run the command through the same services the app uses (documents, fonts, export job).
 * 3. Exit codes: 0 success · 1 the work failed (file missing or damaged, disk error, …) · 2 preflight found
 *    errors (export without --force, or `preflight`) · 64 usage error · 130 interrupted.
 * Heavy modules (composer, PDF writer) load only in the commands that need them, so start-up stays fast.
 */
// First, before any module that builds a zod schema (see the file).
import './one-shot-validation.js';
import { existsSync, realpathSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { ExportPresetSchema, type ExportPreset } from '../src-core/api/host-api.js';
import type { Finding } from '../src-core/preflight/preflight.js';
import { localeFromEnv, type UiLocale } from '../src-core/i18n/locale.js';
import { createTranslator, type MessageValues, type Translator } from '../src-core/i18n/translator.js';
import { asServiceMessage, formatServiceMessage, type ServiceMessage } from '../src-core/i18n/service-message.js';
import type { MessageKey } from '../src-core/i18n/messages/en.js';

/** Process exit codes (documented in `folio --help`). */
export const EXIT = { ok: 0, failed: 1, preflight: 2, usage: 64, interrupted: 130 } as const;

/** Where the CLI writes and what it knows about its terminal. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM). */
  stopSignal: AbortSignal;
  /**
   * Runs work that writes nothing (reading, composing, checking) with SIGINT/SIGTERM left to their default
   * action, which ends the process at once: such work runs synchronously for seconds on a big document, and a
   * caught signal would wait for it. Absent (tests calling `main`): the work just runs.
   */
  signalsEndAtOnce?: <T>(work: () => Promise<T>) => Promise<T>;
}

/** `io.signalsEndAtOnce`, or the work as it is. */
function endingAtOnce<T>(io: CliIo, work: () => Promise<T>): Promise<T> {
  return io.signalsEndAtOnce ? io.signalsEndAtOnce(work) : work();
}

/** Stops a command the user interrupted (between its phases), with the documented exit code. */
function throwIfStopped(io: CliIo): void {
  if (io.stopSignal.aborted) throw new CliFailure('cli.error.interrupted', {}, EXIT.interrupted);
}

/**
 * The repository (or packaged app) root: the folder holding templates/, out/ and node_modules/. bin/folio.mjs
 * sets FOLIO_APP_ROOT because it may run this file from a bundle cached elsewhere.
 */
const APP_ROOT = process.env.FOLIO_APP_ROOT ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Where npm packages (the default fonts) are resolved from. */
const MODULES_FROM = path.join(APP_ROOT, 'package.json');

/** A command given wrongly (exit 64): its line is a catalogue message, said in the run's language. */
class UsageError extends Error {
  constructor(readonly key: MessageKey, readonly values: MessageValues = {}) {
    super(key);
  }
}

/** Work that failed (exit 1, or `exitCode`): its line is a catalogue message, said in the run's language. */
class CliFailure extends Error {
  constructor(readonly key: MessageKey, readonly values: MessageValues = {}, readonly exitCode: number = EXIT.failed, readonly serviceMessage?: ServiceMessage) {
    super(key);
  }
}

/**
 * A failure a service put into words of its own (a disk or export error): its catalogue message when it has one
 * (a disk or export error's `uiMessage`, said in the run's language), else its English words passed on as they are.
 */
function failureFrom(err: Error, exitCode: number = EXIT.failed): CliFailure {
  // Duck-typed: the disk module is loaded lazily (start-up time), so DiskError is not in scope here.
  const uiMessage = asServiceMessage((err as { uiMessage?: unknown }).uiMessage);
  return new CliFailure('cli.error.detail', { detail: err.message }, exitCode, uiMessage);
}

/** The help of each command: a catalogue message (`cli.help.<topic>`), said in the run's language. */
const HELP_TOPICS = ['main', 'serve', 'export', 'preflight', 'text', 'new'] as const;
type HelpTopic = (typeof HELP_TOPICS)[number];

/** The help text of `topic` in this run's language (`LC_ALL`, `LC_MESSAGES`, `LANG`). */
function helpText(io: CliIo, topic: HelpTopic): string {
  return translatorFor(io).t(`cli.help.${topic}`);
}

const COMMON_OPTIONS = { help: { type: 'boolean', short: 'h' } } as const;
const OPTIONS = {
  serve: { ...COMMON_OPTIONS, port: { type: 'string' }, root: { type: 'string' }, fonts: { type: 'string', multiple: true }, 'recovery-dir': { type: 'string' } },
  export: {
    ...COMMON_OPTIONS,
    output: { type: 'string', short: 'o' },
    preset: { type: 'string' },
    profile: { type: 'string' },
    pages: { type: 'string' },
    force: { type: 'boolean' },
    date: { type: 'string' },
    fonts: { type: 'string', multiple: true },
  },
  preflight: { ...COMMON_OPTIONS, json: { type: 'boolean' }, preset: { type: 'string' }, fonts: { type: 'string', multiple: true } },
  new: { ...COMMON_OPTIONS, force: { type: 'boolean' }, date: { type: 'string' } },
  text: { ...COMMON_OPTIONS, json: { type: 'boolean' }, story: { type: 'string', multiple: true } },
} as const satisfies Record<string, ParseArgsConfig['options']>;

type Command = keyof typeof OPTIONS;

function parse<C extends Command>(command: C, args: string[]) {
  try {
    return parseArgs({ args, options: OPTIONS[command], allowPositionals: true, strict: true });
  } catch (err) {
    const message = (err as Error).message;
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new UsageError('cli.error.unknownOption', { command, option: unknown[1] });
    // Node's own words for what else is wrong (an option missing its value, an unexpected argument).
    throw new UsageError('cli.error.badArguments', { command, detail: message.split('.')[0] });
  }
}

/** The clock for this run: --date, else SOURCE_DATE_EPOCH (seconds, reproducible builds), else now. */
export function resolveNow(dateOption: string | undefined, env: NodeJS.ProcessEnv): Date {
  if (dateOption !== undefined) {
    const d = new Date(dateOption);
    if (Number.isNaN(d.getTime())) throw new UsageError('cli.error.badDate', { value: dateOption });
    return d;
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== '') {
    if (!/^\d+$/.test(epoch)) throw new UsageError('cli.error.badEpoch', { value: epoch });
    return new Date(Number(epoch) * 1000);
  }
  return new Date();
}

function presetOf(value: string | undefined): ExportPreset {
  if (value === undefined) return 'print';
  const parsed = ExportPresetSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new UsageError('cli.error.badPreset', { value });
}

function fontsDirsOf(extra: readonly string[] | undefined, cwd: string, root?: string): string[] {
  const dirs = (extra ?? []).map((d) => path.resolve(cwd, d));
  if (root) dirs.push(path.join(root, 'fonts'));
  return dirs;
}

async function readDocument(file: string) {
  const { FolioFileError, unpackFolio } = await import('../src-core/model/folio-file.js');
  const { diskRefusal, readFileUpTo } = await import('./services/disk.js');
  const { MAX_FOLIO_FILE_BYTES } = await import('./services/documents.js');
  let bytes: Uint8Array;
  try {
    bytes = await readFileUpTo(file, MAX_FOLIO_FILE_BYTES, (why) => diskRefusal(why, 'open', file, MAX_FOLIO_FILE_BYTES));
  } catch (err) {
    // The commonest mistake, a mistyped name, in the run's language; other disk errors in the service's words.
    if ((err as { errno?: unknown }).errno === 'ENOENT' && existsSync(path.dirname(file))) {
      throw new CliFailure('cli.error.fileMissing', { name: path.basename(file), file });
    }
    throw failureFrom(err as Error);
  }
  try {
    return unpackFolio(bytes);
  } catch (err) {
    // The damage in the run's language, after the file's name.
    if (err instanceof FolioFileError) throw new CliFailure('cli.error.damaged', { file, detail: err.message }, EXIT.failed, { key: 'cli.error.damaged', values: { file, detail: err.uiMessage } });
    throw err;
  }
}

function formatBytes(n: number): string {
  // i18n-exempt: units, written alike in both languages
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`;
}

/**
 * The CLI's language, from the environment as POSIX orders it (LC_ALL, LC_MESSAGES, LANG): zh_CN.UTF-8 →
 * Chinese; C, POSIX, en_* or nothing set → English (a script's or a server's plain locale asks for no language,
 * and its logs read best in the language of the option names).
 */
export function cliLocale(env: NodeJS.ProcessEnv): UiLocale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '');
  const language = value?.split(/[._@]/)[0];
  if (!language || language === 'C' || language === 'POSIX') return 'en';
  return localeFromEnv(env);
}

/** The translator for this run's language. */
function translatorFor(io: CliIo): Translator {
  return createTranslator(cliLocale(io.env));
}

function printFindings(findings: readonly Finding[], document: { pages: { id: string; name: string }[] }, out: NodeJS.WritableStream, translator: Translator, formatFinding: (f: Finding, t: Translator) => string): void {
  const pageName = (id: string) => document.pages.find((p) => p.id === id)?.name || id || translator.t('cli.templatePage');
  for (const f of findings) {
    const severity = translator.t('cli.severity', { severity: f.severity });
    out.write(`${severity.padEnd(translator.locale === 'en' ? 7 : 2)} ${pageName(f.pageId).padEnd(5)} ${f.code}: ${formatFinding(f, translator)}\n`);
  }
}

async function commandExport(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('export', args);
  if (values.help) return (io.stdout.write(`${helpText(io, 'export')}\n`), EXIT.ok);
  if (positionals.length !== 1) throw new UsageError('cli.error.exportOneDocument');
  if (!values.output) throw new UsageError('cli.error.exportNoOutput');
  const preset = presetOf(values.preset);
  const now = resolveNow(values.date, io.env);
  const docPath = path.resolve(io.cwd, positionals[0]);
  const outRaw = values.output;
  const outPath = path.resolve(io.cwd, outRaw);
  const isDir = /[\\/]$/.test(outRaw) || (existsSync(outPath) && statSync(outPath).isDirectory()) || !outPath.toLowerCase().endsWith('.pdf');
  const pageIds = values.pages ? values.pages.split(',').map((p) => p.trim()).filter(Boolean) : undefined;

  // Until files are written, an interrupt ends the process at once: nothing is half done.
  const checked = await endingAtOnce(io, () => prepareExport(io, values, docPath, preset, pageIds));
  if (typeof checked === 'number') return checked;
  throwIfStopped(io);
  const { contents, fonts, layouts, outputProfile } = checked;
  const { ExportError, runExportJob } = await import('./services/export-job.js');

  const controller = new AbortController();
  io.stopSignal.addEventListener('abort', () => controller.abort(), { once: true });
  const tty = io.stderr.isTTY === true;
  const translator = translatorFor(io);
  try {
    await runExportJob({
      document: contents.document,
      assets: contents.assets,
      fonts,
      preset,
      ...(outputProfile ? { outputProfile } : {}),
      pageIds,
      output: outPath,
      outputKind: isDir ? 'dir' : 'file',
      now,
      documentName: path.basename(docPath),
      layouts,
      signal: controller.signal,
      onProgress(p) {
        if (p.phase !== 'page' || !p.file) return;
        if (tty) io.stderr.write(`\r\x1b[K`);
        const name = contents.document.pages.find((pg) => pg.id === p.file?.pageId)?.name ?? p.file.pageId;
        io.stdout.write(`${translator.t('cli.exportedPage', { page: name, fonts: p.fontIds?.join(',') || '—', size: formatBytes(p.file.sizeBytes), ms: Math.round(p.elapsedMs ?? 0), file: p.file.path })}\n`);
        if (tty && p.done < p.total) io.stderr.write(translator.t('cli.exporting', { done: p.done + 1, total: p.total }));
      },
    });
  } catch (err) {
    if (err instanceof ExportError && err.code === 'cancelled') throw failureFrom(err, EXIT.interrupted);
    if (err instanceof ExportError) throw failureFrom(err);
    const { DiskError } = await import('./services/disk.js');
    if (err instanceof DiskError) throw failureFrom(err);
    throw err;
  }
  return EXIT.ok;
}

/**
 * The part of an export that writes nothing: read the document, check pages and profile, compose, preflight.
 * @returns what the export needs, or the exit code when preflight stops it
 */
async function prepareExport(
  io: CliIo,
  values: { profile?: string; fonts?: string[]; force?: boolean },
  docPath: string,
  preset: ExportPreset,
  pageIds: string[] | undefined,
) {
  const contents = await readDocument(docPath);
  const { createFontCatalogue } = await import('./services/fonts.js');
  const { ExportError, composeDocument, preflightDocument, resolveOutputProfile, selectPages } = await import('./services/export-job.js');
  // Wrong pages or an unusable profile fail before any composing.
  let outputProfile;
  let selected: ReturnType<typeof selectPages>;
  try {
    selected = selectPages(contents.document, pageIds);
    if (values.profile && preset !== 'proof') {
      const { OutputProfileError, readOutputProfileFile } = await import('./services/output-profile.js');
      try {
        outputProfile = await readOutputProfileFile(path.resolve(io.cwd, values.profile), MODULES_FROM);
      } catch (err) {
        if (err instanceof OutputProfileError) throw new CliFailure('cli.error.profile', { detail: err.message }, EXIT.failed, { key: 'cli.error.profile', values: { detail: err.uiMessage } });
        throw err;
      }
    }
    if (preset !== 'proof') outputProfile = await resolveOutputProfile({ ...contents, preset, outputProfile, modulesFrom: MODULES_FROM });
  } catch (err) {
    if (err instanceof ExportError) throw failureFrom(err);
    throw err;
  }
  const fonts = await createFontCatalogue({ fontsDirs: fontsDirsOf(values.fonts, io.cwd), modulesFrom: MODULES_FROM }).providerFor(contents.document.template);
  const layouts = await composeDocument(contents.document, fonts);

  // A profile given with --profile satisfies X-4's need for one, whatever the document holds.
  const allFindings = await preflightDocument(contents.document, layouts, contents.assets, values.profile && preset === 'print-x4' ? 'print' : preset, fonts);
  // Only the exported pages' findings (and document-wide ones, pageId ''): A01's overset must not hold up A02.
  const selectedIds = new Set(selected.map((p) => p.id));
  const findings = allFindings.filter((f) => f.pageId === '' || selectedIds.has(f.pageId));
  const errors = findings.filter((f) => f.severity === 'error');
  const translator = translatorFor(io);
  const { formatFinding } = await import('../src-core/preflight/preflight.js');
  printFindings(findings.filter((f) => f.severity !== 'info'), contents.document, io.stderr, translator, formatFinding);
  if (errors.length > 0 && !values.force) {
    io.stderr.write(`${translator.t('cli.preflightStopped', { count: errors.length, option: '--force' })}\n`);
    return EXIT.preflight;
  }
  return { contents, fonts, layouts, outputProfile };
}

async function commandPreflight(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('preflight', args);
  if (values.help) return (io.stdout.write(`${helpText(io, 'preflight')}\n`), EXIT.ok);
  if (positionals.length !== 1) throw new UsageError('cli.error.preflightOneDocument');
  const preset = presetOf(values.preset);
  const contents = await readDocument(path.resolve(io.cwd, positionals[0]));
  const { createFontCatalogue } = await import('./services/fonts.js');
  const { composeDocument, preflightDocument } = await import('./services/export-job.js');
  throwIfStopped(io);
  const fonts = await createFontCatalogue({ fontsDirs: fontsDirsOf(values.fonts, io.cwd), modulesFrom: MODULES_FROM }).providerFor(contents.document.template);
  const findings = await preflightDocument(contents.document, await composeDocument(contents.document, fonts), contents.assets, preset, fonts);
  const translator = translatorFor(io);
  const { formatFinding } = await import('../src-core/preflight/preflight.js');
  if (values.json) {
    // JSON is for scripts: the key and values stay as they are, the message is in the run's language.
    io.stdout.write(`${JSON.stringify(findings.map((f) => ({ ...f, message: formatFinding(f, translator) })), null, 1)}\n`);
  } else if (findings.length === 0) {
    io.stdout.write(`${translator.t('cli.noProblems')}\n`);
  } else {
    printFindings(findings, contents.document, io.stdout, translator, formatFinding);
  }
  return findings.some((f) => f.severity === 'error') ? EXIT.preflight : EXIT.ok;
}

async function commandText(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('text', args);
  if (values.help) return (io.stdout.write(`${helpText(io, 'text')}\n`), EXIT.ok);
  if (positionals.length !== 1) throw new UsageError('cli.error.textOneDocument');
  const { document } = await readDocument(path.resolve(io.cwd, positionals[0]));
  const { storyTexts } = await import('../src-core/layout/story-text.js');
  let texts = storyTexts(document);
  const wanted = values.story ?? [];
  if (wanted.length > 0) {
    const missing = wanted.filter((w) => !texts.some((t) => t.storyId === w || t.name === w));
    if (missing.length > 0) {
      throw new CliFailure('cli.error.noStory', { file: positionals[0], missing: missing.map((m) => `"${m}"`).join(', '), stories: texts.map((t) => t.storyId).join(', ') });
    }
    texts = texts.filter((t) => wanted.includes(t.storyId) || wanted.includes(t.name));
  }
  if (values.json) {
    io.stdout.write(`${JSON.stringify(texts.map((t) => ({ storyId: t.storyId, name: t.name, pages: t.pages, characters: t.characters, blocks: t.blocks })), null, 1)}\n`);
    return EXIT.ok;
  }
  const translator = translatorFor(io);
  const parts = texts.map((t) => {
    const where = t.pages.length > 0 ? t.pages.join(', ') : translator.t('cli.textNotPlaced');
    const heading = `== ${t.name} [${t.storyId}] · ${where} · ${translator.formatNumber(t.characters)} 字 ==`;
    return [heading, ...t.blocks.map((b) => b.text)].join('\n');
  });
  io.stdout.write(`${parts.join('\n\n')}\n`);
  return EXIT.ok;
}

async function commandNew(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('new', args);
  if (values.help) return (io.stdout.write(`${helpText(io, 'new')}\n`), EXIT.ok);
  if (positionals.length !== 2) throw new UsageError('cli.error.newArguments');
  const [templateId, out] = positionals;
  const target = path.resolve(io.cwd, out);
  if (path.extname(target).toLowerCase() !== '.folio') throw new UsageError('cli.error.newNotFolio', { value: out });
  if (existsSync(target) && !values.force) throw new CliFailure('cli.error.exists', { file: target });
  const { loadTemplateCatalogue, newDocumentFromTemplate } = await import('./services/templates.js');
  const catalogue = await loadTemplateCatalogue(path.join(APP_ROOT, 'templates'));
  const template = catalogue.templates.find((t) => t.id === templateId);
  if (!template) {
    throw new CliFailure('cli.error.noTemplate', { template: templateId, available: catalogue.templates.map((t) => t.id).join(', ') || '—' });
  }
  const { packFolio } = await import('../src-core/model/folio-file.js');
  const { DiskError, writeFileAtomic } = await import('./services/disk.js');
  const document = newDocumentFromTemplate(template, resolveNow(values.date, io.env));
  try {
    await writeFileAtomic(target, packFolio(document, new Map()), { action: 'create' });
  } catch (err) {
    if (err instanceof DiskError) throw failureFrom(err);
    throw err;
  }
  io.stdout.write(`${translatorFor(io).t('cli.created', { file: target, template: template.id, name: template.name })}\n`);
  return EXIT.ok;
}

async function commandServe(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse('serve', args);
  if (values.help) return (io.stdout.write(`${helpText(io, 'serve')}\n`), EXIT.ok);
  if (positionals.length > 0) throw new UsageError('cli.error.serveArgument', { value: positionals[0] });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('cli.error.badPort', { value: String(values.port) });
  let root: string;
  if (values.root !== undefined) {
    root = path.resolve(io.cwd, values.root);
    if (!existsSync(root) || !statSync(root).isDirectory()) throw new CliFailure('cli.error.noWorkspace', { folder: root });
  } else {
    // Never the current folder: from `npm start` that is the checkout, and saves, exports and locks would land in it.
    const { ensureDefaultWorkspace } = await import('./services/default-workspace.js');
    const { DiskError } = await import('./services/disk.js');
    try {
      const made = await ensureDefaultWorkspace({ homeDir: os.homedir(), samplesDir: path.join(APP_ROOT, 'templates', 'samples') });
      root = made.root;
      for (const file of made.copied) io.stdout.write(`${translatorFor(io).t('cli.copiedSample', { file })}\n`);
    } catch (err) {
      // The disk's line in the run's language when it has one, before the advice.
      if (err instanceof DiskError) throw new CliFailure('cli.error.workspaceFailed', { detail: err.message }, EXIT.failed, err.uiMessage ? { key: 'cli.error.workspaceFailed', values: { detail: err.uiMessage } } : undefined);
      throw err;
    }
  }
  const { CONFIG_DIR_NAME, createServices } = await import('./services/services.js');
  const { startServer } = await import('./server/server.js');
  const { recoveryDirFor } = await import('./services/app-data.js');
  // Autosaves live outside the workspace, in the user's own data folder: a shared workspace is writable by
  // colleagues, who must not plant recovery records there nor read someone's unsaved pages.
  const chosenRecoveryDir = values['recovery-dir'] ?? (io.env.FOLIO_RECOVERY_DIR || undefined);
  const recoveryDir = chosenRecoveryDir !== undefined
    ? path.resolve(io.cwd, chosenRecoveryDir)
    : recoveryDirFor(realpathSync(root), { env: io.env, homeDir: os.homedir(), platform: process.platform });
  const services = createServices({
    workspaceRoot: root,
    recoveryDir,
    // The recent-files list stays with the workspace, as before (it names only the workspace's files).
    configDir: path.join(root, CONFIG_DIR_NAME),
    templatesDir: path.join(APP_ROOT, 'templates'),
    fontsDirs: fontsDirsOf(values.fonts, io.cwd, root),
    clock: () => new Date(),
    modulesFrom: MODULES_FROM,
  });
  let server;
  try {
    server = await startServer({ port, services, rendererDir: path.join(APP_ROOT, 'out', 'renderer') });
  } catch (err) {
    await services.dispose();
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CliFailure('cli.error.portInUse', { port: String(port) });
    throw err;
  }
  const { loadTemplateCatalogue } = await import('./services/templates.js');
  for (const problem of (await loadTemplateCatalogue(path.join(APP_ROOT, 'templates'))).problems) {
    io.stderr.write(`${translatorFor(io).t('cli.templateLeftOut', { detail: formatServiceMessage(problem.uiMessage, translatorFor(io)) })}\n`);
  }
  if (!existsSync(path.join(APP_ROOT, 'out', 'renderer', 'index.html'))) {
    io.stderr.write(`${translatorFor(io).t('cli.notBuilt')}\n`);
  }
  io.stdout.write(`${translatorFor(io).t('cli.workspace', { folder: root })}\n`);
  // Not translated: scripts (npm start, the tests) read the address off this line.
  io.stdout.write(`Folio browser mode: ${server.url}\n`); // i18n-exempt: a machine-read line, see above
  await new Promise<void>((resolve) => {
    if (io.stopSignal.aborted) resolve();
    io.stopSignal.addEventListener('abort', () => resolve(), { once: true });
  });
  await server.close();
  await services.dispose();
  return EXIT.ok;
}

const COMMANDS: Record<Command, (args: string[], io: CliIo) => Promise<number>> = {
  serve: commandServe,
  export: commandExport,
  preflight: commandPreflight,
  new: commandNew,
  text: commandText,
};

/** Runs the CLI with arguments (without node and script). Resolves to the exit code; never throws. */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      const topic = command === 'help' ? rest[0] : undefined;
      io.stdout.write(`${helpText(io, HELP_TOPICS.find((h) => h === topic) ?? 'main')}\n`);
      return command === undefined ? EXIT.usage : EXIT.ok;
    }
    if (!Object.hasOwn(COMMANDS, command)) {
      throw new UsageError('cli.error.unknownCommand', { command, commands: Object.keys(COMMANDS).join(', ') });
    }
    const run = COMMANDS[command as Command];
    // A server must close cleanly and an export finishes the file it writes; the other commands write nothing
    // half-way (new writes atomically) and may end the moment they are interrupted.
    return await (command === 'serve' || command === 'export' ? run(rest, io) : endingAtOnce(io, () => run(rest, io)));
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`${translatorFor(io).t(err.key, err.values)}\n`);
      return EXIT.usage;
    }
    if (err instanceof CliFailure) {
      const translator = translatorFor(io);
      const message = err.serviceMessage ? formatServiceMessage(err.serviceMessage, translator) : translator.t(err.key, err.values);
      io.stderr.write(`${translator.t('cli.error.line', { message })}\n`);
      return err.exitCode;
    }
    // A refusal a service put into catalogue words (a font file, the exporter, the composer) in the run's language.
    const said = asServiceMessage((err as { uiMessage?: unknown } | null)?.uiMessage);
    if (said && !io.env.FOLIO_DEBUG) {
      const translator = translatorFor(io);
      io.stderr.write(`${translator.t('cli.error.line', { message: formatServiceMessage(said, translator) })}\n`);
      return EXIT.failed;
    }
    // Still one line: a newsroom user can act on the message, not on a stack trace (FOLIO_DEBUG=1 shows it).
    const message = String((err as Error)?.message ?? err).split('\n')[0];
    const detail = io.env.FOLIO_DEBUG ? `\n${(err as Error)?.stack ?? ''}` : '';
    io.stderr.write(`${translatorFor(io).t('cli.error.unexpected', { message })}${detail}\n`);
    return EXIT.failed;
  }
}

/**
 * How long a command may take to wind down after Ctrl+C or SIGTERM (an export finishes the file it is writing)
 * before the process ends anyway: a command stuck in I/O that never returns must not outlive the signal.
 */
const STOP_GRACE_MS = 1000;

/**
 * Makes a closed pipe end the output quietly: `folio text big.folio | head -1` closes the pipe after one line, and
 * Node reports the next write as an EPIPE 'error' event, which unhandled ends the process with a stack trace.
 * The command then runs to its end with its own exit code (0 for `text`), writing nothing more: the reader left
 * because it had what it wanted, which is not a failure. Not the shell convention of 141 (death by SIGPIPE):
 * under `set -o pipefail` that would fail every script that pipes Folio's output into `head`, although
 * nothing went wrong, and an export or a server must not stop because nobody reads its messages.
 */
function endQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  // Every error of a standard stream is handled alike: EPIPE, or EIO when the terminal went away, is as final
  // for the output and as unactionable, since there is nowhere left to report it. The stream stays destroyed,
  // so later writes go nowhere.
  stream.on('error', () => undefined);
}

/**
 * Runs `main` for this process: wires SIGINT/SIGTERM to the stop signal and sets the exit code. A signal always
 * ends the process: a command that has not finished `STOP_GRACE_MS` after it (or at a second signal) is ended
 * by the signal itself, as if Folio had not caught it.
 */
export async function runFromProcess(): Promise<void> {
  const stop = new AbortController();
  let graceTimer: NodeJS.Timeout | undefined;
  const listen = () => {
    // i18n-exempt: signal names
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal); // i18n-exempt: signal name
  };
  const unlisten = () => {
    // i18n-exempt: signal names
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal); // i18n-exempt: signal name
  };
  function onSignal(signal: NodeJS.Signals): void {
    const endNow = () => {
      process.stderr.write(`${createTranslator(cliLocale(process.env)).t('cli.error.stoppedNow')}\n`);
      unlisten();
      // Not process.exit: it waits for Node's I/O threads, and one blocked in the kernel (a FIFO, a hung
      // mount) never returns. Re-raising the signal with its default action ends the process at once.
      process.kill(process.pid, signal);
    };
    if (stop.signal.aborted) return endNow();
    stop.abort();
    graceTimer = setTimeout(endNow, STOP_GRACE_MS).unref();
  }
  // With no listener left, Node restores the signals' default action (end the process).
  let uncaughtDepth = 0;
  const signalsEndAtOnce = async <T>(work: () => Promise<T>): Promise<T> => {
    if (uncaughtDepth++ === 0) unlisten();
    try {
      return await work();
    } finally {
      if (--uncaughtDepth === 0) listen();
    }
  };
  listen();
  endQuietlyOnClosedPipe(process.stdout);
  endQuietlyOnClosedPipe(process.stderr);
  const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), stopSignal: stop.signal, signalsEndAtOnce });
  clearTimeout(graceTimer);
  unlisten();
  process.exitCode = code;
  // Export leaves no timers behind, but a stuck handle must not keep a finished CLI alive.
  setTimeout(() => process.exit(code), 1000).unref();
}
