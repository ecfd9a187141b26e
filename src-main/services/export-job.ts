/**
 * Export job: a document to print-ready PDF files on disk, one file per page.
 *
 * 1. Select pages (by page id or page name, e.g. "A01"); unknown ones are refused before any work.
 * 2. Compose the whole document once (threads run across pages), then export each selected page's layout
 *    with `exportPdf`, checking the AbortSignal between pages.
 * 3. Write each file atomically (temp + fsync + rename) and report progress; a cancelled or failed job leaves
 *    only complete files behind, never a partial one.
 * 4. Never overwrite a file this run wrote: pages whose names give one file name (A01 twice, A/01 and A:01,
 *    a01 and A01 on a case-insensitive disk) are refused before any work, and each write is checked again.
 * The composer and exporter are loaded on first use, so the CLI and server start fast.
 */
import path from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import type { ExportPreset, ExportedFile } from '../../src-core/api/host-api.js';
import type { FolioDocument } from '../../src-core/model/document.js';
import { assetFileName } from '../../src-core/model/document.js';
import { mmToPt } from '../../src-core/model/units.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import type { AssetSource, OutputProfile } from '../../src-core/pdf/export.js';
import type { Deflate, Inflate } from '../../src-core/pdf/flate.js';
import type { Finding } from '../../src-core/preflight/preflight.js';
import type { FontProvider } from '../../src-core/text/font.js';
import { fileNameForPage, fileNameKey, outputNameClashes } from '../../src-core/pdf/output-name.js';
import { asServiceMessage, type ServiceMessage } from '../../src-core/i18n/service-message.js';
import { makeFolders, nodeDiskIo, writeFileAtomic, type DiskIo } from './disk.js';

/** Node's native zlib: deterministic for a given zlib build, and several times faster than fflate on CJK subsets. */
const deflateWithZlib: Deflate = (bytes, level) => {
  const out = deflateSync(bytes, { level });
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};

/** Node's native zlib, bounded by `maxOutputLength`: cold, a placed photo's pixels inflate tens of times faster than with fflate. */
const inflateWithZlib: Inflate = (zlib, maxBytes) => {
  try {
    const out = inflateSync(zlib, { maxOutputLength: maxBytes });
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new RangeError(`the data inflates to more than ${maxBytes} bytes`, { cause: err });
    throw err;
  }
};

/**
 * An export request the job refuses or could not finish. `message` is English (logs, tests); `uiMessage` says
 * the same as a catalogue message (`service.export.*`) when there is one, for the interface language.
 */
export class ExportError extends Error {
  constructor(readonly code: 'bad-request' | 'io' | 'cancelled' | 'not-found' | 'invalid-file', message: string, readonly uiMessage?: ServiceMessage) {
    super(message);
    this.name = 'ExportError';
  }
}

/** What a cancelled export says, in English and as its catalogue line. */
export const EXPORT_CANCELLED = {
  message: 'The export was cancelled; pages already written are complete files.',
  uiMessage: { key: 'service.export.cancelled' },
} as const satisfies { message: string; uiMessage: ServiceMessage };

/** Progress of a running export. */
export interface ExportProgress {
  /** 'compose' once, then 'page' after each written file. */
  phase: 'compose' | 'page';
  /** Pages finished so far and the total. */
  done: number;
  total: number;
  /** The file just written (phase 'page'). */
  file?: ExportedFile;
  /** Milliseconds the page took to export and write (phase 'page'). */
  elapsedMs?: number;
  /** Font ids used on the page (phase 'page'). */
  fontIds?: string[];
}

/** Input of `runExportJob`. */
export interface ExportJobInput {
  document: FolioDocument;
  /** Asset bytes by zip path (`assets/photo.jpg`). */
  assets: ReadonlyMap<string, Uint8Array>;
  fonts: FontProvider;
  preset: ExportPreset;
  /**
   * The plant profile to use (e.g. the CLI's --profile); absent: the document's own (outputProfileAssetId),
   * else none. Ignored by the proof preset.
   */
  outputProfile?: OutputProfile;
  /** File or URL inside the app from which node_modules (lcms-wasm) is resolved; default: this module. */
  modulesFrom?: string;
  /** Page ids or page names to export; all pages when absent or empty. */
  pageIds?: readonly string[];
  /** Absolute output: a `.pdf` file (exactly one page) or a folder (created if missing). */
  output: string;
  /** Whether `output` is a file or a folder; default: a file when it ends in `.pdf`. */
  outputKind?: 'file' | 'dir';
  /** The export time stamped into the PDFs (reproducible: same input and time ⇒ same bytes). */
  now: Date;
  /** Shown in the proof footer; defaults to the document title. */
  documentName?: string;
  /** Layouts already composed for this document (the CLI composes once for preflight and export). */
  layouts?: readonly PageLayout[];
  io?: DiskIo;
  onProgress?: (progress: ExportProgress) => void;
  signal?: AbortSignal;
}

/** The output file name of a page from the template's naming pattern (see src-core/pdf/output-name.ts). */
export { fileNameForPage };

/**
 * Resolves page ids or names to the document's pages, in document order.
 * @throws ExportError('bad-request') naming unknown pages
 */
export function selectPages(document: FolioDocument, wanted: readonly string[] | undefined): FolioDocument['pages'] {
  if (!wanted || wanted.length === 0) return document.pages;
  const unknown = wanted.filter((w) => !document.pages.some((p) => p.id === w || p.name === w));
  if (unknown.length > 0) {
    const known = document.pages.map((p) => p.name).join(', ');
    throw new ExportError('bad-request', `No page named ${unknown.join(', ')} in this document (it has ${known}).`,
      { key: 'service.export.unknownPages', values: { pages: unknown.join(', '), known } });
  }
  return document.pages.filter((p) => wanted.includes(p.id) || wanted.includes(p.name));
}

/**
 * Refuses pages whose files would share one name (compared case-insensitively, as macOS and Windows do).
 * @throws ExportError('bad-request') naming the pages and the file name
 */
function refuseClashingNames(document: FolioDocument, pages: FolioDocument['pages'], preset: ExportPreset): void {
  const clash = outputNameClashes(document, preset, pages)[0];
  if (!clash) return;
  const names = clash.pages.map((p) => p.name).join(', ');
  throw new ExportError('bad-request', `Pages ${names} would all be written to ${clash.fileName}: give each page its own name (nothing was exported).`,
    { key: 'service.export.nameClash', values: { pages: names, file: clash.fileName } });
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportError('cancelled', EXPORT_CANCELLED.message, EXPORT_CANCELLED.uiMessage);
}

/** The exporter's and preflight's view of a document's assets: bytes and MIME type by asset id. */
export function assetSourceFor(document: FolioDocument, assets: ReadonlyMap<string, Uint8Array>): AssetSource {
  return async (assetId) => {
    const asset = document.assets[assetId] ?? Object.values(document.assets).find((a) => a.id === assetId);
    const bytes = asset ? assets.get(asset.path) : undefined;
    return asset && bytes ? { bytes, mime: asset.mime, name: assetFileName(asset) } : undefined;
  };
}

/**
 * Preflight for a composed document (loads the checker on first use): asset facts are read from the bytes,
 * style fonts checked against the provider.
 * @returns findings, errors first
 */
export async function preflightDocument(
  document: FolioDocument,
  layouts: readonly PageLayout[],
  assets: ReadonlyMap<string, Uint8Array>,
  preset: ExportPreset,
  fonts: FontProvider,
): Promise<Finding[]> {
  const { collectAssetInfo, preflight } = await import('../../src-core/preflight/preflight.js');
  const assetInfo = await collectAssetInfo(document, assetSourceFor(document, assets), preset === 'proof' ? 'proof' : 'print', inflateWithZlib);
  return preflight(document, layouts, { preset: preset === 'proof' ? 'proof' : 'print', standard: preset === 'print-x4' ? 'x4' : 'x1a', assetInfo, fonts });
}

/**
 * The profile a print export uses: the one passed in, else the document's profile asset.
 * @throws ExportError('bad-request') when the document's profile is missing or unusable, or PDF/X-4 has none
 */
export async function resolveOutputProfile(input: Pick<ExportJobInput, 'document' | 'assets' | 'preset' | 'outputProfile' | 'modulesFrom'>): Promise<OutputProfile | undefined> {
  let profile = input.outputProfile;
  const assetId = input.document.outputProfileAssetId;
  if (!profile && assetId) {
    const asset = input.document.assets[assetId] ?? Object.values(input.document.assets).find((a) => a.id === assetId);
    const bytes = asset ? input.assets.get(asset.path) : undefined;
    if (!asset || !bytes) {
      throw new ExportError('bad-request', `The document's output profile (asset ${assetId}) is missing from the file; choose the plant profile again.`,
        { key: 'service.export.profileMissing', values: { asset: assetId } });
    }
    const { OutputProfileError, loadOutputProfile } = await import('./output-profile.js');
    try {
      profile = await loadOutputProfile(bytes, input.modulesFrom);
    } catch (err) {
      if (err instanceof OutputProfileError) {
        throw new ExportError('bad-request', `The document's output profile cannot be used: ${err.message}`, { key: 'service.export.profileUnusable', values: { reason: err.uiMessage } });
      }
      throw err;
    }
  }
  if (input.preset === 'print-x4' && !profile) {
    throw new ExportError('bad-request', "PDF/X-4 embeds the plant's ICC output profile, and this document has none: choose the plant profile (a CMYK .icc file) first, or export PDF/X-1a.",
      { key: 'service.export.x4NeedsProfile' });
  }
  return profile;
}

/** Composes a document (loads the composer on first use). */
export async function composeDocument(document: FolioDocument, fonts: FontProvider): Promise<PageLayout[]> {
  const { createComposer } = await import('../../src-core/layout/compose.js');
  return [...createComposer(fonts).compose(document).pages];
}

/**
 * Exports the selected pages of a document to PDF files.
 * @returns the written files, in page order
 * @throws ExportError (bad request, cancelled; invalid-file: a picture that cannot be exported, named in one line),
 *   DiskError (write failed: that page's file is not written)
 */
export async function runExportJob(input: ExportJobInput): Promise<ExportedFile[]> {
  try {
    return await exportPages(input);
  } finally {
    // Pictures decoded for this job (or by the preflight before it) are not kept in a long-running host.
    (await import('../../src-core/pdf/asset-check.js')).forgetDecodedPixels();
  }
}

async function exportPages(input: ExportJobInput): Promise<ExportedFile[]> {
  const io = input.io ?? nodeDiskIo;
  const pages = selectPages(input.document, input.pageIds);
  const toFile = (input.outputKind ?? (input.output.toLowerCase().endsWith('.pdf') ? 'file' : 'dir')) === 'file';
  if (toFile && pages.length !== 1) {
    throw new ExportError('bad-request', `${pages.length} pages cannot go into one file (${path.basename(input.output)}): give a folder, or choose one page.`,
      { key: 'service.export.manyPagesOneFile', values: { count: pages.length, file: path.basename(input.output) } });
  }
  if (!toFile) refuseClashingNames(input.document, pages, input.preset);
  throwIfAborted(input.signal);
  const outputProfile = input.preset === 'proof' ? undefined : await resolveOutputProfile(input);
  input.onProgress?.({ phase: 'compose', done: 0, total: pages.length });
  const layouts = input.layouts ?? (await composeDocument(input.document, input.fonts));
  throwIfAborted(input.signal);

  const outDir = toFile ? path.dirname(input.output) : input.output;
  await makeFolders(outDir, 'create the output folder');


  const { exportPdf } = await import('../../src-core/pdf/export.js');
  const comments = input.preset === 'proof' ? (await import('../../src-core/model/comments.js')).collectComments(input.document) : [];
  const changes = input.preset === 'proof' ? (await import('../../src-core/model/tracked-change.js')).collectChanges(input.document) : [];
  const template = input.document.template;
  const assetSource = assetSourceFor(input.document, input.assets);

  const files: ExportedFile[] = [];
  const written = new Map<string, string>();
  for (const page of pages) {
    throwIfAborted(input.signal);
    const started = performance.now();
    const layout = layouts.find((l) => l.pageId === page.id);
    if (!layout) throw new ExportError('not-found', `The composer returned no layout for page ${page.name}.`, { key: 'service.export.noLayout', values: { page: page.name } });
    let bytes: Uint8Array;
    try {
      bytes = await exportPdf({
        pages: [layout],
        fonts: input.fonts,
        assets: assetSource,
        preset: input.preset === 'proof' ? 'proof' : 'print',
        standard: input.preset === 'print-x4' ? 'x4' : 'x1a',
        ...(outputProfile ? { outputProfile } : {}),
        ...(input.preset === 'proof' ? { comments, changes } : {}),
        meta: {
          title: `${input.document.title} ${page.name}`,
          paper: input.document.issue.paper,
          issueDate: input.document.issue.date,
          edition: input.document.issue.edition,
          documentName: input.documentName ?? input.document.title,
        },
        output: {
          outputConditionIdentifier: template.output.outputConditionIdentifier,
          outputCondition: template.output.outputCondition,
          totalInkLimitPct: template.output.totalInkLimitPct,
        },
        bleedPt: mmToPt(template.page.bleedMm),
        slugPt: mmToPt(template.page.slugMm),
        createdAt: input.now,
        deflate: deflateWithZlib,
        inflate: inflateWithZlib,
      });
    } catch (err) {
      // The exporter's RangeErrors are one line naming what is wrong (a picture it cannot read: file, frame, page).
      // A picture's refusal carries its catalogue line (export.ts); other RangeErrors are said as they are.
      if (err instanceof RangeError) throw new ExportError('invalid-file', err.message, asServiceMessage((err as { uiMessage?: unknown }).uiMessage));
      throw err;
    }
    throwIfAborted(input.signal);
    const target = toFile ? input.output : path.join(outDir, fileNameForPage(template.output.namingPattern, input.document, page.name, input.preset));
    const earlier = written.get(fileNameKey(target));
    if (earlier !== undefined) {
      throw new ExportError('bad-request', `Page ${page.name} would overwrite ${path.basename(target)}, written for page ${earlier} in this export: give the pages different names.`,
        { key: 'service.export.wouldOverwrite', values: { page: page.name, file: path.basename(target), earlier } });
    }
    written.set(fileNameKey(target), page.name);
    await writeFileAtomic(target, bytes, { io, action: 'export' });
    const file: ExportedFile = { pageId: page.id, path: target, sizeBytes: bytes.byteLength };
    files.push(file);
    const fontIds = [...new Set(layout.items.flatMap((item) => (item.kind === 'glyphs' ? [item.fontId] : [])))].sort();
    input.onProgress?.({ phase: 'page', done: files.length, total: pages.length, file, elapsedMs: performance.now() - started, fontIds });
  }
  return files;
}
