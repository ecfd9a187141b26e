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
};
