/**
 * The document session: the one owner of the renderer's state (ARCHITECTURE.md rule 3, STYLE.md "the view
 * never owns state"). Views read it and call its methods; the ProseMirror view hands every transaction here.
 *
 * 1. Open: host.openSample/openDocument → load the template's fonts (only those its styles name) → compose.
 * 2. Edit: editor transactions produce a new EditorState per story (undo history lives there); a changed story
 *    doc becomes a new, immutable FolioDocument (replaceStoryDoc) and a re-compose is scheduled (at the end of the
 *    task for the first change of a frame, else in the next frame; the composer re-sets only what changed).
 *    Frame moves/resizes go through setFrameGeometry. One undo ledger (undo-history.ts) orders story and frame
 *    steps, so `undo()` takes back the latest step wherever it was made.
 * 3. Save / Export PDF call the host with the current document; dirty = document differs from the last saved one,
 *    reported to the Electron shell (setDirty).
 * Large values (document, layouts, editor state) are `$state.raw`: replaced, never deeply proxied.
 */
import type { EditorState, Transaction } from 'prosemirror-state';
import { TextSelection } from 'prosemirror-state';
import { tick } from 'svelte';
import type { EditorView } from 'prosemirror-view';
import type { ExportPreset, ExportedFile, ExportJobStatus, FontInfo, Host, OpenedDocument } from '../../src-core/api/host-api.js';
import { createComposer } from '../../src-core/layout/compose.js';
import type { PageLayout } from '../../src-core/layout/page-layout.js';
import type { ComposeNotice } from '../../src-core/layout/notice.js';
import type { FolioDocument } from '../../src-core/model/document.js';
import type { ImageInfo } from '../../src-core/pdf/image-info.js';
import { assetFacts } from './asset-facts.js';
import { createFontProvider, type FontProvider, type LoadedFont } from '../../src-core/text/font.js';
import { closeHistory, redo, redoDepth, undo, undoDepth } from 'prosemirror-history';
import { createStoryEditorState } from '../editor/story-editor.js';
import type { FolioBridge } from '../host/folio-bridge.js';
import { offerDownload } from '../host/offer-download.js';
import { addFrame, addTextFrame, findFrame, framesOfStory, removeFrame, renameStory as renameStoryIn, replaceStoryDoc, setFrameGeometry, setTextFrameSettings, threadFrames, type DrawnFrameKind, type FrameGeometry, type TextFrameSettings } from './document-edits.js';
import { decodeAssetBitmap } from '../page/asset-bitmaps.js';
import { collectFontRefs, loadTemplateFonts } from './font-loading.js';
import { UiFontFaces } from './ui-fonts.js';
import { UndoLedger, type HistoryDepth } from './undo-history.js';
import { IssueNavigation } from './issue-navigation.svelte.js';
import { runExportJob } from './export-run.js';
import { currentTranslator, t } from './i18n.svelte.js';
import { errorText, formatUiMessage, hostErrorText, isUiMessage } from './ui-message.js';
import { formatServiceMessage, type ServiceMessage } from '../../src-core/i18n/service-message.js';
import { formatTimeOfDay } from '../panels/date-time.js';
import { addCommentTransaction, deleteCommentTransaction, setCommentResolvedTransaction } from '../editor/comments.js';
import type { PosRange, ProofComment } from '../../src-core/model/comments.js';
import { collectChanges, type TrackedChange } from '../../src-core/model/tracked-change.js';
import { acceptChangeTransaction, rejectChangeTransaction, trackTransaction, untrackedBreakFix, type ChangeAuthor, type TrackOptions } from '../editor/track-changes.js';
import { commentRects } from '../../src-core/layout/comment-rects.js';
import type { ZoomMode } from '../page/viewport.js';

function historyDepth(state: EditorState): HistoryDepth {
  return { undo: undoDepth(state), redo: redoDepth(state) };
}

/**
 * The stories of `snapshot`'s ids, each at its current content when it still exists (a story edited since,
 * e.g. in a history group the ledger did not split, keeps its text), else as the snapshot had it.
 */
/** Whether a workspace path (relative or absolute) names the same file as an absolute path the host gave. */
/** Font problems as one notice, in the interface language. */
function formatProblems(problems: readonly ServiceMessage[]): string {
  return problems.map((p) => formatServiceMessage(p, currentTranslator())).join(' ');
}

function samePath(absolute: string, path: string): boolean {
  const a = absolute.replaceAll('\\', '/');
  const p = path.replaceAll('\\', '/').replace(/^\.\//, '');
  return a === p || a.endsWith(`/${p}`);
}

/** The folder part of a path the host gave (either separator). */
function folderOf(filePath: string): string {
  const cut = Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\'));
  return cut > 0 ? filePath.slice(0, cut) : cut === 0 ? filePath.slice(0, 1) : '.';
}

function restoreStoryIds(current: FolioDocument['stories'], snapshot: FolioDocument['stories']): FolioDocument['stories'] {
  return Object.fromEntries(Object.entries(snapshot).map(([id, story]) => [id, current[id] ?? story]));
}

/** Every story's name, by id (what a rename's undo puts back). */
function storyNamesOf(stories: FolioDocument['stories']): Record<string, string> {
  return Object.fromEntries(Object.entries(stories).map(([id, story]) => [id, story.name]));
}

/** The stories with the names of `names` put back (stories renamed since keep their text). */
function restoreStoryNames(stories: FolioDocument['stories'], names: Readonly<Record<string, string>>): FolioDocument['stories'] {
  return Object.fromEntries(Object.entries(stories).map(([id, story]) => {
    const name = names[id];
    return [id, name === undefined || name === story.name ? story : { ...story, name }];
  }));
}

/** Said when opening took over the hold of another window of this Folio (gone quiet, or at the user's word); its time is local, in the interface language. */
function tookOverText(lastSeenIso: string): string {
  return t('session.tookOver', { time: formatTimeOfDay(lastSeenIso, currentTranslator()) });
}

/** Where the session is in its life. */
export type SessionPhase = 'starting' | 'opening' | 'loading-fonts' | 'ready' | 'error';

/** A message for the status bar: info (fades) or error (stays until replaced). */
export interface SessionNotice {
  kind: 'info' | 'error';
  text: string;
}

/** A page edit (frames moved, resized, added or removed), kept as the pages before it and the frame then selected. */
interface FrameEdit {
  pages: FolioDocument['pages'];
  selectedFrameId: string | null;
  /** Template before a style edit (Styles panel); absent for edits that leave the template alone. */
  template?: FolioDocument['template'];
  /** Stories before a page edit that added or removed stories (Pages panel): restored by id, see restorePages. */
  stories?: FolioDocument['stories'];
  /** Page shown before a page edit (add, reorder, delete). */
  pageIndex?: number;
  /** Story names before a rename, by id (the stories' text is not touched). */
  storyNames?: Readonly<Record<string, string>>;
  /**
   * The output profile before the edit. Kept with every edit: the ledger is linear, so restoring it with an
   * edit that did not change it writes back the value it already has.
   */
  outputProfileAssetId: string | undefined;
  /**
   * Transactions on several stories taken back (or redone) together — replace all in all stories. Each story's
   * own ProseMirror history holds its part; `run` says which way restoring this edit goes.
   */
  storyGroup?: { storyIds: readonly string[]; run: 'undo' | 'redo' };
}

type Composer = ReturnType<typeof createComposer>;

/** Schedules work for the next frame (browser) — injected so the session runs headless too. */
export type FrameScheduler = (work: () => void) => void;

/** A pause in editing this long (ms) lets a due autosave run: longer than the gap between keystrokes. */
const AUTOSAVE_QUIET_MS = 800;
/** The longest a due autosave waits for such a pause (ms): a crash while typing without pause loses no more. */
const AUTOSAVE_MAX_DEFER_MS = 10_000;

/** The document session (see module summary). */
export class FolioSession {
  readonly host: Host;
  readonly bridge: FolioBridge | null;
  phase = $state<SessionPhase>('starting');
  notice = $state<SessionNotice | null>(null);
  busy = $state<string | null>(null);

  handle = $state<string | null>(null);
  path = $state<string | null>(null);
  readOnly = $state(false);
  /** A file the user tried to open that is being edited elsewhere: who holds it, and the offer to view it read-only. */
  /** A file another window or process edits: who holds it, and whether it is a window of this Folio (`heldHere`). */
  inUseOffer = $state<{ path: string; message: string; uiMessage?: ServiceMessage; heldHere: boolean } | null>(null);
  doc = $state.raw<FolioDocument | null>(null);
  savedDoc = $state.raw<FolioDocument | null>(null);
  dirty = $derived(this.doc !== null && this.doc !== this.savedDoc);

  fonts = $state.raw<FontProvider | null>(null);
  layouts = $state.raw<readonly PageLayout[]>([]);
  /** Incremented after every compose; the canvas carries it as `data-layout-version`. */
  layoutVersion = $state(0);
  /** The composer's notices about the document's data (a missing style or field) from the latest compose: preflight lists them. */
  composeNotices = $state.raw<readonly ComposeNotice[]>([]);
  /**
   * Incremented when an opened document is adopted and first composed (in the same synchronous step); the canvas
   * carries it as `data-document-generation`. A layout version alone cannot tell an open apart from a compose that
   * was queued for the previous document and ran while the open was on its way.
   */
  documentGeneration = $state(0);
  /** Milliseconds the last compose took. */
  composeMs = $state(0);
  /** Milliseconds the page canvas took to draw the last layout (reported by the canvas). */
  drawMs = $state(0);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole ($state.raw), never mutated
  images = $state.raw<ReadonlyMap<string, ImageBitmap>>(new Map());
  lastExport = $state.raw<ExportedFile[] | null>(null);
  /** The background job that wrote `lastExport` (browser mode downloads its files through it). */
  lastExportJobId = $state<string | null>(null);
  /** The document as last autosaved (plain field: nothing on screen depends on it). */
  private autosavedDoc: FolioDocument | null = null;
  /** The export running now (progress), or null. */
  exportJob = $state.raw<ExportJobStatus | null>(null);
  /** Facts about each asset's bytes (format, colour, pixels) for preflight; filled as images load. */
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole ($state.raw), never mutated
  assetInfo = $state.raw<ReadonlyMap<string, ImageInfo | undefined>>(new Map());

  #pageIndex = $state(0);
  /**
   * Index of the page shown. Setting it (also to the same index after pages moved) drops selected frames that
   * are not on that page, so handles and the inspector never refer to a frame on another page.
   */
  get pageIndex(): number {
    return this.#pageIndex;
  }
  set pageIndex(index: number) {
    this.#pageIndex = index;
    const frames = this.doc?.pages[index]?.frames ?? [];
    const onPage = (id: string) => frames.some((f) => f.id === id);
    if (this.selectedFrameId !== null && !onPage(this.selectedFrameId)) this.selectedFrameId = null;
    if (this.selectedFrameIds.some((id) => !onPage(id))) this.selectedFrameIds = this.selectedFrameIds.filter(onPage);
  }
  selectedFrameId = $state<string | null>(null);
  /** Every selected frame (shift-click, marquee; see state/selection.ts); holds `selectedFrameId` when current. */
  selectedFrameIds = $state.raw<readonly string[]>([]);
  openStoryId = $state<string | null>(null);
  /** The open story's editor state (selection, history). */
  editorState = $state.raw<EditorState | null>(null);
  /** Bumped when the editor state is replaced from outside the view (open story, caret from the page). */
  editorRevision = $state(0);
  showGuides = $state(false);
  /** The PDF preset Export uses. */
  exportPreset = $state<ExportPreset>('print');
  /**
   * The folder Export PDF writes to (as the host names it: workspace-relative, or absolute inside the workspace
   * from the desktop's folder dialog); null: beside the document. The host remembers it per document.
   */
  exportDir = $state<string | null>(null);
  /** Every font the host offers (bundled, and the user's fonts folder), for choosing in the Styles panel. */
  availableFonts = $state.raw<FontInfo[]>([]);
  /** Zoom factor (1 = 100 %) and how it is chosen; the canvas resolves fit modes against its viewport. */
  zoom = $state(0.5);
  zoomMode = $state<ZoomMode>('fit-page');

  // Plain Maps on purpose: caches nobody renders from (the open story's state is exposed as `editorState`).
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private editorStates = new Map<string, EditorState>();
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  private fontCache = new Map<string, Promise<LoadedFont>>();
  private uiFonts: UiFontFaces | undefined;
  private composer: Composer | null = null;
  private composePending = false;
  /** True from an eager (end-of-task) compose until the next frame: later changes then wait for the frame. */
  private composedThisFrame = false;
  private ledger = new UndoLedger<FrameEdit>();
  /** True while a story group is applied or restored: its story transactions are one ledger step, not many. */
  private ledgerMuted = false;
  private readonly schedule: FrameScheduler;
  /** The mounted story EditorView (registered by the editor component), for commands and focus. */
  editorView: EditorView | null = null;
  /** When the document last changed (performance.now(), ms): autosave waits for a pause in editing. */
  private lastEditMs = -Infinity;
  /** When a deferred autosave first came due, or null. */
  private autosaveDueSinceMs: number | null = null;
  private autosaveRetry: ReturnType<typeof setTimeout> | null = null;
  /** Issue-scale navigation: spread grid zoom, story filter, Go to page, the page-deletion undo notice. */
  readonly navigation = new IssueNavigation();

  constructor(host: Host, bridge: FolioBridge | null, schedule: FrameScheduler) {
    this.host = host;
    this.bridge = bridge;
    this.schedule = schedule;
  }

  /** The page shown on the canvas, or undefined before a document is open. */
  get page() {
    return this.doc?.pages[this.pageIndex];
  }

  /** The layout of the page shown. */
  get pageLayout(): PageLayout | undefined {
    return this.layouts[this.pageIndex];
  }

  private fail(text: string): void {
    this.notice = { kind: 'error', text };
  }

  /** Opens the sample document (first start). */
  async openSample(): Promise<void> {
    this.phase = 'opening';
    const res = await this.host.openSample({});
    if (!res.ok) {
      this.phase = 'error';
      this.fail(t('session.sampleFailed', { error: hostErrorText(res.error, currentTranslator()) }));
      return;
    }
    await this.adopt(res.value);
  }

  /**
   * Opens a document by workspace path. A file being edited elsewhere (another window or process holds its
   * lock) is not opened: `inUseOffer` asks whether to open it read-only instead, or, when another window of this
   * Folio holds it, to edit it here (`takeOver`: that window can no longer save it).
   */
  async openPath(path: string, readOnly = false, takeOver = false): Promise<void> {
    this.inUseOffer = null;
    // Opening the file this window already has open reopens it from disk: our own lock must go first, or
    // the host would (rightly) call the file in use.
    if (this.handle && this.path && samePath(this.path, path)) {
      await this.host.closeDocument({ handle: this.handle });
      this.handle = null;
    }
    const res = await this.host.openDocument({ path, readOnly, ...(takeOver ? { takeOver } : {}) });
    if (!res.ok) {
      if (res.error.code === 'in-use' && !readOnly) {
        this.inUseOffer = { path, message: res.error.message, ...(res.error.uiMessage ? { uiMessage: res.error.uiMessage } : {}), heldHere: res.error.heldHere === true };
        return;
      }
      this.fail(t('session.openFailed', { path, error: hostErrorText(res.error, currentTranslator()) }));
      return;
    }
    await this.adopt(res.value);
    // Said once the page is set and the window takes commands again (a recovery already said so itself).
    if (this.phase === 'ready' && !res.value.recoveredFrom) {
      const opened = t('session.opened', { path: res.value.path ?? path, readOnly: res.value.readOnly ? 'yes' : 'no' });
      const tookOver = res.value.tookOver ? ` ${tookOverText(res.value.tookOver.lastSeen)}` : '';
      this.notice = { kind: 'info', text: opened + tookOver };
    }
  }

  /**
   * Renews the host's lease on the lock of the document being edited (App calls it every LEASE_RENEW_MS). When
   * the host has let the hold go (this window was silent too long and another took the file over), says so once.
   */
  async renewLease(): Promise<void> {
    const handle = this.handle;
    if (!handle || this.readOnly) return;
    const res = await this.host.renewLease({ handle });
    const lost = t('session.leaseLost');
    if (!res.ok && res.error.code === 'not-found' && this.handle === handle && this.notice?.text !== lost) {
      this.fail(lost);
    }
  }

  /** The window is going away (tab closed or reloaded): the host releases the lock now (the browser asked first when unsaved). */
  releaseOnUnload(): void {
    if (this.handle) void this.host.releaseDocument({ handle: this.handle });
  }

  /** Creates a new, unsaved document from a template. */
  async newFromTemplate(templateId: string): Promise<void> {
    const res = await this.host.newFromTemplate({ templateId });
    if (!res.ok) {
      this.fail(t('session.templateFailed', { template: templateId, error: hostErrorText(res.error, currentTranslator()) }));
      return;
    }
    await this.adopt(res.value);
  }

  /** Writes a recovery copy of unsaved changes (the host keeps it beside the workspace until the next save). */
  async autosave(): Promise<void> {
    // Documents are immutable values: the same object means nothing changed since the last autosave.
    if (!this.doc || !this.handle || !this.dirty || this.readOnly || this.doc === this.autosavedDoc) return;
    // Sending a 32-page issue takes tens of milliseconds of the main thread: not between two keystrokes. Wait for
    // a pause in editing, but not more than AUTOSAVE_MAX_DEFER_MS past the time the autosave was due.
    const now = performance.now();
    this.autosaveDueSinceMs ??= now;
    if (now - this.lastEditMs < AUTOSAVE_QUIET_MS && now - this.autosaveDueSinceMs < AUTOSAVE_MAX_DEFER_MS) {
      this.autosaveRetry ??= setTimeout(() => {
        this.autosaveRetry = null;
        void this.autosave();
      }, AUTOSAVE_QUIET_MS);
      return;
    }
    this.autosaveDueSinceMs = null;
    const doc = this.doc;
    const res = await this.host.autosave({ handle: this.handle, document: doc });
    if (!res.ok) this.fail(t('session.autosaveFailed', { error: hostErrorText(res.error, currentTranslator()) }));
    else this.autosavedDoc = doc;
  }

  private async adopt(opened: OpenedDocument): Promise<void> {
    const previous = this.handle;
    this.handle = opened.handle;
    this.path = opened.path;
    this.readOnly = opened.readOnly;
    this.exportDir = opened.exportDir ?? null;
    // Another document's PDFs are not offered for download under this one.
    this.lastExportJobId = null;
    this.editorStates.clear();
    this.ledger.clear();
    this.openStoryId = null;
    this.editorState = null;
    this.selectedFrameId = null;
    this.pageIndex = 0;
    for (const bitmap of this.images.values()) bitmap.close();
    // Replaced whole ($state.raw), never mutated.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.images = new Map();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    this.assetInfo = new Map();
    this.phase = 'loading-fonts';
    const { fonts, problems } = await loadTemplateFonts(this.host, opened.document.template, this.fontCache);
    if (fonts.length === 0) {
      this.phase = 'error';
      this.fail(t('session.noFonts', { problems: formatProblems(problems) }));
      return;
    }
    if (problems.length > 0) this.fail(formatProblems(problems));
    this.useFonts(fonts);
    this.doc = opened.document;
    // A recovered autosave differs from the file on disk: it counts as unsaved until saved.
    this.savedDoc = opened.recoveredFrom ? null : opened.document;
    if (opened.recoveredFrom) this.notice = { kind: 'info', text: t('session.recovered', { path: opened.recoveredFrom }) };
    this.composeNow();
    this.documentGeneration++;
    this.phase = 'ready';
    if (previous && previous !== opened.handle) void this.host.closeDocument({ handle: previous });
    void this.loadImages(opened);
    void this.host.listFonts({}).then((res) => {
      if (res.ok) this.availableFonts = res.value;
    });
  }

  /** Sets with `fonts` from now on (a new provider and composer; the composer's caches start empty). */
  private useFonts(fonts: readonly LoadedFont[]): void {
    this.fonts = createFontProvider(fonts);
    // The panels' face now, the others when the browser is idle (see ui-fonts.ts).
    if (typeof document !== 'undefined') {
      this.uiFonts ??= new UiFontFaces(document.fonts, whenIdle);
      this.uiFonts.add(fonts);
    }
    this.composer = createComposer(this.fonts);
  }

  /**
   * After a template change (a style set in another installed font, or its undo): loads the fonts the template
   * now names and, when that changes the set, re-sets the page with them. Fonts already loaded come from the cache.
   */
  private async refreshTemplateFonts(): Promise<void> {
    const doc = this.doc;
    if (!doc || !this.fonts) return;
    const { fonts, problems } = await loadTemplateFonts(this.host, doc.template, this.fontCache);
    // A newer template edit started its own refresh.
    if (this.doc?.template !== doc.template || fonts.length === 0) return;
    const loaded = this.fonts.all().map((f) => f.id);
    if (fonts.length === loaded.length && fonts.every((f) => loaded.includes(f.id))) return;
    if (problems.length > 0) this.fail(formatProblems(problems));
    this.useFonts(fonts);
    this.composeNow();
  }

  private async loadImages(opened: OpenedDocument): Promise<void> {
    // Built privately, then published whole through `images` ($state.raw).
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    const images = new Map<string, ImageBitmap>();
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- published whole through `assetInfo`
    const info = new Map<string, ImageInfo | undefined>();
    for (const asset of Object.values(opened.document.assets)) {
      if (asset.mime !== 'image/png' && asset.mime !== 'image/jpeg' && asset.mime !== 'image/tiff' && asset.mime !== 'application/pdf') continue;
      const res = await this.host.loadAsset({ handle: opened.handle, assetId: asset.id });
      if (!res.ok) {
        info.set(asset.id, undefined);
        this.fail(t('session.imageNotLoaded', { asset: asset.id, error: hostErrorText(res.error, currentTranslator()) }));
        continue;
      }
      try {
        const bytes = res.value.bytes;
        info.set(asset.id, await assetFacts(bytes));
        images.set(asset.id, await decodeAssetBitmap(bytes, res.value.mime));
      } catch (err) {
        this.fail(t('session.imageNotDecoded', { asset: asset.id, error: errorText(err, currentTranslator()) }));
      }
    }
    if (this.handle === opened.handle) {
      this.images = images;
      this.assetInfo = info;
    }
  }

  /** Composes the current document now (synchronously). */
  composeNow(): void {
    this.composePending = false;
    if (!this.doc || !this.composer) return;
    const started = performance.now();
    try {
      const composed = this.composer.compose(this.doc);
      this.layouts = composed.pages;
      // Usually none: an unchanged empty list keeps its identity, so nothing that reads it reruns.
      if (composed.notices.length > 0 || this.composeNotices.length > 0) this.composeNotices = composed.notices;
    } catch (err) {
      this.fail(t('session.composeFailed', { error: errorText(err, currentTranslator()) }));
      return;
    }
    this.composeMs = performance.now() - started;
    this.layoutVersion++;
  }

  private scheduleCompose(): void {
    if (this.composePending) return;
    this.composePending = true;
    // The first change of a frame is composed at the end of its task (a microtask), so the page is re-set and
    // drawn before the frame that follows the keystroke is painted, not one frame later; further changes before
    // that frame wait for it, so a burst of transactions still costs one compose a frame.
    if (!this.composedThisFrame) {
      this.composedThisFrame = true;
      this.schedule(() => {
        this.composedThisFrame = false;
      });
      queueMicrotask(() => {
        if (this.composePending) this.composeNow();
      });
      return;
    }
    this.schedule(() => {
      if (this.composePending) this.composeNow();
    });
  }

  /** Replaces the document (immutable update) and schedules a re-compose. */
  private setDocument(next: FolioDocument): void {
    if (next === this.doc) return;
    this.lastEditMs = performance.now();
    const fontsChanged = this.doc !== null && next.template !== this.doc.template && fontRefsKey(next.template) !== fontRefsKey(this.doc.template);
    this.doc = next;
    this.scheduleCompose();
    if (fontsChanged) void this.refreshTemplateFonts();
  }

  // ── Stories and the editor ──────────────────────────────────────────────

  private stateFor(storyId: string): EditorState {
    let state = this.editorStates.get(storyId);
    if (!state) {
      const story = this.doc?.stories[storyId];
      if (!story) throw new RangeError(`There is no story "${storyId}" in this document.`); // i18n-exempt: a programmer's error (callers pass ids of the document)
      state = createStoryEditorState(story.doc, {
        onPasteRefused: (message) => this.fail(formatUiMessage(message, currentTranslator())),
        onCommentRequested: () => (this.commentFormOpen = true),
        onTrackChangesToggled: () => (this.trackChanges = !this.trackChanges),
        onLeaveEditor: () => this.returnToPage(),
      });
      this.editorStates.set(storyId, state);
    }
    return state;
  }

  /**
   * The editor state of any story (made on first use; kept, with its undo history, while the document is open),
   * for commands that work across stories such as find & replace. Change it only through `applyTransaction`.
   * @throws RangeError when the story does not exist
   */
  storyState(storyId: string): EditorState {
    return this.stateFor(storyId);
  }

  /**
   * Opens a story in the editor, optionally placing the caret at a ProseMirror position.
   * Selects the story's first frame on the current page when no frame of it is selected.
   */
  openStory(storyId: string, caretPos?: number): void {
    // The galley's text is shaped in the template's faces: they must exist before it is first shown.
    this.uiFonts?.flush();
    let state: EditorState;
    try {
      state = this.stateFor(storyId);
    } catch (err) {
      this.fail(errorText(err, currentTranslator()));
      return;
    }
    if (caretPos !== undefined) {
      const pos = Math.max(0, Math.min(caretPos, state.doc.content.size));
      state = state.apply(state.tr.setSelection(TextSelection.near(state.doc.resolve(pos))).scrollIntoView());
      this.editorStates.set(storyId, state);
    }
    this.openStoryId = storyId;
    this.editorState = state;
    this.editorRevision++;
    const doc = this.doc;
    if (doc) {
      const selected = this.selectedFrameId ? findFrame(doc, this.selectedFrameId) : undefined;
      const showsStory = selected?.frame.kind === 'text' && selected.frame.storyId === storyId;
      if (!showsStory) this.selectedFrameId = framesOfStory(doc, storyId)[0] ?? null;
    }
  }

  /**
   * Applies a transaction from the open story's EditorView and returns the new state for the view.
   * A changed story doc becomes a new FolioDocument.
   * @param track how the edit was made (`backward`: Backspace) and `untracked` for a transaction already in its
   *   final form; with `trackChanges` on, other text edits are rewritten into tracked changes first
   */
  applyTransaction(storyId: string, tr: Transaction, track: TrackOptions & { untracked?: boolean } = {}): EditorState {
    const old = this.stateFor(storyId);
    // With tracking on, every text edit is recorded as a change, whichever command made it (typing, find &
    // replace, punctuation normalising); undo, accept and reject are never tracked.
    if (this.trackChanges && tr.docChanged && !track.untracked) tr = trackTransaction(old, tr, this.changeAuthor(), track);
    else if (!tr.getMeta('history$')) tr = untrackedBreakFix(tr);
    const state = old.apply(tr);
    if (!this.ledgerMuted) this.ledger.noteStoryChange(storyId, historyDepth(old), historyDepth(state));
    this.editorStates.set(storyId, state);
    if (storyId === this.openStoryId) this.editorState = state;
    if (tr.docChanged && this.doc) {
      if (this.readOnly) {
        this.fail(t('session.readOnlyEdit'));
      }
      this.setDocument(replaceStoryDoc(this.doc, storyId, state.doc.toJSON()));
    }
    return state;
  }

  /** Renames a story as one undoable step; a refused name (empty, too long) becomes the notice. */
  renameStory(storyId: string, name: string): void {
    if (!this.doc) return;
    if (this.readOnly) {
      this.fail(t('session.readOnlyRename'));
      return;
    }
    try {
      this.commitDocumentEdit(renameStoryIn(this.doc, storyId, name), { storyNames: true });
    } catch (err) {
      this.fail(errorText(err, currentTranslator()));
    }
  }

  // ── Tracked changes ─────────────────────────────────────────────────────

  /** Edits to story text are kept as tracked changes (修改留痕) while this is on. */
  trackChanges = $state(false);
  /** The name tracked changes and comments are signed with (remembered by the story panel). */
  reviewerName = $state('');

  /** Who is making tracked changes now: the reviewer's name, the host's clock, a fresh id per change. */
  private changeAuthor(): ChangeAuthor {
    return {
      // Unsigned changes store no name, as unsigned comments do: both read `review.anonymous` in the panels.
      author: this.reviewerName.trim(),
      // A timestamp, not reactive state: a change keeps the moment it was made.
      now: () => new Date(Date.now()).toISOString(), // eslint-disable-line svelte/prefer-svelte-reactivity
      newId: () => `change-${crypto.randomUUID()}`,
    };
  }

  /**
   * Tracks an input-method composition once it has ended. While the IME composes, its text goes in untracked
   * (marking text under composition would disturb the IME); afterwards this turns `composed` (the composition's
   * steps from `base`) into its tracked form in one transaction, so a struck selection and the marked insertion
   * look as if typed directly. Returns the new state, or undefined when tracking is off or the story changed
   * in between (the text then stays as typed).
   */
  applyTrackedComposition(storyId: string, base: EditorState, composed: Transaction): EditorState | undefined {
    const current = this.stateFor(storyId);
    if (!this.trackChanges || !current.doc.eq(composed.doc)) return undefined;
    // The composition's net effect as one replacement: its steps rewrite their own preedit text, which
    // step-by-step tracking could not follow.
    const start = base.doc.content.findDiffStart(composed.doc.content);
    const end = base.doc.content.findDiffEnd(composed.doc.content);
    if (start === null || !end) return undefined;
    // Repeated characters can make the two ends cross; widen so both sides cover the change.
    const overlap = Math.max(0, start - Math.min(end.a, end.b));
    const net = base.tr.replace(start, end.a + overlap, composed.doc.slice(start, end.b + overlap));
    const tracked = trackTransaction(base, net, this.changeAuthor());
    const fix = current.tr;
    for (let i = composed.steps.length - 1; i >= 0; i--) fix.step(composed.steps[i]!.invert(composed.docs[i]!));
    for (const step of tracked.steps) fix.step(step);
    fix.setSelection(TextSelection.create(fix.doc, Math.min(tracked.selection.from, fix.doc.content.size)));
    return this.applyTransaction(storyId, fix, { untracked: true });
  }

  /** Accepts or rejects one tracked change (`changeId` null: all of the story's), as one undoable step. */
  settleChange(storyId: string, changeId: string | null, accept: boolean): void {
    if (!this.doc?.stories[storyId]) return;
    const state = this.stateFor(storyId);
    const tr = accept ? acceptChangeTransaction(state, changeId) : rejectChangeTransaction(state, changeId);
    if (tr) this.applyStoryTransactions([{ storyId, tr }]);
  }

  /** Accepts or rejects every tracked change in the document, as one undoable step. */
  settleAllChanges(accept: boolean): void {
    if (!this.doc) return;
    const storyIds = collectChanges(this.doc).map((c) => c.storyId).filter((id, i, all) => all.indexOf(id) === i);
    const edits = storyIds.flatMap((storyId) => {
      const state = this.stateFor(storyId);
      const tr = accept ? acceptChangeTransaction(state, null) : rejectChangeTransaction(state, null);
      return tr ? [{ storyId, tr }] : [];
    });
    this.applyStoryTransactions(edits);
    if (edits.length > 0) this.notice = { kind: 'info', text: t('session.settledAll', { accept: accept ? 'yes' : 'no', count: edits.length }) };
  }

  /** Shows a tracked change: the page its story starts on, and the story in the editor with the change selected. */
  showChange(change: TrackedChange): void {
    this.showStoryText(change.storyId, change.ranges, this.layouts.findIndex((l) => l.lines.some((line) => line.storyId === change.storyId)));
  }

  // ── Proofreaders' comments ──────────────────────────────────────────────

  /** The story panel's comment form is open (the Comment button, or Ctrl+Alt+M over a selection). */
  commentFormOpen = $state(false);

  /**
   * Adds a comment over the open story's selection, as one undoable step. A refusal (no selection, an empty
   * comment) is reported and changes nothing.
   * @returns whether the comment was added
   */
  addComment(text: string, author: string): boolean {
    const storyId = this.openStoryId;
    if (!storyId || !this.doc) {
      this.fail(t('session.commentNeedsSelection'));
      return false;
    }
    // A timestamp, not reactive state: the comment keeps the moment it was written.
    const createdAt = new Date(Date.now()).toISOString(); // eslint-disable-line svelte/prefer-svelte-reactivity
    const attrs = { id: `comment-${crypto.randomUUID()}`, author: author.trim(), text: text.trim(), createdAt, resolved: false };
    const result = addCommentTransaction(this.stateFor(storyId), attrs);
    if (isUiMessage(result)) {
      this.fail(formatUiMessage(result, currentTranslator()));
      return false;
    }
    this.applyStoryTransactions([{ storyId, tr: result }]);
    this.notice = { kind: 'info', text: t('session.commentAdded') };
    return true;
  }

  /** Resolves a comment (or opens it again), as one undoable step. */
  setCommentResolved(storyId: string, commentId: string, resolved: boolean): void {
    if (!this.doc?.stories[storyId]) return;
    const tr = setCommentResolvedTransaction(this.stateFor(storyId), commentId, resolved);
    if (tr) this.applyStoryTransactions([{ storyId, tr }]);
  }

  /** Deletes a comment (its text stays), as one undoable step. */
  deleteComment(storyId: string, commentId: string): void {
    if (!this.doc?.stories[storyId]) return;
    const tr = deleteCommentTransaction(this.stateFor(storyId), commentId);
    if (tr) this.applyStoryTransactions([{ storyId, tr }]);
  }

  /** Shows a comment: the page its text is set on, and its story in the editor with that text selected. */
  showComment(comment: ProofComment): void {
    this.showStoryText(comment.storyId, comment.ranges, this.layouts.findIndex((l) => commentRects(l, comment.storyId, comment.ranges).length > 0));
  }

  /** Shows page `pageIndex` (when ≥ 0) and the story in the editor with the text from the first range to the last selected. */
  private showStoryText(storyId: string, ranges: readonly PosRange[], pageIndex: number): void {
    if (pageIndex >= 0) this.pageIndex = pageIndex;
    this.openStory(storyId);
    const state = this.editorState;
    const first = ranges[0];
    const last = ranges[ranges.length - 1];
    if (!state || !first || !last || this.openStoryId !== storyId) return;
    const to = Math.min(last.toPos, state.doc.content.size);
    const next = state.apply(state.tr.setSelection(TextSelection.create(state.doc, Math.min(first.fromPos, to), to)).scrollIntoView());
    this.editorStates.set(storyId, next);
    this.editorState = next;
    this.editorRevision++;
    // The editor shows a selection only while focused; focus it once it holds the new state.
    void tick().then(() => this.editorView?.focus());
  }

  // ── Frames ──────────────────────────────────────────────────────────────

  /**
   * Counts requests for the page canvas to take keyboard focus (Escape in the story editor); the canvas focuses its
   * surface whenever the count changes. A count, not a flag, so that two requests in a row both move focus.
   */
  pageFocusRequest = $state(0);

  /**
   * Leaves the story editor for the page: the open story's frame is selected (the selected frame is kept when it
   * already shows the story, e.g. the second frame of a thread) and the page canvas is asked to take focus.
   */
  returnToPage(): void {
    const doc = this.doc;
    const storyId = this.openStoryId;
    if (doc && storyId) {
      const selected = this.selectedFrameId ? findFrame(doc, this.selectedFrameId) : undefined;
      const showsStory = selected?.frame.kind === 'text' && selected.frame.storyId === storyId;
      if (!showsStory) this.selectFrame(framesOfStory(doc, storyId)[0] ?? null);
      else this.selectFrame(selected.frame.id);
    }
    this.pageFocusRequest++;
  }

  /** Selects a frame (or none). */
  selectFrame(frameId: string | null): void {
    this.selectedFrameId = frameId;
    this.selectedFrameIds = frameId ? [frameId] : [];
  }

  /** Moves/resizes a frame (points); recorded for undo unless `record` is false (live drags record once at the end,
   * passing the geometry the frame had when the drag began as `before`). */
  setFrameGeometry(frameId: string, geometry: FrameGeometry, record = true, before?: Required<FrameGeometry>): void {
    if (!this.doc) return;
    const found = findFrame(this.doc, frameId);
    if (!found) return;
    if (found.frame.locked) {
      this.notice = { kind: 'info', text: t('main.frameLocked', { frame: found.frame.label ?? frameId }) };
      return;
    }
    const doc = this.doc;
    let next: FolioDocument;
    try {
      next = setFrameGeometry(doc, frameId, geometry);
    } catch (err) {
      this.fail(errorText(err, currentTranslator()));
      return;
    }
    this.setDocument(next);
    if (record) this.ledger.noteFrameEdit({ pages: before ? setFrameGeometry(doc, frameId, before).pages : doc.pages, selectedFrameId: frameId, outputProfileAssetId: doc.outputProfileAssetId });
  }

  /** Adds a text frame with a new story (a headline and a body) on the current page, selects it and opens the story. */
  addTextFrame(): void {
    const doc = this.doc;
    if (!doc) return;
    const added = addTextFrame(doc, this.pageIndex);
    this.setDocument(added.doc);
    this.ledger.noteFrameEdit({ pages: doc.pages, selectedFrameId: this.selectedFrameId, outputProfileAssetId: doc.outputProfileAssetId });
    this.selectedFrameId = added.frameId;
    this.openStory(added.storyId);
  }

  /** Adds an empty picture frame, box or rule on the current page (one undoable step) and selects it. */
  addFrame(kind: DrawnFrameKind): void {
    const doc = this.doc;
    if (!doc) return;
    const added = addFrame(doc, this.pageIndex, kind);
    this.setDocument(added.doc);
    this.ledger.noteFrameEdit({ pages: doc.pages, selectedFrameId: this.selectedFrameId, outputProfileAssetId: doc.outputProfileAssetId });
    this.selectedFrameId = added.frameId;
  }

  /** Removes the selected frame (its story stays in the document; threads skip the frame). */
  deleteSelectedFrame(): void {
    const doc = this.doc;
    const frameId = this.selectedFrameId;
    if (!doc || !frameId) return;
    const found = findFrame(doc, frameId);
    if (!found) return;
    if (found.frame.locked) {
      this.notice = { kind: 'info', text: t('main.frameLocked', { frame: found.frame.label ?? frameId }) };
      return;
    }
    this.setDocument(removeFrame(doc, frameId));
    this.ledger.noteFrameEdit({ pages: doc.pages, selectedFrameId: frameId, outputProfileAssetId: doc.outputProfileAssetId });
    this.selectedFrameId = null;
  }

  /** Changes the selected text frame's columns or column rule. */
  setTextFrameSettings(settings: TextFrameSettings): void {
    this.editSelectedFrame((doc, frameId) => setTextFrameSettings(doc, frameId, settings));
  }

  /** Threads the selected text frame on into another text frame (null: unthread). */
  threadSelectedFrame(toId: string | null): void {
    // Unthreading gives the detached frames a new story: undo must take that back too.
    this.editSelectedFrame((doc, frameId) => threadFrames(doc, frameId, toId), { stories: true });
  }

  /** Applies a pure edit to the selected frame as one undo step; a refused edit (RangeError) is reported. */
  private editSelectedFrame(edit: (doc: FolioDocument, frameId: string) => FolioDocument, changes: { stories?: boolean } = {}): void {
    const doc = this.doc;
    const frameId = this.selectedFrameId;
    if (!doc || !frameId) return;
    let next: FolioDocument;
    try {
      next = edit(doc, frameId);
    } catch (err) {
      this.fail(errorText(err, currentTranslator()));
      return;
    }
    this.commitDocumentEdit(next, changes);
  }

  /**
   * Shows `next` without recording it (a live drag of several frames or of a picture inside its frame). The drag
   * ends by previewing the document it began with again and committing the result with `commitDocumentEdit`.
   */
  previewDocument(next: FolioDocument): void {
    this.setDocument(next);
  }

  /** Puts back the pages of a page edit; returns the edit that takes it back again. */
  private restorePages(edit: FrameEdit): FrameEdit | null {
    if (!this.doc) return null;
    const group = edit.storyGroup;
    if (group) this.runStoryGroup(group.storyIds, group.run === 'undo' ? undo : redo);
    const doc = this.doc;
    const inverse: FrameEdit = { pages: doc.pages, selectedFrameId: this.selectedFrameId, outputProfileAssetId: doc.outputProfileAssetId };
    if (group) inverse.storyGroup = { storyIds: group.storyIds, run: group.run === 'undo' ? 'redo' : 'undo' };
    let next: FolioDocument = { ...doc, pages: edit.pages };
    if (next.outputProfileAssetId !== edit.outputProfileAssetId) {
      const { outputProfileAssetId: _current, ...rest } = next;
      next = edit.outputProfileAssetId ? { ...rest, outputProfileAssetId: edit.outputProfileAssetId } : rest;
    }
    if (edit.template) {
      inverse.template = doc.template;
      next = { ...next, template: edit.template };
    }
    if (edit.stories) {
      inverse.stories = doc.stories;
      next = { ...next, stories: restoreStoryIds(doc.stories, edit.stories) };
    }
    if (edit.storyNames) {
      inverse.storyNames = storyNamesOf(next.stories);
      next = { ...next, stories: restoreStoryNames(next.stories, edit.storyNames) };
    }
    if (edit.pageIndex !== undefined) inverse.pageIndex = this.pageIndex;
    this.setDocument(next);
    this.selectedFrameId = edit.selectedFrameId;
    this.pageIndex = Math.min(edit.pageIndex ?? this.pageIndex, next.pages.length - 1);
    this.closeStoryIfGone();
    return inverse;
  }

  /** Closes the story editor when the open story is no longer in the document (an edit removed it). */
  private closeStoryIfGone(): void {
    if (this.openStoryId && this.doc && !(this.openStoryId in this.doc.stories)) {
      this.openStoryId = null;
      this.editorState = null;
      this.editorRevision++;
    }
  }

  /**
   * Applies one transaction per story as a single step of the document history (replace all in all stories):
   * one undo takes all of them back. Each transaction starts a new group in its story's own history.
   * `renames` (story id → name) are part of the same step.
   * @throws RangeError for a rename `renameStory` refuses (nothing is applied then)
   */
  applyStoryTransactions(edits: readonly { storyId: string; tr: Transaction }[], renames: Readonly<Record<string, string>> = {}): void {
    if (!this.doc || edits.length === 0) return;
    // Refused names fail before anything is applied.
    for (const [storyId, name] of Object.entries(renames)) renameStoryIn(this.doc, storyId, name);
    const renaming = Object.keys(renames).length > 0;
    const namesBefore = renaming ? storyNamesOf(this.doc.stories) : undefined;
    this.ledgerMuted = true;
    try {
      for (const { storyId, tr } of edits) this.applyTransaction(storyId, closeHistory(tr));
    } finally {
      this.ledgerMuted = false;
    }
    if (renaming) {
      let renamed = this.doc;
      for (const [storyId, name] of Object.entries(renames)) renamed = renameStoryIn(renamed, storyId, name);
      this.setDocument(renamed);
    }
    this.ledger.noteFrameEdit({
      pages: this.doc.pages, selectedFrameId: this.selectedFrameId, outputProfileAssetId: this.doc.outputProfileAssetId,
      storyGroup: { storyIds: edits.map((e) => e.storyId), run: 'undo' },
      ...(namesBefore ? { storyNames: namesBefore } : {}),
    });
    if (this.openStoryId && edits.some((e) => e.storyId === this.openStoryId)) this.openStory(this.openStoryId);
  }

  /** Runs ProseMirror's undo or redo on each story of a group (last first for undo), as one ledger step. */
  private runStoryGroup(storyIds: readonly string[], command: typeof undo): void {
    const order = command === undo ? [...storyIds].reverse() : storyIds;
    this.ledgerMuted = true;
    try {
      for (const storyId of order) command(this.stateFor(storyId), (tr) => this.applyTransaction(storyId, tr));
    } finally {
      this.ledgerMuted = false;
    }
    if (this.openStoryId && storyIds.includes(this.openStoryId)) this.openStory(this.openStoryId);
  }

  /**
   * Replaces the document with `next` (made by a pure edit: style-edits.ts, page-edits.ts) as one step of the
   * document history. `changes` says what the edit touches, so undo restores exactly that: the template (style
   * edits), the set of stories (pages added from a template) and the page shown (page edits); pages always.
   */
  commitDocumentEdit(next: FolioDocument, changes: { template?: boolean; stories?: boolean; storyNames?: boolean; pageIndex?: number; selectedFrameId?: string | null } = {}): void {
    const doc = this.doc;
    if (!doc || next === doc) return;
    const edit: FrameEdit = { pages: doc.pages, selectedFrameId: this.selectedFrameId, outputProfileAssetId: doc.outputProfileAssetId };
    if (changes.template) edit.template = doc.template;
    if (changes.stories) edit.stories = doc.stories;
    if (changes.storyNames) edit.storyNames = storyNamesOf(doc.stories);
    if (changes.pageIndex !== undefined) edit.pageIndex = this.pageIndex;
    this.setDocument(next);
    this.ledger.noteFrameEdit(edit);
    // Threading into a blank story's last frame removes that story (document-edits `threadFrames`).
    if (changes.stories) this.closeStoryIfGone();
    if (changes.pageIndex !== undefined) this.pageIndex = Math.max(0, Math.min(changes.pageIndex, next.pages.length - 1));
    if (changes.selectedFrameId !== undefined) this.selectedFrameId = changes.selectedFrameId;
  }

  /** Runs ProseMirror's undo or redo on a story that may not be open, and shows that story. */
  private runStoryHistory(storyId: string, command: typeof undo): boolean {
    const applied = command(this.stateFor(storyId), (tr) => this.applyTransaction(storyId, tr));
    if (applied) this.openStory(storyId);
    return applied;
  }

  /** Document-wide undo: takes back the latest step, a story edit or a frame edit, wherever it was made. */
  undo(): boolean {
    const step = this.ledger.nextUndo();
    if (!step) return false;
    if (step.kind === 'story') return this.runStoryHistory(step.storyId, undo);
    const inverse = this.restorePages(step.edit);
    if (!inverse) return false;
    this.ledger.undoFrame(inverse);
    return true;
  }

  /** Document-wide redo. */
  redo(): boolean {
    const step = this.ledger.nextRedo();
    if (!step) return false;
    if (step.kind === 'story') return this.runStoryHistory(step.storyId, redo);
    const inverse = this.restorePages(step.edit);
    if (!inverse) return false;
    this.ledger.redoFrame(inverse);
    return true;
  }

  // ── Files ───────────────────────────────────────────────────────────────

  /** Saves to the document's path, or to `path` (Save As). Returns false when a path is needed but missing. */
  async save(path?: string): Promise<boolean> {
    if (!this.doc || !this.handle) return false;
    if (!path && !this.path) return false;
    const document = this.doc;
    this.busy = t('session.saving');
    const res = await this.host.saveDocument({ handle: this.handle, document, ...(path ? { path } : {}) });
    this.busy = null;
    if (!res.ok) {
      this.fail(t('session.notSaved', { error: hostErrorText(res.error, currentTranslator()) }));
      return true;
    }
    this.path = res.value.path;
    this.savedDoc = document;
    this.notice = { kind: 'info', text: t('session.saved', { path: res.value.path }) };
    return true;
  }

  /** Exports the document's pages as PDF (print or proof preset). */
  async exportPdf(preset: ExportPreset = this.exportPreset): Promise<void> {
    if (!this.doc || !this.handle || this.exportJob) return;
    this.busy = t('session.exporting');
    // Always said, "beside the document" too: the host would otherwise use the folder it remembers for the file.
    const outputPath = this.exportDir ?? (this.path ? folderOf(this.path) : null);
    const request = { handle: this.handle, document: this.doc, preset, ...(outputPath ? { outputPath } : {}) };
    const outcome = await runExportJob(this.host, request, (status) => (this.exportJob = status));
    this.busy = null;
    this.exportJob = null;
    if (!('state' in outcome)) {
      this.fail(t('session.exportFailed', { error: hostErrorText(outcome, currentTranslator()) }));
      return;
    }
    if (outcome.state === 'cancelled') {
      this.notice = { kind: 'info', text: t('session.exportCancelled', { kept: outcome.files.length }) };
      return;
    }
    if (outcome.state === 'failed') {
      this.fail(t('session.exportFailed', { error: outcome.error ? hostErrorText(outcome.error, currentTranslator()) : t('session.exportFailedUnknown') }));
      return;
    }
    this.lastExport = outcome.files;
    this.lastExportJobId = outcome.jobId;
    const paths = outcome.files.map((f) => f.path).join(', ');
    this.notice = { kind: 'info', text: t('session.exported', { paths }) };
  }

  /** Browser mode: offers a PDF of the last export as a download (the server only says where it wrote it). */
  async downloadExport(pageId: string): Promise<void> {
    const jobId = this.lastExportJobId;
    if (!jobId || typeof document === 'undefined') return;
    const res = await this.host.loadExportedFile({ jobId, pageId });
    if (!res.ok) {
      this.fail(t('session.downloadFailed', { error: hostErrorText(res.error, currentTranslator()) }));
      return;
    }
    offerDownload(document, res.value.bytes, res.value.name);
  }

  /** Asks the running export to stop after the page it is writing (complete files are kept). */
  cancelExport(): void {
    const job = this.exportJob;
    if (job && job.state === 'running') void this.host.cancelExport({ jobId: job.jobId });
  }
}

/** Longest wait for an idle moment before the UI fonts are registered anyway, ms. */
const UI_FONTS_IDLE_TIMEOUT_MS = 3000;

/** Runs `task` when the browser is next idle (the page has been set and drawn, input handled), or after a bounded wait. */
function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'undefined') setTimeout(task, 0);
  else requestIdleCallback(task, { timeout: UI_FONTS_IDLE_TIMEOUT_MS });
}

/** The fonts a template names, as one comparable string (style edits that keep the fonts load nothing). */
function fontRefsKey(template: FolioDocument['template']): string {
  return collectFontRefs(template).map((f) => `${f.family}|${f.weight}`).sort().join(',');
}
