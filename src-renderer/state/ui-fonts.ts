/**
 * Makes the loaded template fonts available to DOM text in the UI (story galley, story names, panels), so
 * Chinese shows even where the system has no CJK font. The page itself never uses DOM text: the canvas draws
 * glyph outlines from these same bytes.
 */
import type { LoadedFont } from '../../src-core/text/font.js';

/**
 * Registers each font once as a CSS font face under its family name and weight, one face per task that
 * `schedule` runs: Chromium parses a face given as bytes on the spot, about 100 ms for a CJK face, so all of a
 * template's faces in one task would hold input back for over half a second.
 */
export function registerUiFonts(fonts: readonly LoadedFont[], registered: Set<string>, faces: FontFaceSet, schedule: (task: () => void) => void): void {
  for (const font of fonts) {
    if (registered.has(font.id)) continue;
    registered.add(font.id);
    schedule(() => {
      const face = new FontFace(font.family, font.bytes as Uint8Array<ArrayBuffer>, { weight: String(font.weight), display: 'swap' });
      faces.add(face);
      // Loading happens in the background; a failure only leaves the UI with the system fallback.
      face.load().catch(() => faces.delete(face));
    });
  }
}
