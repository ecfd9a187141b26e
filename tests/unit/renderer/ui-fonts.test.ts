import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerUiFonts } from '../../../src-renderer/state/ui-fonts.js';
import type { LoadedFont } from '../../../src-core/text/font.js';

const font = (id: string, weight: number) => ({ id, family: 'Noto Serif SC', weight, bytes: new Uint8Array(4) }) as unknown as LoadedFont;

describe('UI font faces', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('are registered once per font, one face per scheduled task, in the order given', async () => {
    const created: string[] = [];
    vi.stubGlobal('FontFace', class {
      constructor(readonly family: string, _bytes: Uint8Array, readonly descriptors: { weight: string }) {
        created.push(`${family} ${descriptors.weight}`);
      }
      load() {
        return Promise.resolve(this);
      }
    });
    const added: unknown[] = [];
    const faces = { add: (f: unknown) => added.push(f), delete: () => true } as unknown as FontFaceSet;
    const tasks: (() => void)[] = [];
    const registered = new Set<string>();
    registerUiFonts([font('serif-400', 400), font('serif-900', 900)], registered, faces, (task) => tasks.push(task));
    // Nothing is parsed until the tasks run, and each task parses one face.
    expect(created).toEqual([]);
    expect(tasks).toHaveLength(2);
    tasks[0]!();
    expect(created).toEqual(['Noto Serif SC 400']);
    tasks[1]!();
    expect(created).toEqual(['Noto Serif SC 400', 'Noto Serif SC 900']);
    expect(added).toHaveLength(2);
    // A second template naming one of them again schedules only the new face.
    registerUiFonts([font('serif-900', 900), font('sans-700', 700)], registered, faces, (task) => tasks.push(task));
    expect(tasks).toHaveLength(3);
  });
});
