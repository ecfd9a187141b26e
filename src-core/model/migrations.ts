/**
 * Schema migrations for documents and templates: numbered `up` steps, applied in order.
 *
 * 1. Read `schemaVersion` (files from before versioning count as version 0).
 * 2. Refuse versions newer than this build knows (a newer Folio wrote it): never guess.
 * 3. Apply `up` steps from the file's version to the current one; each step is pure JSON → JSON.
 */
import { DOCUMENT_SCHEMA_VERSION } from './document.js';
import { TEMPLATE_SCHEMA_VERSION } from './template.js';

/** A migration step from version `from` to `from + 1`. Pure: returns a new object. */
export interface Migration {
  from: number;
  description: string;
  up(json: Record<string, unknown>): Record<string, unknown>;
}

/** Raised when a file's schema version cannot be migrated: newer than this build reads, or without a migration path. */
export class SchemaVersionError extends RangeError {
  /**
   * @param kind 'document' or 'template' (an embedded template snapshot carries its own version)
   * @param found the file's schema version
   * @param current the newest version this build reads
   */
  constructor(readonly kind: string, readonly found: number, readonly current: number) {
    super(
      found > current
        ? `This ${kind} was written by a newer Folio (schema ${found}; this version reads up to ${current}). Update Folio to open it.`
        : `This ${kind} has schema version ${found}, which Folio cannot migrate (current ${current}).`,
    );
    this.name = 'SchemaVersionError';
  }
}

/** Raised when a file's `schemaVersion` is not a whole number ≥ 0; `value` is it as JSON text. */
export class SchemaVersionNumberError extends RangeError {
  constructor(readonly kind: string, readonly value: string) {
    super(`This ${kind}'s schemaVersion is not a whole number: ${value}`);
    this.name = 'SchemaVersionNumberError';
  }
}

/**
 * Version 0 → 1: pre-release files had no `schemaVersion` and kept page frames' geometry in millimetres
 * (`xMm`, `yMm`, `widthMm`, `heightMm`); version 1 stores points.
 */
const PT_PER_MM = 72 / 25.4;
const mmKeys = [['xMm', 'xPt'], ['yMm', 'yPt'], ['widthMm', 'widthPt'], ['heightMm', 'heightPt']] as const;

/** How the sample build described its generated photo in versions up to 7 (scripts/build-sample.ts). */
const SAMPLE_PLACEHOLDER_NOTE = 'Placeholder image generated for the sample';

/** Document migrations, index i migrates version i → i + 1. */
export const DOCUMENT_MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description: 'add schemaVersion; frame geometry from millimetres to points',
    up(json) {
      const pages = Array.isArray(json.pages) ? json.pages : [];
      return {
        ...json,
        schemaVersion: 1,
        pages: pages.map((page: Record<string, unknown>) => ({
          ...page,
          frames: (Array.isArray(page.frames) ? page.frames : []).map((frame: Record<string, unknown>) => {
            const out: Record<string, unknown> = { ...frame };
            for (const [mm, pt] of mmKeys) {
              if (typeof out[mm] === 'number' && out[pt] === undefined) {
                out[pt] = (out[mm] as number) * PT_PER_MM;
                delete out[mm];
              }
            }
            return out;
          }),
        })),
      };
    },
  },
  {
    from: 1,
    description: 'version 2 adds ICC profile assets and outputProfileAssetId; version 1 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 2 }),
  },
  {
    from: 2,
    description: "version 3 adds proofreaders' comments (the story `comment` mark); version 2 files are valid as they are",
    up: (json) => ({ ...json, schemaVersion: 3 }),
  },
  {
    from: 3,
    description: 'version 4 adds text wrap on frames (`wrap`); version 3 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 4 }),
  },
  {
    from: 4,
    description: 'version 5 adds tracked changes (the story `insertion` and `deletion` marks); version 4 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 5 }),
  },
  {
    from: 5,
    description: 'version 6 adds the text-wrap mode (`wrap.mode`: jump or around); version 5 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 6 }),
  },
  {
    from: 6,
    description: 'version 7 adds tracked paragraph breaks (the textblock `change` attribute); version 6 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 7 }),
  },
  {
    from: 7,
    description: "version 8 marks placeholder pictures (`asset.placeholder`): the sample's generated photo, known by the note it was built with",
    up(json) {
      const assets = json.assets && typeof json.assets === 'object' ? (json.assets as Record<string, Record<string, unknown>>) : undefined;
      if (!assets) return { ...json, schemaVersion: 8 };
      // Saved copies of the sample carry its generated photo too, and it must not reach the press from them either.
      const marked = Object.fromEntries(Object.entries(assets).map(([id, asset]) =>
        [id, typeof asset?.note === 'string' && asset.note.startsWith(SAMPLE_PLACEHOLDER_NOTE) ? { ...asset, placeholder: true } : asset]));
      return { ...json, schemaVersion: 8, assets: marked };
    },
  },
  {
    from: 8,
    description: 'version 9 adds line styles (`lineStyle` on rules and boxes, `columnRuleStyle` on text frames), rounded box corners (`cornerRadiusPt`), frame tints (`fill` on text frames) and black-and-white pages and pictures (`mono`); version 8 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 9 }),
  },
  {
    from: 9,
    description: 'version 10 adds rotated pictures and boxes (`rotationDeg`), TIFF assets (`image/tiff`), unequal and balanced columns (`columnWidthsPt`, `balance` on text frames), paragraphs across columns (`spanColumns`), local formatting (the `local` mark), tables in stories (`table` nodes), display effects and paragraph shading in styles (`outline`, `hollow`, `shadow`, `shading`) and character styles with size, tracking and baseline shift; version 9 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 10 }),
  },
  {
    from: 10,
    description: 'version 11 adds straddle heads from any column (`spanFromColumn`) and 变栏 sections (`sectionColumns`) on paragraphs, and decorative border styles (`wave`, `zigzag`, `diamonds`) for rules, boxes, column and table rules; version 10 files are valid as they are',
    up: (json) => ({ ...json, schemaVersion: 11 }),
  },
];

/** Template migrations, index i migrates version i → i + 1. */
export const TEMPLATE_MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    description: 'add schemaVersion',
    up: (json) => ({ ...json, schemaVersion: 1 }),
  },
];

function migrate(kind: string, json: Record<string, unknown>, steps: readonly Migration[], current: number): Record<string, unknown> {
  const raw = json.schemaVersion;
  const found = raw === undefined ? 0 : typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : NaN;
  if (Number.isNaN(found)) throw new SchemaVersionNumberError(kind, String(JSON.stringify(raw)));
  if (found > current) throw new SchemaVersionError(kind, found, current);
  let out = json;
  for (let v = found; v < current; v++) {
    const step = steps[v];
    if (!step || step.from !== v) throw new SchemaVersionError(kind, found, current);
    out = step.up(out);
  }
  return out;
}

/** Migrates document JSON to the current schema version. @throws SchemaVersionError / SchemaVersionNumberError */
export function migrateDocument(json: Record<string, unknown>): Record<string, unknown> {
  const migrated = migrate('document', json, DOCUMENT_MIGRATIONS, DOCUMENT_SCHEMA_VERSION);
  // The embedded template snapshot carries its own version.
  if (migrated.template && typeof migrated.template === 'object') {
    return { ...migrated, template: migrateTemplate(migrated.template as Record<string, unknown>) };
  }
  return migrated;
}

/** Migrates template JSON to the current schema version. @throws SchemaVersionError / SchemaVersionNumberError */
export function migrateTemplate(json: Record<string, unknown>): Record<string, unknown> {
  return migrate('template', json, TEMPLATE_MIGRATIONS, TEMPLATE_SCHEMA_VERSION);
}
