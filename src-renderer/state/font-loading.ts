/**
 * Loads only the fonts a document's template refers to.
 *
 * 1. `collectFontRefs` gathers the family/weight pairs named by paragraph and character styles.
 * 2. `chooseFonts` maps each to the host's nearest-weight font of that family (the same rule as
 *    `createFontProvider.resolve`), deduplicated; references to unknown families are reported, not guessed.
 * 3. `loadTemplateFonts` fetches the chosen fonts' bytes (binary over IPC and HTTP alike) and parses them
 *    with `loadFont`, caching by font id so a second document reuses fonts already parsed.
 */
import type { FontInfo, Host } from '../../src-core/api/host-api.js';
import type { FontRef, Template } from '../../src-core/model/template.js';
import { loadFont, type LoadedFont } from '../../src-core/text/font.js';
import { UiMessageError, type UiMessage } from './ui-message.js';

/** Every distinct font reference (family + weight) used by the template's styles, in first-use order. */
export function collectFontRefs(template: Template): FontRef[] {
  const seen = new Map<string, FontRef>();
  const add = (ref: FontRef | undefined) => {
    if (!ref) return;
    const key = `${ref.family}|${ref.weight}`;
    if (!seen.has(key)) seen.set(key, { family: ref.family, weight: ref.weight });
  };
  for (const style of Object.values(template.paragraphStyles)) add(style.font);
  for (const style of Object.values(template.characterStyles)) add(style.font);
  return [...seen.values()];
}

/** Result of `chooseFonts`: the fonts to load and the references nothing available matches. */
export interface FontChoice {
  fonts: FontInfo[];
  missing: FontRef[];
}

/** Picks, for each reference, the available font of the same family with the nearest weight. */
export function chooseFonts(refs: readonly FontRef[], available: readonly FontInfo[]): FontChoice {
  const chosen = new Map<string, FontInfo>();
  const missing: FontRef[] = [];
  for (const ref of refs) {
    let best: FontInfo | undefined;
    for (const f of available) {
      if (f.family !== ref.family) continue;
      if (!best || Math.abs(f.weight - ref.weight) < Math.abs(best.weight - ref.weight)) best = f;
    }
    if (best) chosen.set(best.id, best);
    else missing.push(ref);
  }
  return { fonts: [...chosen.values()], missing };
}

/** Fonts loaded for a template, plus the problems to tell the user (missing families, failed loads) as messages. */
export interface LoadedTemplateFonts {
  fonts: LoadedFont[];
  problems: UiMessage[];
}

/** Loads (once per font id, via `cache`) the fonts the template needs. Never throws: problems are listed. */
export async function loadTemplateFonts(host: Host, template: Template, cache: Map<string, Promise<LoadedFont>>): Promise<LoadedTemplateFonts> {
  const problems: UiMessage[] = [];
  const listed = await host.listFonts({});
  if (!listed.ok) return { fonts: [], problems: [{ key: 'fonts.listFailed', values: { error: listed.error.message } }] };
  const { fonts: wanted, missing } = chooseFonts(collectFontRefs(template), listed.value);
  for (const ref of missing) problems.push({ key: 'fonts.notInstalled', values: { family: ref.family, weight: ref.weight } });
  const loaded = await Promise.all(
    wanted.map(async (info) => {
      let pending = cache.get(info.id);
      if (!pending) {
        pending = host.loadFont({ fontId: info.id }).then((res) => {
          if (!res.ok) throw new UiMessageError('fonts.loadFailed', { family: info.family, weight: info.weight, error: res.error.message });
          return loadFont({ id: info.id, family: info.family, weight: info.weight }, res.value.bytes);
        });
        cache.set(info.id, pending);
      }
      try {
        return await pending;
      } catch (err) {
        cache.delete(info.id);
        problems.push(err instanceof UiMessageError ? err.uiMessage : { key: 'fonts.loadFailed', values: { family: info.family, weight: info.weight, error: (err as Error).message } });
        return undefined;
      }
    }),
  );
  return { fonts: loaded.filter((f): f is LoadedFont => f !== undefined), problems };
}
