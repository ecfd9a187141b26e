/**
 * The sample's column ends read back from its exported PDF (issue 17 item 6): `folio export` writes the page,
 * `pdftotext -bbox` gives each set line's box, and for each of the eight places the original print page ended a
 * column inside a sentence (the seed's blank lines, SEED_COLUMN_ENDS) the test looks for the line the seed's text
 * before the break ends, and whether anything is set directly below it in its column.
 *
 * 1. Words → lines: pdftotext's words on one baseline are joined where the gap between them is narrower than
 *    any gutter (a wide justified gap or a Han–Latin gap splits a word, never a column).
 * 2. A break is at a column end when a line ends with the seed's last characters before the break, no line
 *    overlaps it horizontally within one and a half body lines below, and a line starts with the seed's text after.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_COLUMN_ENDS } from '../../../scripts/build-sample.js';

const SEED = readFileSync('tests/fixtures/seed/deqing-front-page-2023-07.txt', 'utf8');
const SAMPLE = 'templates/samples/deqing-front-2023-07-20.folio';
/** Body line pitch of the broadsheet template, points. */
const PITCH_PT = 11.55;
/** Words on one baseline closer than this are one line, points: below the narrowest gutter (1 character, 9 pt, less a trimmed bracket's 4.5 pt). */
const JOIN_GAP_PT = 3.5;
/** Characters of the seed's text before and after a break used to find it on the page. */
const CONTEXT_CHARS = 6;
/** Column ends of the original the exported page matches (scripts/build-sample.ts, PAGE_PLAN): all eight. */
const MATCHED = [...SEED_COLUMN_ENDS];

interface PdfLine { text: string; xMinPt: number; xMaxPt: number; yMinPt: number }

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** The exported page's lines (see 1. above). */
function pdfLines(pdfPath: string): PdfLine[] {
  const html = execFileSync('pdftotext', ['-bbox', pdfPath, '-'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
  const words = [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
    .map((m) => ({ xMinPt: Number(m[1]), yMinPt: Number(m[2]), xMaxPt: Number(m[3]), text: m[4]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"') }))
    .sort((a, b) => a.yMinPt - b.yMinPt || a.xMinPt - b.xMinPt);
  const lines: PdfLine[] = [];
  for (const w of words) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(last.yMinPt - w.yMinPt) < 0.5 && w.xMinPt - last.xMaxPt < JOIN_GAP_PT) {
      last.text += w.text;
      last.xMaxPt = w.xMaxPt;
    } else {
      lines.push({ ...w });
    }
  }
  return lines;
}

/** The seed's column breaks: the text before each (its last characters) and after it. */
function seedBreaks(): { end: string; before: string; after: string }[] {
  const lines = SEED.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  return lines.flatMap((line, i) => {
    const end = SEED_COLUMN_ENDS.find((e) => line.endsWith(e));
    const next = lines[i + 1];
    return end && next ? [{ end, before: squeeze(line).slice(-CONTEXT_CHARS), after: squeeze(next).slice(0, CONTEXT_CHARS) }] : [];
  });
}

describe('the exported sample page ends its columns where the original did', () => {
  let dir = '';
  let lines: PdfLine[] = [];
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'folio-sample-columns-'));
    // The print export stops at the placeholder photo (a preflight error by design): --force exports it anyway.
    execFileSync(process.execPath, ['bin/folio.cjs', 'export', SAMPLE, '-o', `${dir}/`, '--force'], { stdio: 'pipe' });
    const pdf = readdirSync(dir).find((f) => f.endsWith('.pdf'))!;
    lines = pdfLines(path.join(dir, pdf));
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Where one break falls on the exported page. */
  function locate(brk: { before: string; after: string }): { atLineEnd: boolean; columnEnds: boolean; nextStartsLine: boolean } {
    const line = lines.find((l) => squeeze(l.text).endsWith(brk.before));
    const nextStartsLine = lines.some((l) => squeeze(l.text).startsWith(brk.after));
    if (!line) return { atLineEnd: false, columnEnds: false, nextStartsLine };
    const below = lines.some((l) => l !== line && l.yMinPt > line.yMinPt + 0.5 && l.yMinPt - line.yMinPt < 1.5 * PITCH_PT && l.xMinPt < line.xMaxPt && l.xMaxPt > line.xMinPt);
    return { atLineEnd: true, columnEnds: !below, nextStartsLine };
  }

  it('finds all eight breaks of the seed and reports each', () => {
    const breaks = seedBreaks();
    expect(breaks.map((b) => b.end)).toEqual([...SEED_COLUMN_ENDS]);
    const report = breaks.map((b) => ({ end: b.end, ...locate(b) }));
    for (const r of report) console.log(`${r.atLineEnd && r.columnEnds && r.nextStartsLine ? 'column end' : r.atLineEnd ? 'line end  ' : 'mid-line  '} ${r.end}`);
    const matched = report.filter((r) => r.atLineEnd && r.columnEnds && r.nextStartsLine).map((r) => r.end);
    expect(matched).toEqual(MATCHED);
  });

  it('a break inside a column is told from one at its foot (the reader is not fooled by a line end alone)', () => {
    // The first lines of the lead's second column and of the feature's third (under its straddle head) end lines
    // with text set below them.
    for (const start of ['国家级车联网先导区', '中送出']) {
      const line = lines.find((l) => squeeze(l.text).startsWith(start))!;
      expect(locate({ before: squeeze(line.text).slice(-CONTEXT_CHARS), after: '' }).columnEnds, start).toBe(false);
    }
    // Text that is nowhere on the page is not found.
    expect(locate({ before: '不在版面上的字', after: '' }).atLineEnd).toBe(false);
  });
});
