/**
 * The services factory: one object implementing every Host channel over the disk, shared by Electron IPC,
 * browser mode's loopback server and the CLI. Payloads arrive validated (dispatch.ts runs HostPayloadSchemas);
 * every function here resolves to a HostResult and never throws — errors come back as data with a human message.
 *
 * 1. Paths from clients are confined to the workspace (workspace.ts) before any disk access.
 * 2. Documents (documents.ts), templates (templates.ts), fonts (fonts.ts) and export (export-job.ts) do the work.
 * 3. `toHostError` maps the modules' specific errors to HostError codes; anything unexpected is 'internal'.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { HostChannel, HostError, HostPayloadSchemas, HostResult, HostValues, OpenedDocument } from '../../src-core/api/host-api.js';
import { FolioFileError, unpackFolio } from '../../src-core/model/folio-file.js';
import { DocumentInUseError } from './document-lock.js';
import { DiskError, describeIoError, nodeDiskIo, readFileUpTo, type DiskIo } from './disk.js';
import { DocumentError, MAX_FOLIO_FILE_BYTES, createDocumentStore, documentError, type DocumentStore, type RecoveryEntry } from './documents.js';
import { EXPORT_CANCELLED, ExportError, runExportJob, type ExportProgress } from './export-job.js';
import { asServiceMessage, ServiceRangeError } from '../../src-core/i18n/service-message.js';
import { createExportJobs } from './export-jobs.js';
import { createFontCatalogue, type FontCatalogue } from './fonts.js';
import { FontFileError } from './font-file.js';
import { createFurnitureLibrary } from './furniture-library.js';
import { ImportError, readAssetFile } from './import-asset.js';
import { readManuscriptFile } from './manuscript-file.js';
import { ManuscriptError } from '../../src-core/model/manuscript.js';
import { createRecentFiles } from './recent-files.js';
import { loadTemplateCatalogue, newDocumentFromTemplate } from './templates.js';
import { WorkspaceError, createWorkspace, isShownInPickers, type Workspace } from './workspace.js';

/** File name of the sample document opened on first start, under `<templatesDir>/samples/`. */
export const SAMPLE_DOCUMENT_FILE = 'deqing-front-2023-07-20.folio';
/**
 * Largest exported PDF offered for download, in bytes: a broadsheet page with full-page adverts and pictures is
 * tens of MB; this leaves room while never loading an arbitrary large file into memory.
 */
export const MAX_EXPORTED_FILE_BYTES = 512 * 1024 * 1024;
/** Folder (inside the workspace) holding autosave recovery files. */
export const RECOVERY_DIR_NAME = '.folio-recovery';
/** Folder (inside the workspace) for the services' own settings, such as the recent-files list. */
export const CONFIG_DIR_NAME = '.folio';

/** Options of `createServices`. */
export interface ServicesOptions {
  /** The only folder clients may read and write (documents, exports). Must exist. */
  workspaceRoot: string;
  /** Folder of `*.json` templates (and `samples/`). */
  templatesDir: string;
  /** Folders with user fonts (.ttf/.otf); missing folders are ignored. */
  fontsDirs: readonly string[];
  /** The clock: lock stamps, autosave times, new documents' issue dates, PDF dates. */
  clock: () => Date;
  /** Disk operations (tests inject failures). */
  io?: DiskIo;
  /** Export progress, e.g. forwarded to the renderer. */
  onExportProgress?: (progress: ExportProgress) => void;
  /** File (path or URL) from which npm packages such as the default fonts are resolved; default: the services' own location. */
  modulesFrom?: string;
  /** Folder for autosave recovery files; default `<workspace>/.folio-recovery` (the desktop app uses its user-data folder). */
  recoveryDir?: string;
  /**
   * Folder for the services' settings (the recent-files list); default: the folder holding `recoveryDir` when one
   * is given (the desktop app's user-data folder), else `<workspace>/.folio`.
   */
  configDir?: string;
}

/** A channel's payload after validation (defaults applied): what the services functions receive. */
export type ParsedPayload<C extends HostChannel> = z.output<(typeof HostPayloadSchemas)[C]>;

/** One function per host channel, taking already validated payloads (see dispatch.ts for the validating entry). */
export type HostHandlers = {
  [C in HostChannel]: (payload: ParsedPayload<C>) => Promise<HostResult<HostValues[C]>>;
};

/** The Host channel handlers plus what only the shell itself uses. */
export interface Services extends HostHandlers {
  readonly workspace: Workspace;
  readonly documents: DocumentStore;
  readonly fonts: FontCatalogue;
  /** Autosaves from crashed sessions that belong to no open document. */
  listRecoveries(): Promise<HostResult<RecoveryEntry[]>>;
  /** Opens one of `listRecoveries()` by its handle. */
  openRecovery(recoveryHandle: string): Promise<HostResult<OpenedDocument>>;
  /** Releases every lock (shutdown). */
  dispose(): Promise<void>;
}

/** `{ uiMessage }` when `err` carries a well-formed catalogue message, else nothing (the English message is said). */
function uiMessageOf(err: { uiMessage?: unknown }): Pick<HostError, 'uiMessage'> {
  const uiMessage = asServiceMessage(err.uiMessage);
  return uiMessage ? { uiMessage } : {};
}

/**
 * Maps any error to a HostError a newsroom user can act on: its English `message`, and its catalogue message
 * (`uiMessage`) when it has one, which the renderer says in the interface language.
 */
export function toHostError(err: unknown): HostError {
  if (err instanceof WorkspaceError) return { code: 'forbidden', message: err.message, ...uiMessageOf(err) };
  if (err instanceof FolioFileError) return { code: 'invalid-file', message: err.message, ...uiMessageOf(err) };
  if (err instanceof DocumentInUseError) return { code: 'in-use', message: err.message, ...uiMessageOf(err), ...(err.heldHere ? { heldHere: true } : {}) };
  if (err instanceof DocumentError || err instanceof DiskError || err instanceof ExportError || err instanceof ImportError) return { code: err.code, message: err.message, ...uiMessageOf(err) };
  if (err instanceof ManuscriptError || err instanceof FontFileError) return { code: 'invalid-file', message: err.message, ...uiMessageOf(err) };
  if (err instanceof Error && err.name === 'AbortError') return { code: 'cancelled', ...EXPORT_CANCELLED };
  // The composer's and exporter's refusals of a user's document (no installed font for its template): its line.
  if (err instanceof ServiceRangeError) return { code: 'invalid-file', message: err.message, ...uiMessageOf(err) };
  const message = err instanceof Error ? err.message : String(err);
  // Anything else is Folio's own fault: the frame in the interface language, the error's words as its detail.
  return { code: 'internal', message: `Something went wrong inside Folio: ${message}`, uiMessage: { key: 'service.internal', values: { detail: message } } };
}

async function result<T>(work: () => Promise<T> | T): Promise<HostResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (err) {
    return { ok: false, error: toHostError(err) };
  }
}

/** Creates the services for one workspace. */
export function createServices(options: ServicesOptions): Services {
  const workspace = createWorkspace(options.workspaceRoot);
  const io = options.io ?? nodeDiskIo;
  const documents = createDocumentStore({
    recoveryDir: options.recoveryDir ?? path.join(workspace.root, RECOVERY_DIR_NAME),
    clock: options.clock,
    io,
    // Recovery records are files on disk, planted as easily as any other: their paths are confined like a client's.
    confine: (absolutePath) => workspace.confine(absolutePath),
  });
  const fonts = createFontCatalogue({ fontsDirs: options.fontsDirs, modulesFrom: options.modulesFrom });
  const configDir = options.configDir ?? (options.recoveryDir ? path.dirname(options.recoveryDir) : path.join(workspace.root, CONFIG_DIR_NAME));
  // The recent list is a convenience on the real disk (the injected `io` is for documents): failing to update it
  // must not fail the open or save that succeeded.
  const recent = createRecentFiles({ configDir, clock: options.clock });
  const remember = (absolutePath: string) => recent.record(absolutePath).catch(() => undefined);

  const templateById = async (templateId: string) => {
    const { templates } = await loadTemplateCatalogue(options.templatesDir);
    const template = templates.find((t) => t.id === templateId);
    if (!template) throw documentError('not-found', 'service.document.noTemplate', { template: templateId });
    return template;
  };

  // The built-in furniture ships beside the templates; the workspace's own lives in its `library/` folder.
  const library = createFurnitureLibrary({ workspace, builtinDir: path.join(options.templatesDir, 'library'), io });

  const exportJobs = createExportJobs();
  /** The workspace-relative export folder remembered for a document file, when it is still inside the workspace. */
  const rememberedExportDir = async (documentPath: string | null): Promise<string | undefined> => {
    if (!documentPath) return undefined;
    const dir = await recent.exportDirFor(documentPath).catch(() => undefined);
    if (!dir) return undefined;
    try {
      return workspace.relative(workspace.confine(dir));
    } catch {
      return undefined; // a folder of another workspace: exports go beside the document instead
    }
  };
  /** An opened document, with the export folder remembered for it. */
  const withExportDir = async (opened: OpenedDocument): Promise<OpenedDocument> => {
    const exportDir = await rememberedExportDir(opened.path);
    return exportDir ? { ...opened, exportDir } : opened;
  };

  /**
   * Checks an export request now; the returned function runs it (with a cancel signal and progress sink).
   * Where: the request's folder (remembered for the document once the export succeeds), else the folder
   * remembered for the document, else beside the document (the workspace for a never-saved one).
   */
  const exportWork = ({ handle, document, preset, pageIds, outputPath }: ParsedPayload<'exportPdf'>) => {
    const open = documents.contents(handle);
    const chosen = outputPath !== undefined ? workspace.confine(outputPath) : undefined;
    return async (signal: AbortSignal | undefined, onProgress: (done: number, total: number) => void) => {
      const remembered = chosen === undefined ? await rememberedExportDir(open.path) : undefined;
      const target = chosen ?? (remembered ? workspace.confine(remembered) : open.path ? path.dirname(open.path) : workspace.root);
      const files = await runExportJob({
        document,
        assets: open.assets,
        fonts: await fonts.providerFor(document.template),
        preset,
        pageIds,
        ...(options.modulesFrom ? { modulesFrom: options.modulesFrom } : {}),
        output: target,
        now: options.clock(),
        io,
        signal,
        onProgress: (progress) => {
          onProgress(progress.done, progress.total);
          options.onExportProgress?.(progress);
        },
      });
      // A chosen folder (not a single .pdf file) becomes this document's export folder from now on; its own
      // folder is the default, so choosing it forgets any other.
      const documentPath = open.path;
      if (chosen && documentPath && !chosen.toLowerCase().endsWith('.pdf')) {
        await recent.setExportDir(documentPath, chosen === path.dirname(documentPath) ? undefined : chosen).catch(() => undefined);
      }
      return files;
    };
  };

  return {
    workspace,
    documents,
    fonts,

    listTemplates: () =>
      result(async () => (await loadTemplateCatalogue(options.templatesDir)).templates.map((t) => ({ id: t.id, name: t.name, description: t.description }))),

    newFromTemplate: ({ templateId }) =>
      result(async () => documents.adopt(newDocumentFromTemplate(await templateById(templateId), options.clock()), new Map())),

    // The renderer opens the sample on start: that is where a crashed session's autosave is offered first
    // (the newest one no open document owns), flagged with `recoveredFrom`; the sample comes once none is left.
    openSample: () =>
      result(async () => {
        for (const recovery of await documents.listRecoveries()) {
          try {
            return await withExportDir(await documents.openRecovery(recovery.handle));
          } catch {
            // A damaged autosave must not block the start: try the next, then the sample.
          }
        }
        const samplePath = path.join(options.templatesDir, 'samples', SAMPLE_DOCUMENT_FILE);
        let bytes: Uint8Array;
        try {
          bytes = await io.readFile(samplePath, MAX_FOLIO_FILE_BYTES);
        } catch (err) {
          if (err instanceof DiskError) throw err;
          throw describeIoError(err, 'open the sample', samplePath);
        }
        // The sample opens as an unsaved copy, so saving asks for a name and the shipped sample never changes.
        const contents = unpackFolio(bytes);
        return documents.adopt(contents.document, contents.assets);
      }),

    openDocument: ({ path: clientPath, readOnly, takeOver }) =>
      result(async () => {
        const opened = await documents.open(workspace.confine(clientPath), readOnly, takeOver);
        if (opened.path) await remember(opened.path);
        return withExportDir(opened);
      }),

    saveDocument: ({ handle, document, path: clientPath }) =>
      result(async () => {
        const saved = await documents.save(handle, document, clientPath === undefined ? undefined : workspace.confine(clientPath));
        await remember(saved.path);
        return { path: saved.path };
      }),

    autosave: ({ handle, document }) => result(() => documents.autosave(handle, document)),

    closeDocument: ({ handle }) =>
      result(async () => {
        await documents.close(handle);
        return { closed: true as const };
      }),

    renewLease: ({ handle }) => result(() => documents.renewLease(handle)),

    releaseDocument: ({ handle }) =>
      result(async () => {
        await documents.release(handle);
        return { released: true as const };
      }),

    listFonts: () => result(async () => (await fonts.list()).map((f) => ({ id: f.id, family: f.family, weight: f.weight }))),

    loadFont: ({ fontId }) =>
      result(async () => {
        let bytes: Uint8Array;
        try {
          bytes = await fonts.bytes(fontId);
        } catch (err) {
          if (err instanceof RangeError) throw documentError('not-found', 'service.font.unknown', { font: fontId });
          throw err;
        }
        return { bytes };
      }),

    loadAsset: ({ handle, assetId }) =>
      result(() => {
        const { bytes, mime } = documents.asset(handle, assetId);
        return { bytes, mime };
      }),

    exportPdf: (request) =>
      result(async () => ({ files: await exportWork(request)(undefined, () => undefined) })),

    startExport: (request) =>
      result(() => {
        // Refusals (unknown handle, a path outside the workspace) answer the start call itself.
        const work = exportWork(request);
        return { jobId: exportJobs.start((signal, onProgress) => work(signal, onProgress), toHostError) };
      }),

    exportStatus: ({ jobId }) => result(() => exportJobs.status(jobId)),

    cancelExport: ({ jobId }) => result(() => ({ cancelling: exportJobs.cancel(jobId) })),

    loadExportedFile: ({ jobId, pageId }) =>
      result(async () => {
        const file = exportJobs.status(jobId).files.find((f) => f.pageId === pageId);
        if (!file) throw documentError('not-found', 'service.export.noFileYet', { page: pageId });
        // Written by this job, inside the workspace when written; confined again in case the folder became a link since.
        const absolute = workspace.confine(file.path);
        const bytes = await readFileUpTo(absolute, MAX_EXPORTED_FILE_BYTES, (why) =>
          why.kind !== 'too-large'
            ? documentError('not-found', 'service.export.noLongerFile', { file: path.basename(absolute) })
            : documentError('bad-request', 'service.export.fileTooLarge', { file: path.basename(absolute), sizeMb: Math.round(why.sizeBytes / 1024 / 1024), maxMb: MAX_EXPORTED_FILE_BYTES / 1024 / 1024, path: absolute }),
        );
        return { bytes, name: path.basename(absolute) };
      }),

    listFiles: ({ dir }) =>
      result(async () => {
        const absolute = workspace.confine(dir);
        let dirents;
        try {
          dirents = await fsp.readdir(absolute, { withFileTypes: true });
        } catch (err) {
          throw describeIoError(err, 'list', absolute);
        }
        const entries = dirents
          .filter((d) => isShownInPickers(d.name) && (d.isDirectory() || d.isFile()))
          .map((d) => ({ name: d.name, path: workspace.relative(path.join(absolute, d.name)), kind: d.isDirectory() ? ('dir' as const) : ('file' as const) }))
          .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'dir' ? -1 : 1));
        return { dir: workspace.relative(absolute), entries };
      }),

    listRecent: () =>
      result(async () => ({
        // Files of another workspace (the desktop app's list is shared by every workspace) are not offered here.
        files: (await recent.list())
          .filter((f) => !workspace.relative(f.path).startsWith('..') && !path.isAbsolute(workspace.relative(f.path)))
          .map((f) => ({ name: path.basename(f.path), path: workspace.relative(f.path), openedAt: f.openedAt })),
      })),

    importAsset: ({ handle, path: clientPath, as }) =>
      result(async () => {
        documents.contents(handle); // an unknown handle is refused before the disk is touched
        const { imported, bytes } = await readAssetFile(workspace.confine(clientPath), as);
        documents.addAsset(handle, imported.asset, bytes);
        return imported;
      }),

    readManuscript: ({ path: clientPath }) => result(() => readManuscriptFile(workspace.confine(clientPath))),

    listLibrary: () => result(() => library.list()),

    saveLibraryItem: ({ handle, item, replace }) =>
      result(() => {
        if (handle) documents.contents(handle); // an unknown handle is refused before the disk is touched
        return library.save(item, replace, (assetId) => {
          if (!handle) return undefined;
          try {
            return documents.asset(handle, assetId).bytes;
          } catch {
            return undefined;
          }
        });
      }),

    deleteLibraryItem: ({ name }) =>
      result(async () => {
        await library.remove(name);
        return { deleted: true as const };
      }),

    listRecoveries: () => result(() => documents.listRecoveries()),
    openRecovery: (recoveryHandle) => result(() => documents.openRecovery(recoveryHandle)),
    dispose: () => {
      exportJobs.cancelAll();
      fonts.close();
      return documents.dispose();
    },
  };
}
