/**
 * The command line's error lines speak the language of LC_ALL / LC_MESSAGES / LANG, as its help does: a
 * mistyped option, an unknown command, a missing file, an existing output — one line each, no stack trace.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { packFolio, unpackFolio } from '../../../src-core/model/folio-file.js';
import { REPO_ROOT, SAMPLE_BYTES, tempDir } from './helpers.js';

const BIN = path.join(REPO_ROOT, 'bin', 'folio.cjs');
let tmp: { dir: string; cleanup: () => void };

function folio(args: string[], lang: string): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, LANG: lang, LC_ALL: '', LC_MESSAGES: '' }, timeout: 60_000 });
}

beforeAll(() => {
  tmp = tempDir('folio-cli-lang-');
});
afterAll(() => tmp.cleanup());

describe('folio error lines', () => {
  it('say a wrong argument in Chinese under LANG=zh_CN.UTF-8 and in English under LANG=en_US.UTF-8', () => {
    const zh = folio(['export', 'front.folio', '--colour'], 'zh_CN.UTF-8');
    expect(zh.status).toBe(64);
    expect(zh.stderr).toBe('folio export：没有选项 --colour。运行“folio export --help”查看帮助。\n');
    const en = folio(['export', 'front.folio', '--colour'], 'en_US.UTF-8');
    expect(en.status).toBe(64);
    expect(en.stderr).toBe('folio export: unknown option --colour. Run "folio export --help".\n');
    expect(folio(['preflight', 'a.folio', '--preset', 'web'], 'zh_CN.UTF-8').stderr).toBe('--preset 只能是“print”（出版，PDF/X-1a）、“print-x4”（出版，PDF/X-4）或“proof”（校样），不能是“web”。\n');
    expect(folio(['frobnicate'], 'zh_CN.UTF-8').stderr).toMatch(/^folio：没有“frobnicate”这个命令。可用命令：serve, export/);
  });

  it('say a missing file in the run\'s language', () => {
    const file = path.join(tmp.dir, '不在这里.folio');
    const zh = folio(['preflight', '不在这里.folio'], 'zh_CN.UTF-8');
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe(`folio：无法打开 不在这里.folio：${file} 不存在。\n`);
    const en = folio(['text', '不在这里.folio'], 'en_US.UTF-8');
    expect(en.status).toBe(1);
    expect(en.stderr).toBe(`folio: Could not open 不在这里.folio: ${file} does not exist.\n`);
  });

  it('say a refusal from inside the export (no installed font for the template) in the run\'s language', () => {
    const { document, assets } = unpackFolio(SAMPLE_BYTES);
    for (const style of [...Object.values(document.template.paragraphStyles), ...Object.values(document.template.characterStyles)]) {
      if (style.font) style.font = { ...style.font, family: 'No Such Family' };
    }
    writeFileSync(path.join(tmp.dir, 'unset.folio'), packFolio(document, assets));
    const zh = folio(['export', 'unset.folio', '-o', 'out/', '--preset', 'proof'], 'zh_CN.UTF-8');
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe('folio：没有载入任何字体：排版前至少要载入正文字体\n');
    const en = folio(['export', 'unset.folio', '-o', 'out/', '--preset', 'proof'], 'en_US.UTF-8');
    expect(en.stderr).toBe('folio: No fonts are loaded: load at least the body font before composing\n');
  });

  it('say why the default workspace cannot be made in the run\'s language (serve)', () => {
    const home = path.join(tmp.dir, 'home-is-a-file');
    writeFileSync(home, 'x');
    const run = (lang: string) => spawnSync(process.execPath, [BIN, 'serve'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, HOME: home, LANG: lang, LC_ALL: '', LC_MESSAGES: '' }, timeout: 60_000 });
    const zh = run('zh_CN.UTF-8');
    expect(zh.status).toBe(1);
    expect(zh.stderr).toBe(`folio：无法创建工作区文件夹 ${path.join(home, 'Folio')}：${home} 是文件，不是文件夹。 请用 --root DIR 指定工作区文件夹。\n`);
    expect(run('C').stderr).toBe(`folio: Could not create the workspace folder ${path.join(home, 'Folio')}: ${home} is a file, not a folder. Give a workspace folder with --root DIR.\n`);
  });

  it('follow LC_ALL over LANG, and C means English', () => {
    const r = spawnSync(process.execPath, [BIN, 'new', 'x'], { cwd: tmp.dir, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: 'zh_CN.UTF-8' }, timeout: 60_000 });
    expect(r.stderr).toBe('folio new：请给出模板 id 和输出文件，如 folio new broadsheet-front front.folio。\n');
    expect(folio(['new', 'x'], 'C').stderr).toBe('folio new: give a template id and an output file, e.g. folio new broadsheet-front front.folio.\n');
  });
});
