/**
 * Fonts on disk: the bundled defaults (npm packages under node_modules) and user fonts from font folders.
 *
 * 1. Catalogue: DEFAULT_FONTS resolved with Node's module resolution (works from the repo, a packaged app's
 *    node_modules, or any cwd), plus every .ttf/.otf file directly in each user fonts folder (family and weight
 *    read from the font's own name and OS/2 tables).
 * 2. Bytes: read on request and cached (a font is 10–15 MB; the renderer asks for whole files to draw with).
 * 3. Provider: for a document, load every weight of each family its template names, so the FontProvider's
 *    nearest-weight rule sees the same candidates as it would with every font loaded. These fonts are opened
 *    partially (`font-file.ts`): the composer and exporter read only the outlines a page uses.
 */
import { promises as fsp } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { create, type Font as FontkitFont } from 'fontkit';
import type { FontInfo } from '../../src-core/api/host-api.js';
import type { Template } from '../../src-core/model/template.js';
import { DEFAULT_FONTS, createFontProvider, loadFont, type FontProvider, type LoadedFont } from '../../src-core/text/font.js';
import { openFontFile, readFontFile, type OpenFontFile } from './font-file.js';

/** A font the host can supply, with where its bytes live. */
export interface FontEntry extends FontInfo {
  filePath: string;
  /** 'default' for the bundled fonts, 'user' for files from a fonts folder. */
  source: 'default' | 'user';
}

/** The font catalogue of one services instance. */
export interface FontCatalogue {
  /** Every available font (defaults first, then user fonts by file name). Scanned once, then cached. */
  list(): Promise<FontEntry[]>;
  /**
   * The bytes of a font by id.
   * @throws RangeError when no font has that id
   */
  bytes(fontId: string): Promise<Uint8Array>;
  /**
   * A FontProvider holding every weight of each family the template uses (parsed once per font, cached; the
   * files stay open so outlines can be read as pages need them).
   */
  providerFor(template: Template): Promise<FontProvider>;
  /** Closes the font files the providers opened; fonts already handed out can no longer read outlines. */
  close(): void;
}

/** User font file extensions we read (collections .ttc must be split first; fontkit returns a collection). */
const USER_FONT_EXTENSIONS = new Set(['.ttf', '.otf']);

/** Font ids are `[a-z0-9-]+` (the host API's schema). */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'font';
}

/**
 * Resolves a node_modules-relative file path (DEFAULT_FONTS `file`) to an absolute path, with Node's module
 * resolution starting at `from` (a file path or URL; default: this module).
 */
export function resolveDefaultFontFile(file: string, from: string = import.meta.url): string {
  return createRequire(from).resolve(file);
}

async function scanUserFonts(fontsDirs: readonly string[]): Promise<FontEntry[]> {
  const entries: FontEntry[] = [];
  const usedIds = new Set<string>();
  for (const dir of fontsDirs) {
    let names: string[];
    try {
      names = (await fsp.readdir(dir)).sort();
    } catch {
      continue; // A configured fonts folder that does not exist simply adds no fonts.
    }
    for (const name of names) {
      if (!USER_FONT_EXTENSIONS.has(path.extname(name).toLowerCase())) continue;
      const filePath = path.join(dir, name);
      let font: FontkitFont;
      try {
        const parsed = create(Buffer.from(await readFontFile(filePath)));
        if (!('unitsPerEm' in parsed)) continue;
        font = parsed as FontkitFont;
      } catch {
        continue; // Not a readable font: leave it out rather than fail the whole list.
      }
      let id = `user-${slug(path.basename(name, path.extname(name)))}`;
      for (let n = 2; usedIds.has(id); n++) id = `${id}-${n}`;
      usedIds.add(id);
      const os2 = (font as unknown as { 'OS/2'?: { usWeightClass?: number } })['OS/2'];
      const weight = Math.min(900, Math.max(100, Math.round((os2?.usWeightClass ?? 400) / 100) * 100));
      entries.push({ id, family: font.familyName || name, weight, filePath, source: 'user' });
    }
  }
  return entries;
}

/** Font families and weights a template refers to. */
function familiesOf(template: Template): Set<string> {
  const families = new Set<string>();
  for (const style of Object.values(template.paragraphStyles)) families.add(style.font.family);
  for (const style of Object.values(template.characterStyles)) if (style.font) families.add(style.font.family);
  return families;
}

/** Options of `createFontCatalogue`. */
export interface FontCatalogueOptions {
  /** Folders of user fonts (.ttf/.otf); missing folders add nothing. */
  fontsDirs: readonly string[];
  /** File (path or URL) from which npm packages are resolved, e.g. the app's package.json; default: this module. */
  modulesFrom?: string;
}

/** Creates the font catalogue over the bundled defaults and the given user fonts folders. */
export function createFontCatalogue(options: FontCatalogueOptions): FontCatalogue {
  let listing: Promise<FontEntry[]> | undefined;
  const byteCache = new Map<string, Promise<Uint8Array>>();
  const parsedCache = new Map<string, LoadedFont>();
  const openFiles: OpenFontFile[] = [];

  const list = (): Promise<FontEntry[]> => {
    listing ??= (async () => {
      const defaults: FontEntry[] = DEFAULT_FONTS.map((f) => ({
        id: f.id,
        family: f.family,
        weight: f.weight,
        filePath: resolveDefaultFontFile(f.file, options.modulesFrom),
        source: 'default' as const,
      }));
      return [...defaults, ...(await scanUserFonts(options.fontsDirs))];
    })();
    return listing;
  };

  const bytes = async (fontId: string): Promise<Uint8Array> => {
    const entry = (await list()).find((f) => f.id === fontId);
    if (!entry) throw new RangeError(`There is no font with id "${fontId}".`);
    let pending = byteCache.get(fontId);
    if (!pending) {
      pending = readFontFile(entry.filePath);
      byteCache.set(fontId, pending);
      pending.catch(() => byteCache.delete(fontId));
    }
    return pending;
  };

  return {
    list,
    bytes,
    async providerFor(template) {
      const families = familiesOf(template);
      const wanted = (await list()).filter((f) => families.has(f.family));
      const loaded: LoadedFont[] = [];
      for (const entry of wanted) {
        let font = parsedCache.get(entry.id);
        if (!font) {
          const file = openFontFile(entry.filePath);
          try {
            font = loadFont({ id: entry.id, family: entry.family, weight: entry.weight }, file);
          } catch (err) {
            if (!(file instanceof Uint8Array)) file.close();
            throw err;
          }
          if (!(file instanceof Uint8Array)) openFiles.push(file);
          parsedCache.set(entry.id, font);
        }
        loaded.push(font);
      }
      return createFontProvider(loaded);
    },
    close() {
      for (const file of openFiles.splice(0)) file.close();
      parsedCache.clear();
    },
  };
}
