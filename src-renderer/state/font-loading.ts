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
import { asServiceMessage, englishLine, type ServiceMessage, type ServiceMessageValue } from '../../src-core/i18n/service-message.js';
import type { HostError } from '../../src-core/api/host-api.js';

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

/**
 * Fonts loaded for a template, plus the problems to tell the user (missing families, failed loads) as messages;
 * a host's failure is a value of its own (its catalogue message, or its English words), said in the same language.
 */
export interface LoadedTemplateFonts {
  fonts: LoadedFont[];
  problems: ServiceMessage[];
}

/** What went wrong at the host, for a problem's `{error}`: its catalogue line when it has one, else its words. */
function hostFailure(error: HostError): ServiceMessageValue {
  return asServiceMessage(error.uiMessage) ?? error.message;
}

/** A font the host could not give, with its problem already in words (`fonts.loadFailed`). */
class FontLoadFailure extends Error {
  constructor(readonly problem: ServiceMessage) {
    super(englishLine(problem));
    this.name = 'FontLoadFailure'; // i18n-exempt: the class name, for logs
  }
}

/** Loads (once per font id, via `cache`) the fonts the template needs. Never throws: problems are listed. */
export async function loadTemplateFonts(host: Host, template: Template, cache: Map<string, Promise<LoadedFont>>): Promise<LoadedTemplateFonts> {
  const problems: ServiceMessage[] = [];
  const listed = await host.listFonts({});
  if (!listed.ok) return { fonts: [], problems: [{ key: 'fonts.listFailed', values: { error: hostFailure(listed.error) } }] };
  const { fonts: wanted, missing } = chooseFonts(collectFontRefs(template), listed.value);
  for (const ref of missing) problems.push({ key: 'fonts.notInstalled', values: { family: ref.family, weight: ref.weight } });
  const loaded = await Promise.all(
    wanted.map(async (info) => {
      let pending = cache.get(info.id);
      if (!pending) {
        pending = host.loadFont({ fontId: info.id }).then((res) => {
          if (!res.ok) throw new FontLoadFailure({ key: 'fonts.loadFailed', values: { family: info.family, weight: info.weight, error: hostFailure(res.error) } });
          return loadFont({ id: info.id, family: info.family, weight: info.weight }, res.value.bytes);
        });
        cache.set(info.id, pending);
      }
      try {
        return await pending;
      } catch (err) {
        cache.delete(info.id);
        // A font file the parser refuses: its words are the detail, in parentheses in Chinese.
        problems.push(err instanceof FontLoadFailure ? err.problem : { key: 'fonts.parseFailed', values: { family: info.family, weight: info.weight, error: (err as Error).message } });
        return undefined;
      }
    }),
  );
  return { fonts: loaded.filter((f): f is LoadedFont => f !== undefined), problems };
}
