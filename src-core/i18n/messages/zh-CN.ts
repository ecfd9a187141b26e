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
};
