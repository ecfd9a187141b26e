import { afterEach, describe, expect, it, vi } from 'vitest';
import { UiFontFaces } from '../../../src-renderer/state/ui-fonts.js';
import type { LoadedFont } from '../../../src-core/text/font.js';

const font = (id: string, family: string, weight: number) => ({ id, family, weight, bytes: new Uint8Array(4) }) as unknown as LoadedFont;

describe('UI font faces', () => {
  afterEach(() => vi.unstubAllGlobals());

  function setUp() {
    const created: string[] = [];
    vi.stubGlobal('FontFace', class {
      constructor(readonly family: string, _bytes: Uint8Array, readonly descriptors: { weight: string }) {
        created.push(`${family} ${descriptors.weight}`);
      }
      load() {
        return Promise.resolve(this);
      }
    });
    const faces = { add: () => undefined, delete: () => true } as unknown as FontFaceSet;
    const tasks: (() => void)[] = [];
    return { created, tasks, ui: new UiFontFaces(faces, (task) => tasks.push(task)) };
  }

  it('registers the panels’ face at once and the others one per scheduled task, each font once', () => {
    const { created, tasks, ui } = setUp();
    ui.add([font('serif-400', 'Noto Serif SC', 400), font('sans-400', 'Noto Sans SC', 400), font('serif-900', 'Noto Serif SC', 900)]);
    expect(created).toEqual(['Noto Sans SC 400']);
    expect(tasks).toHaveLength(2);
    tasks[0]!();
    expect(created).toEqual(['Noto Sans SC 400', 'Noto Serif SC 400']);
    tasks[1]!();
    expect(created).toEqual(['Noto Sans SC 400', 'Noto Serif SC 400', 'Noto Serif SC 900']);
    // A second template naming one of them again schedules only the new face.
    ui.add([font('serif-900', 'Noto Serif SC', 900), font('sans-700', 'Noto Sans SC', 700)]);
    expect(tasks).toHaveLength(3);
  });

  it('flush registers what is still waiting, and the waiting tasks then do nothing', () => {
    const { created, tasks, ui } = setUp();
    ui.add([font('serif-400', 'Noto Serif SC', 400), font('serif-700', 'Noto Serif SC', 700)]);
    expect(created).toEqual([]);
    ui.flush();
    expect(created).toEqual(['Noto Serif SC 400', 'Noto Serif SC 700']);
    for (const task of tasks) task();
    expect(created).toHaveLength(2);
  });
});
