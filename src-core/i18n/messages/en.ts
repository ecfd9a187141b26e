/**
 * The English interface: every user-visible string of the converted parts of Folio, as ICU MessageFormat
 * (`{name}` arguments, `{n, plural, one {…} other {…}}`, `{x, select, …}`). Its keys are the message keys of
 * every language (`MessageKey`); `zh-CN.ts` has exactly the same keys. The English text is what the interface
 * said before it was translated, word for word: the end-to-end tests find controls by these names.
 *
 * Keys are `area.what`; an area is a panel, dialog or the menu. Shared words live under `common.`.
 */
export const en = {
  // ── Shared ──
  'common.cancel': 'Cancel',
  'common.close': 'Close',
  'common.save': 'Save',
  'common.fieldUnit': '{field} ({unit})',

  // ── Copyfit (status bar, story list, inspector) ──
  'copyfit.fits': 'fits',
  'copyfit.over': '+{lines, plural, one {# line} other {# lines}}',
  'copyfit.under': '\u2212{lines, plural, one {# line} other {# lines}}',

  // ── Status bar ──
  'status.region': 'Status',
  'status.zoom': 'Zoom',
  'status.zoomValue': '{percent} %',
  'status.page': 'Page',
  'status.pageValue': 'Page {name} ({index}/{count})',
  'status.selection': 'Selection',
  'status.frame': 'Frame {id}',
  'status.noSelection': 'No selection',
  'status.caret': '{story} · caret {pos}',
  'status.selected': '{story} · {count} selected',
  'status.copyfitLabel': 'Copyfit of open story',
  'status.copyfit': 'Copyfit {fit}',
  'status.timesLabel': 'Compose and draw time',
  'status.times': 'set in {composeMs} ms · drawn in {drawMs} ms',
  'status.documentState': 'Document state',
  'status.readOnly': 'Read-only',
  'status.unsaved': '● Unsaved changes',
  'status.saved': 'Saved',
  'status.notSaved': 'Not saved yet',
  'status.language': 'Interface language',

  // ── Story list ──
  'stories.region': 'Pages and stories',
  'stories.title': 'Stories',
  'stories.story': 'Story {name}',
  'stories.storyWithCopyfit': 'Story {name}, copyfit {fit}',

  // ── Save As dialog ──
  'saveAs.title': 'Save document as',
  'saveAs.fileNameField': 'File name (in the workspace)',
  'saveAs.fileName': 'File name',

  // ── Document in use ──
  'inUse.title': 'Document in use',
  'inUse.readOnlyOffer': 'You can open it read-only: you see the page and may export proofs, but changes cannot be saved.',
  'inUse.openReadOnly': 'Open read-only',

  // ── Workspace file pick list ──
  'workspace.heading': 'Workspace',

  // ── Place text dialog ──
  'placeText.title': 'Place text',
  'placeText.list': 'Manuscripts',
  'placeText.empty': 'No .docx or .txt manuscripts here.',
  'placeText.about': 'Replaces the text of the story {story} (Ctrl+Z takes it back). Word (.docx) and plain-text manuscripts in UTF-8, UTF-16 or GB18030; formatting is not brought in.',
  'placeText.headline': 'The first paragraph is the headline (and a 记者… line after it the byline)',

  // ── Output profile dialog ──
  'outputProfile.title': 'Output profile',
  'outputProfile.list': 'ICC profiles',
  'outputProfile.empty': 'No .icc or .icm files here.',
  'outputProfile.about': 'The plant\'s CMYK ICC profile. Print PDFs embed it as the output intent and pictures are separated through it; PDF/X-4 requires it.',
  'outputProfile.current': 'Current: {profile}',
  'outputProfile.none': 'none',
  'outputProfile.remove': 'Remove profile',
  'outputProfile.removed': 'The document has no output profile now: PDF/X-1a names the template’s registered condition alone.',

  // ── Place image dialog ──
  'placeImage.title': 'Place image',
  'placeImage.list': 'Image files',
  'placeImage.empty': 'No JPEG, PNG or PDF files here.',
  'placeImage.into': 'Into {kind, select, box {the ad box} other {the image frame}} {frame}.',
  'placeImage.intoNew': 'Into a new image frame at the top left of the type area.',
  'placeImage.kinds': 'JPEG and PNG photos, PDF adverts.',

  // ── Open dialog ──
  'open.title': 'Open or create',
  'open.unsavedWarning': 'This document has unsaved changes: opening another one discards them (an autosave copy may remain).',
  'open.sample': 'Open the sample page',
  'open.browse': 'Browse…',
  'open.recent': 'Recent',
  'open.recentTitle': '{path} — last opened {when}',
  'open.newFromTemplate': 'New from template',
  'open.newTemplate': 'New: {name}',
  'open.workspaceFiles': 'Workspace files',
  'open.folioFiles': 'Folio files',
  'open.empty': 'No .folio files here.',
  'open.openFile': 'Open {name}',
} as const satisfies Record<string, string>;

/** A message key: a key of the catalogues (a key that is not one is a type error). */
export type MessageKey = keyof typeof en;
