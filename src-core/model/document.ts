import { z } from 'zod';
import { PageSchema, StorySchema } from './frame.js';
import { TemplateSchema } from './template.js';

export * from './frame.js';

/** Current document schema version. Older files are migrated on load. */
export const DOCUMENT_SCHEMA_VERSION = 11;

/** A binary asset stored in the .folio zip under `assets/`. */
export const AssetSchema = z.object({
  id: z.string().min(1),
  /** Path inside the zip, always under assets/. */
  path: z.string().regex(/^assets\/[^/\\]+$/),
  mime: z.enum(['image/png', 'image/jpeg', 'image/tiff', 'application/pdf', 'font/ttf', 'font/otf', 'application/vnd.iccprofile']),
  widthPx: z.number().int().positive().optional(),
  heightPx: z.number().int().positive().optional(),
  /** Placed PDFs: the size of page 1's TrimBox, points (the asset's natural size; PDFs have no pixels). */
  widthPt: z.number().positive().optional(),
  heightPt: z.number().positive().optional(),
  /**
   * Free note. Pictures and adverts placed from the workspace carry `placed from FILE`: the only record of the
   * file's name, which `assetFileName` reads.
   */
  note: z.string().optional(),
  /**
   * True for a stand-in picture (the sample's generated crossed photo) that must be replaced before the page
   * goes to press: drawn like any picture, but a preflight error in print presets.
   */
  placeholder: z.boolean().optional(),
  /**
   * ICC output profiles: total ink of the profile's darkest black (sRGB black separated through it), percent —
   * what the press will get in a picture's deepest shadows.
   */
  totalInkPct: z.number().positive().optional(),
});
/** An asset. */
export type Asset = z.infer<typeof AssetSchema>;

/** Whether a YYYY-MM-DD string names a day that exists (months 1–12, days within the month, leap years). */
function isCalendarDate(iso: string): boolean {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** What placing a file writes into the asset's note before the file's name (see `AssetSchema.note`). */
export const PLACED_FROM_NOTE_PREFIX = 'placed from ';

/**
 * The name a user knows an asset by: the file it was placed from (`photo.jpg`), else its file name inside the
 * document (`photo-placeholder.png`). Never empty; never the content-hash id alone when a name is known.
 */
export function assetFileName(asset: Asset): string {
  if (asset.note?.startsWith(PLACED_FROM_NOTE_PREFIX) && asset.note.length > PLACED_FROM_NOTE_PREFIX.length) {
    return asset.note.slice(PLACED_FROM_NOTE_PREFIX.length);
  }
  return asset.path.slice(asset.path.lastIndexOf('/') + 1);
}

/** A Folio document: one issue (or part of one) with its template snapshot, stories, pages and assets. */
export const FolioDocumentSchema = z.object({
  schemaVersion: z.literal(DOCUMENT_SCHEMA_VERSION),
  id: z.string().min(1),
  title: z.string(),
  issue: z.object({
    paper: z.string(),
    /** ISO date of the issue, YYYY-MM-DD. */
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine(isCalendarDate, { message: 'not a date on the calendar (e.g. 2023-02-31)' }),
    edition: z.string().default(''),
    number: z.string().default(''),
    /** True when masthead values are invented sample data. */
    sampleData: z.boolean().default(false),
  }),
  template: TemplateSchema,
  stories: z.record(z.string(), StorySchema),
  pages: z.array(PageSchema).min(1),
  assets: z.record(z.string(), AssetSchema).default({}),
  /**
   * The plant's ICC output profile (an asset of type application/vnd.iccprofile): embedded in print PDFs as
   * the output intent and used to separate RGB pictures. Absent: the template's registered condition alone.
   */
  outputProfileAssetId: z.string().min(1).optional(),
});
/** A validated Folio document. Treat as immutable: change it only through commands. */
export type FolioDocument = z.infer<typeof FolioDocumentSchema>;
