/**
 * The Simplified Chinese interface (the default): the same keys as `en.ts`, in the newsroom's own words. The
 * trade terms follow `../glossary.ts` (版面, 稿件, 文字块, 图片框, 转版, 预检, 校样, 出版…); a unit test holds
 * the catalogue to it. Chinese punctuation is full-width (，：；（）), with a space between Chinese and Latin words
 * or numbers only where the interface sets them apart anyway (`余缺 +3 行`).
 */
import type { MessageKey } from './en.js';

/** The zh-CN catalogue: exactly the keys of `en`. */
export const zhCN: Readonly<Record<MessageKey, string>> = {
  // ── 通用 ──
  'common.cancel': '取消',
  'common.close': '关闭',
  'common.save': '保存',
  'common.fieldUnit': '{field}（{unit}）',

  // ── 余缺 ──
  'copyfit.fits': '正好',
  'copyfit.over': '+{lines} 行',
  'copyfit.under': '\u2212{lines} 行',

  // ── 状态栏 ──
  'status.region': '状态栏',
  'status.zoom': '缩放',
  'status.zoomValue': '{percent} %',
  'status.page': '版面',
  'status.pageValue': '{name}版（{index}/{count}）',
  'status.selection': '选择',
  'status.frame': '框 {id}',
  'status.noSelection': '未选择',
  'status.caret': '{story} · 光标在 {pos}',
  'status.selected': '{story} · 已选 {count}',
  'status.copyfitLabel': '当前稿件余缺',
  'status.copyfit': '余缺 {fit}',
  'status.timesLabel': '排版与绘制用时',
  'status.times': '排版 {composeMs} 毫秒 · 绘制 {drawMs} 毫秒',
  'status.documentState': '文档状态',
  'status.readOnly': '只读',
  'status.unsaved': '● 有未保存的修改',
  'status.saved': '已保存',
  'status.notSaved': '尚未保存',
  'status.language': '界面语言',

  // ── 稿件列表 ──
  'stories.region': '版面和稿件',
  'stories.title': '稿件',
  'stories.story': '稿件 {name}',
  'stories.storyWithCopyfit': '稿件 {name}，余缺 {fit}',

  // ── 另存为对话框 ──
  'saveAs.title': '文档另存为',
  'saveAs.fileNameField': '文件名（在工作区内）',
  'saveAs.fileName': '文件名',

  // ── 文档占用 ──
  'inUse.title': '文档正在使用中',
  'inUse.readOnlyOffer': '可以只读打开：能查看版面、导出校样，但修改无法保存。',
  'inUse.openReadOnly': '只读打开',

  // ── 工作区文件列表 ──
  'workspace.heading': '工作区',

  // ── 置入稿件对话框 ──
  'placeText.title': '置入稿件',
  'placeText.list': '来稿',
  'placeText.empty': '这里没有 .docx 或 .txt 来稿。',
  'placeText.about': '用来稿替换稿件 {story} 的文字（Ctrl+Z 可撤销）。可用 Word（.docx）来稿和 UTF-8、UTF-16 或 GB18030 编码的纯文本来稿；不带入格式。',
  'placeText.headline': '第一段作主题（其后的“记者……”一行作署名）',

  // ── 输出配置文件对话框 ──
  'outputProfile.title': '输出配置文件',
  'outputProfile.list': 'ICC 配置文件',
  'outputProfile.empty': '这里没有 .icc 或 .icm 文件。',
  'outputProfile.about': '印厂的 CMYK ICC 配置文件。出版 PDF 把它嵌入为输出意图，图片按它分色；PDF/X-4 必须有它。',
  'outputProfile.current': '当前：{profile}',
  'outputProfile.none': '无',
  'outputProfile.remove': '移除配置文件',
  'outputProfile.removed': '文档现在没有输出配置文件：PDF/X-1a 只写明模板登记的印刷条件。',

  // ── 置入图片对话框 ──
  'placeImage.title': '置入图片',
  'placeImage.list': '图片文件',
  'placeImage.empty': '这里没有 JPEG、PNG 或 PDF 文件。',
  'placeImage.into': '置入{kind, select, box {广告框} other {图片框}} {frame}。',
  'placeImage.intoNew': '置入新图片框，位于版心左上角。',
  'placeImage.kinds': '可置入 JPEG、PNG 照片和 PDF 广告。',

  // ── 打开对话框 ──
  'open.title': '打开或新建',
  'open.unsavedWarning': '本文档有未保存的修改：打开其他文档会丢弃这些修改（可能留有自动保存的副本）。',
  'open.sample': '打开样例版面',
  'open.browse': '浏览…',
  'open.recent': '最近打开',
  'open.recentTitle': '{path} — 上次打开于 {when}',
  'open.newFromTemplate': '从模板新建',
  'open.newTemplate': '新建：{name}',
  'open.workspaceFiles': '工作区文件',
  'open.folioFiles': 'Folio 文件',
  'open.empty': '这里没有 .folio 文件。',
  'open.openFile': '打开 {name}',

  // ── 预检列表 ──
  'preflight.title': '预检',
  'preflight.ok': '通过',
  'preflight.count': '{errors} 个错误，{others} 个其他问题',
  'preflight.severity': '{severity, select, error {错误：} warning {警告：} other {提示：}}',

  // ── 快捷键一览 ──
  'shortcuts.title': '键盘快捷键',
  'shortcuts.table': '{scope}快捷键',
  'shortcuts.or': '或',
  'shortcuts.scope.window': '窗口',
  'shortcuts.scope.editor': '稿件编辑器',
  'shortcuts.scope.page': '版面',
  'shortcuts.scope.pagesPanel': '版面面板',
  'shortcuts.scope.find': '查找和替换',
  'shortcuts.window.open': '打开或新建文档',
  'shortcuts.window.save': '保存',
  'shortcuts.window.saveAs': '另存为',
  'shortcuts.window.exportPdf': '导出 PDF',
  'shortcuts.window.undo': '撤销最近的修改（文字或版面）',
  'shortcuts.window.redo': '重做',
  'shortcuts.window.find': '在稿件中查找',
  'shortcuts.window.replace': '查找和替换',
  'shortcuts.window.zoomIn': '放大',
  'shortcuts.window.zoomOut': '缩小',
  'shortcuts.window.fitPage': '整版显示',
  'shortcuts.window.actualSize': '实际大小（100 %）',
  'shortcuts.window.toggleGuides': '显示或隐藏参考线和标尺',
  'shortcuts.window.shortcuts': '键盘快捷键（本表）',
  'shortcuts.editor.undo': '撤销输入',
  'shortcuts.editor.redo': '重做输入',
  'shortcuts.editor.bold': '加粗',
  'shortcuts.editor.emphasis': '着重',
  'shortcuts.editor.normalisePunctuation': '规范中文里的半角标点',
  'shortcuts.editor.comment': '给选中文字加批注（校对）',
  'shortcuts.editor.trackChanges': '开启或关闭修改留痕',
  'shortcuts.page.selectNext': '选择下一个框',
  'shortcuts.page.selectPrevious': '选择上一个框',
  'shortcuts.page.deselect': '取消选择（连接续排时：取消连接）',
  'shortcuts.page.selectAll': '选择本版所有框',
  'shortcuts.page.nudge': '所选框移动 1 pt',
  'shortcuts.page.nudgeGrid': '所选框移动一个基线网格行',
  'shortcuts.page.panPicture': '在所选图片框内移动图片 1 pt（加 Shift：一个网格行）',
  'shortcuts.page.bringForward': '所选框上移一层（盖住上一层框）',
  'shortcuts.page.sendBackward': '所选框下移一层',
  'shortcuts.page.deleteFrame': '删除所选框（其稿件保留）',
  'shortcuts.page.editStory': '编辑所选框的稿件',
  'shortcuts.page.pageDown': '下一版',
  'shortcuts.page.pageUp': '上一版',
  'shortcuts.page.undo': '撤销（文字或版面）',
  'shortcuts.page.redo': '重做',
  'shortcuts.pagesPanel.movePageUp': '此版上移',
  'shortcuts.pagesPanel.movePageDown': '此版下移',
  'shortcuts.find.findNext': '查找下一个',
  'shortcuts.find.findPrevious': '查找上一个',
  'shortcuts.find.close': '关闭并回到稿件',

  // ── 快捷键一览：段落类型 ──
  'shortcuts.editor.block.paragraph': '段落类型：正文',
  'shortcuts.editor.block.headline': '段落类型：主题',
  'shortcuts.editor.block.kicker': '段落类型：引题',
  'shortcuts.editor.block.subtitle': '段落类型：副题',
  'shortcuts.editor.block.byline': '段落类型：署名',
  'shortcuts.editor.block.subhead': '段落类型：小标题',
  'shortcuts.editor.block.caption': '段落类型：图片说明',
  'shortcuts.editor.block.columnTag': '段落类型：栏目题',
  'shortcuts.editor.block.pullQuote': '段落类型：引语',
  'shortcuts.editor.block.adText': '段落类型：广告文字',
};
