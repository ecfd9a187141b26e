/**
 * The host API: everything the renderer asks of the outside world, one function per message.
 * Two implementations: the Electron preload bridge (`window.folio`, IPC) and the browser-mode
 * HTTP client (loopback server). Both validate payloads with the schemas below, and both are
 * backed by the same `src-main/services` modules.
 *
 * Every call resolves to a `HostResult`: errors come back as data with a human message.
 */
import type { ServiceMessage } from '../i18n/service-message.js';
import { z } from 'zod';
import { FolioDocumentSchema, type Asset, type FolioDocument } from '../model/document.js';
import { FurnitureItemSchema, type FurnitureItem } from '../model/furniture.js';
import type { ManuscriptEncoding } from '../model/manuscript.js';

/** A failed host call: a machine code and a message a newsroom user can act on. */
export interface HostError {
  code: 'bad-request' | 'not-found' | 'invalid-file' | 'in-use' | 'io' | 'forbidden' | 'cancelled' | 'internal';
  message: string;
  /** 'in-use' only: the file is held by another window of this same Folio, so `openDocument` may take it over. */
  heldHere?: boolean;
  /**
   * `message` as a catalogue key and values (service-message.ts), when the service has one: the renderer says
   * the whole line in the interface language (checked with `asServiceMessage` before use), else `message`.
   */
  uiMessage?: ServiceMessage;
}

/** Result of a host call. */
export type HostResult<T> = { ok: true; value: T } | { ok: false; error: HostError };

/** Relative or absolute file path as typed by a user; the service confines it to its workspace. */
const PathSchema = z.string().min(1).max(4096);
/** Server-side handle of an open document (assets, lock file). */
const HandleSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
/**
 * Pages one export may name: a 96-page special issue is the largest a county daily prints; a longer list is
 * refused by its size alone, before any of it is read (a 2-million-entry list took seconds and echoed back).
 */
export const MAX_EXPORT_PAGE_IDS = 1000;
/** The pages of an export, by id; none means every page. */
const PageIdsSchema = z.array(z.string().min(1).max(200)).max(MAX_EXPORT_PAGE_IDS);
/** Id of a background export job. */
const JobIdSchema = z.string().regex(/^[a-f0-9]{8,64}$/);

/** Payload schemas, one per message. The keys are the channel names. */
/**
 * Browser mode: the HTTP header that carries a binary result's other fields (URI-encoded JSON) while the body
 * is the result's `bytes` (`application/octet-stream`).
 */
export const BINARY_META_HEADER = 'x-folio-meta';

/**
 * PDF export presets: `print` = PDF/X-1a:2001 for the press, `print-x4` = PDF/X-4 (PDF 1.6, XMP, the plant's
 * ICC profile embedded; needs that profile), `proof` = RGB screen PDF with watermark for proofreaders.
 */
export const ExportPresetSchema = z.enum(['print', 'print-x4', 'proof']);
/** An export preset name. */
export type ExportPreset = z.infer<typeof ExportPresetSchema>;

export const HostPayloadSchemas = {
  listTemplates: z.object({}),
  newFromTemplate: z.object({ templateId: z.string().regex(/^[a-z0-9-]+$/) }),
  openSample: z.object({}),
  /**
   * `takeOver`: when another window of this same Folio edits the file, take its hold (that window can no longer
   * save the file); a hold of another process or machine is never taken.
   */
  openDocument: z.object({ path: PathSchema, readOnly: z.boolean().default(false), takeOver: z.boolean().optional() }),
  saveDocument: z.object({ handle: HandleSchema, document: FolioDocumentSchema, path: PathSchema.optional() }),
  autosave: z.object({ handle: HandleSchema, document: FolioDocumentSchema }),
  closeDocument: z.object({ handle: HandleSchema }),
  /** Keeps an editing handle's lock: windows call it every LEASE_RENEW_MS; a handle not renewed for long lets go. */
  renewLease: z.object({ handle: HandleSchema }),
  /**
   * The window is going away (tab closed or reloaded): close the handle now (lock released; the browser asked
   * before leaving unsaved changes). An unknown handle counts as released.
   */
  releaseDocument: z.object({ handle: HandleSchema }),
  listFonts: z.object({}),
  loadFont: z.object({ fontId: z.string().regex(/^[a-z0-9-]+$/) }),
  loadAsset: z.object({ handle: HandleSchema, assetId: z.string().min(1).max(200) }),
  exportPdf: z.object({
    handle: HandleSchema,
    document: FolioDocumentSchema,
    preset: ExportPresetSchema.default('print'),
    pageIds: PageIdsSchema.optional(),
    /** Output file or directory; default: beside the document (or the workspace) named by the template pattern. */
    outputPath: PathSchema.optional(),
  }),
  /** Starts the same export in the background and returns a job id at once (progress and cancel below). */
  startExport: z.object({
    handle: HandleSchema,
    document: FolioDocumentSchema,
    preset: ExportPresetSchema.default('print'),
    pageIds: PageIdsSchema.optional(),
    outputPath: PathSchema.optional(),
  }),
  exportStatus: z.object({ jobId: JobIdSchema }),
  cancelExport: z.object({ jobId: JobIdSchema }),
  /**
   * The bytes of a PDF a background export job wrote (browser mode offers it as a download): only files of that
   * job, only inside the workspace.
   */
  loadExportedFile: z.object({ jobId: JobIdSchema, pageId: z.string().min(1).max(200) }),
  listFiles: z.object({ dir: z.string().max(4096).default('.') }),
  /** Reads a JPEG, PNG, TIFF or PDF from the workspace, checks it by content and adds it to the open document's assets. */
  importAsset: z.object({
    handle: HandleSchema,
    path: PathSchema,
    /** `picture`: a JPEG, PNG, TIFF or PDF to place; `output-profile`: the plant's CMYK ICC profile for print exports. */
    as: z.enum(['picture', 'output-profile']).default('picture'),
  }),
  /** Documents opened or saved lately (most recent first, at most 10, only files that still exist in the workspace). */
  listRecent: z.object({}),
  /** Reads a reporter's manuscript (.docx or plain text in UTF-8/UTF-16/GB18030) from the workspace as paragraphs. */
  readManuscript: z.object({ path: PathSchema }),
  /** The furniture library: the built-in items and the workspace's own (`library/`), with files that could not be read. */
  listLibrary: z.object({}),
  /**
   * Saves a library item in the workspace library under its name; `replace` overwrites an item of that name.
   * `handle`: the open document whose pictures the item links (copied into `library/pictures/` when absent).
   */
  saveLibraryItem: z.object({ handle: HandleSchema.optional(), item: FurnitureItemSchema, replace: z.boolean().default(false) }),
  /** Deletes a workspace library item by name (built-in items cannot be deleted). */
  deleteLibraryItem: z.object({ name: z.string().min(1).max(200) }),
} as const;

/** Channel names of the host API. */
export type HostChannel = keyof typeof HostPayloadSchemas;
/** The validated payload of a channel. */
export type HostPayload<C extends HostChannel> = z.input<(typeof HostPayloadSchemas)[C]>;

/** A template offered by "New from template". */
export interface TemplateSummary {
  id: string;
  name: string;
  description: string;
}

/** A document opened by the host. `path` is null for a new, never-saved document. */
export interface OpenedDocument {
  handle: string;
  path: string | null;
  document: FolioDocument;
  readOnly: boolean;
  /** Set when the document came from an autosave recovery file rather than the saved file. */
  recoveredFrom?: string;
  /**
   * Set when the file was held for editing by another window of this Folio and its hold was taken over (it had
   * gone quiet, or the user asked): when that window was last heard from (ISO 8601).
   */
  tookOver?: { lastSeen: string };
  /**
   * The folder (workspace-relative) the user chose for this document's PDF exports, remembered per user and
   * machine; absent: exports go beside the document.
   */
  exportDir?: string;
}

/**
 * How often (ms) a window renews the lease of the document it edits: a third of the host's 90 s lease (LEASE_MS in
 * src-main/services/document-lock.ts), so two renewals may be late or lost (a busy machine, a throttled
 * background tab) before the hold lapses.
 */
export const LEASE_RENEW_MS = 30_000;

/** A font the host can supply. */
export interface FontInfo {
  id: string;
  family: string;
  weight: number;
}

/** One exported file. */
export interface ExportedFile {
  pageId: string;
  path: string;
  sizeBytes: number;
}

/** A recently opened or saved document: file name, path relative to the workspace, when (ISO 8601). */
export interface RecentFile {
  name: string;
  path: string;
  openedAt: string;
}

/** An entry of a workspace directory listing (browser mode's file picker). */
export interface FileEntry {
  name: string;
  path: string;
  kind: 'file' | 'dir';
}

/**
 * An image or placed PDF read from disk by `importAsset`: the asset entry to add to the document (same id for
 * the same bytes) and what its content says it is.
 */
export interface ImportedAsset {
  asset: Asset;
  format: 'png' | 'jpeg' | 'tiff' | 'pdf' | 'icc';
  /** Colour model of a PNG/JPEG/TIFF ('unknown' for PDFs: preflight inspects those). */
  colour: 'grey' | 'rgb' | 'cmyk' | 'unknown';
  /** File size, bytes. */
  sizeBytes: number;
  /** PDF only: pages in the file (page 1 is placed). */
  pageCount?: number;
  /** ICC profiles only: the profile's own name. */
  description?: string;
}

/** A manuscript read by `readManuscript`: its paragraphs, in order, without formatting. */
export interface PlacedManuscript {
  /** File name, for messages. */
  name: string;
  format: 'docx' | 'txt';
  /** Plain text only: the encoding it was read in. */
  encoding?: ManuscriptEncoding;
  /** Non-empty paragraphs, spaces at their ends removed. */
  paragraphs: string[];
}

/** A furniture library item as listed: its name (the file's), where it comes from, and the item. */
export interface LibraryEntry {
  name: string;
  /** `builtin`: shipped with Folio (read-only); `workspace`: the workspace's own `library/` folder. */
  source: 'builtin' | 'workspace';
  item: FurnitureItem;
}

/**
 * The furniture library: items, then the files that could not be read and why — in English (`message`) and, when
 * the service has it, as a catalogue message (`uiMessage`) the window says in the interface language.
 */
export interface LibraryListing {
  items: LibraryEntry[];
  problems: { file: string; message: string; uiMessage?: ServiceMessage }[];
}

/** A background export as the app sees it while it runs and after. */
export interface ExportJobStatus {
  jobId: string;
  /** 'running' until it ends as 'done' (every page written), 'failed' or 'cancelled'. */
  state: 'running' | 'done' | 'failed' | 'cancelled';
  /** Pages written so far, of `total` (0 of 0 while the document is being composed). */
  done: number;
  total: number;
  /** Files written (all of them once 'done'; complete files only, never partial ones). */
  files: ExportedFile[];
  /** Why it failed or stopped. */
  error?: HostError;
}

/** Return values, one per channel. */
export interface HostValues {
  listTemplates: TemplateSummary[];
  newFromTemplate: OpenedDocument;
  openSample: OpenedDocument;
  openDocument: OpenedDocument;
  saveDocument: { path: string };
  autosave: { savedAt: string };
  closeDocument: { closed: true };
  /** How long (ms) the lease now runs without another renewal. */
  renewLease: { leaseMs: number };
  releaseDocument: { released: true };
  listFonts: FontInfo[];
  /**
   * Font file bytes. Results with `bytes` travel as bytes: structured clone over IPC, the HTTP body in
   * browser mode (BINARY_META_HEADER carries the other fields) — never base64 inside JSON.
   */
  loadFont: { bytes: Uint8Array };
  loadAsset: { bytes: Uint8Array; mime: string };
  exportPdf: { files: ExportedFile[] };
  startExport: { jobId: string };
  exportStatus: ExportJobStatus;
  cancelExport: { cancelling: boolean };
  /** The PDF's bytes and its file name (no folder). */
  loadExportedFile: { bytes: Uint8Array; name: string };
  listFiles: { dir: string; entries: FileEntry[] };
  listRecent: { files: RecentFile[] };
  importAsset: ImportedAsset;
  readManuscript: PlacedManuscript;
  listLibrary: LibraryListing;
  /** The item's file, workspace-relative. */
  saveLibraryItem: { path: string };
  deleteLibraryItem: { deleted: true };
}

/** The host interface the renderer programs against: one async function per channel. */
export type Host = {
  [C in HostChannel]: (payload: HostPayload<C>) => Promise<HostResult<HostValues[C]>>;
};

/** Channel list, for the IPC/HTTP validators that reject unknown channels. */
export const HOST_CHANNELS = Object.keys(HostPayloadSchemas) as HostChannel[];
