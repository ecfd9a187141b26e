/**
 * Makes the loaded template fonts available to DOM text in the UI (story galley, story names, panels), so
 * Chinese shows even where the system has no CJK font. The page itself never uses DOM text: the canvas draws
 * glyph outlines from these same bytes.
 *
 * 1. Chromium parses a FontFace given as bytes on the spot, about 100 ms for a CJK face: all of a template's
 *    faces at once would hold the first page and input back for over half a second. So the UI's own face (the
 *    panels' sans, 400) is registered at once, and the others one per idle task.
 * 2. Chromium keeps showing the fallback (tofu on a system without CJK fonts) for text it shaped before the
 *    face's family existed, even after the face arrives. So a face must be registered before its text is first
 *    shown: `flush` registers every face still waiting, and the session calls it before a story opens in the
 *    galley (whose text is set in the template's faces).
 */
import type { LoadedFont } from '../../src-core/text/font.js';

/** The family and weight the UI's panels are set in (App.svelte's font stack), registered without waiting. */
const UI_FAMILY = 'Noto Sans SC';
const UI_WEIGHT = 400;

/** A document's font faces for DOM text, registered once per font id. */
export class UiFontFaces {
  private readonly registered = new Set<string>();
  private pending: LoadedFont[] = [];

  /**
   * @param faces where faces go (document.fonts)
   * @param schedule runs a task at the next idle moment
   */
  constructor(
    private readonly faces: FontFaceSet,
    private readonly schedule: (task: () => void) => void,
  ) {}

  /** Registers `fonts` not registered yet: the UI face now, the rest one per scheduled task, in order. */
  add(fonts: readonly LoadedFont[]): void {
    for (const font of fonts) {
      if (this.registered.has(font.id)) continue;
      this.registered.add(font.id);
      if (font.family === UI_FAMILY && font.weight === UI_WEIGHT) {
        this.register(font);
        continue;
      }
      this.pending.push(font);
      this.schedule(() => {
        if (this.pending.includes(font)) this.register(font);
      });
    }
  }

  /** Registers every face still waiting for its idle task, now. */
  flush(): void {
    for (const font of [...this.pending]) this.register(font);
  }

  private register(font: LoadedFont): void {
    this.pending = this.pending.filter((f) => f !== font);
    const face = new FontFace(font.family, font.bytes as Uint8Array<ArrayBuffer>, { weight: String(font.weight), display: 'swap' });
    this.faces.add(face);
    // Loading happens in the background; a failure only leaves the UI with the system fallback.
    face.load().catch(() => this.faces.delete(face));
  }
}
