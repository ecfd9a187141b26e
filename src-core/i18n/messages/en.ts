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

  // ── Preflight list ──
  'preflight.title': 'Preflight',
  'preflight.ok': 'OK',
  'preflight.count': '{errors, plural, one {# error} other {# errors}}, {others} other',
  'preflight.severity': '{severity, select, error {error:} warning {warning:} other {info:}}',

  // ── Shortcuts sheet ──
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.table': '{scope} shortcuts',
  'shortcuts.or': 'or',
  'shortcuts.scope.window': 'Window',
  'shortcuts.scope.editor': 'Story editor',
  'shortcuts.scope.page': 'Page',
  'shortcuts.scope.pagesPanel': 'Pages panel',
  'shortcuts.scope.find': 'Find and replace',
  'shortcuts.window.open': 'Open or create a document',
  'shortcuts.window.save': 'Save',
  'shortcuts.window.saveAs': 'Save as',
  'shortcuts.window.exportPdf': 'Export PDF',
  'shortcuts.window.undo': 'Undo the latest change (text or page)',
  'shortcuts.window.redo': 'Redo',
  'shortcuts.window.find': 'Find in stories',
  'shortcuts.window.replace': 'Find and replace',
  'shortcuts.window.zoomIn': 'Zoom in',
  'shortcuts.window.zoomOut': 'Zoom out',
  'shortcuts.window.fitPage': 'Fit page',
  'shortcuts.window.actualSize': 'Actual size (100 %)',
  'shortcuts.window.toggleGuides': 'Show or hide guides and rulers',
  'shortcuts.window.shortcuts': 'Keyboard shortcuts (this sheet)',
  'shortcuts.editor.undo': 'Undo typing',
  'shortcuts.editor.redo': 'Redo typing',
  'shortcuts.editor.bold': 'Bold',
  'shortcuts.editor.emphasis': 'Emphasis',
  'shortcuts.editor.normalisePunctuation': 'Normalise ASCII punctuation in Chinese text',
  'shortcuts.editor.comment': 'Comment on the selected text (proofreading)',
  'shortcuts.editor.trackChanges': 'Track changes on or off (修改留痕)',
  'shortcuts.page.selectNext': 'Select the next frame',
  'shortcuts.page.selectPrevious': 'Select the previous frame',
  'shortcuts.page.deselect': 'Select nothing (while threading: cancel)',
  'shortcuts.page.selectAll': 'Select every frame on the page',
  'shortcuts.page.nudge': 'Move the selected frames by 1 pt',
  'shortcuts.page.nudgeGrid': 'Move the selected frames by one baseline-grid line',
  'shortcuts.page.panPicture': 'Pan the picture inside the selected image frame by 1 pt (with Shift: one grid line)',
  'shortcuts.page.bringForward': 'Bring the selected frames forward (paint over the next frame)',
  'shortcuts.page.sendBackward': 'Send the selected frames backward',
  'shortcuts.page.deleteFrame': 'Delete the selected frame (its story stays)',
  'shortcuts.page.editStory': 'Edit the selected frame’s story',
  'shortcuts.page.pageDown': 'Next page',
  'shortcuts.page.pageUp': 'Previous page',
  'shortcuts.page.undo': 'Undo (text or page)',
  'shortcuts.page.redo': 'Redo',
  'shortcuts.pagesPanel.movePageUp': 'Move the page up',
  'shortcuts.pagesPanel.movePageDown': 'Move the page down',
  'shortcuts.find.findNext': 'Find next',
  'shortcuts.find.findPrevious': 'Find previous',
  'shortcuts.find.close': 'Close and return to the story',

  // ── Shortcuts sheet: block types ──
  'shortcuts.editor.block.paragraph': 'Block type 正文 Paragraph',
  'shortcuts.editor.block.headline': 'Block type 主题 Headline',
  'shortcuts.editor.block.kicker': 'Block type 引题 Kicker',
  'shortcuts.editor.block.subtitle': 'Block type 副题 Subtitle',
  'shortcuts.editor.block.byline': 'Block type 署名 Byline',
  'shortcuts.editor.block.subhead': 'Block type 小标题 Subhead',
  'shortcuts.editor.block.caption': 'Block type 图片说明 Caption',
  'shortcuts.editor.block.columnTag': 'Block type 栏目题 Column tag',
  'shortcuts.editor.block.pullQuote': 'Block type 引语 Pull quote',
  'shortcuts.editor.block.adText': 'Block type 广告文字 Ad text',
} as const satisfies Record<string, string>;

/** A message key: a key of the catalogues (a key that is not one is a type error). */
export type MessageKey = keyof typeof en;
