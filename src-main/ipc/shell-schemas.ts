/**
 * Payload schemas of the desktop-only IPC messages (native dialogs, dirty state). Host channels use
 * HostPayloadSchemas from the host API; these follow the same rule: every message is validated.
 */
import { z } from 'zod';
import { UI_LOCALES } from '../../src-core/i18n/locale.js';
import type { ShellChannel } from './channels.js';

/** What a save dialog is choosing. */
export const SavePathKindSchema = z.enum(['folio', 'pdf', 'dir']);

/** Payload schemas of the desktop-only invoke channels. */
export const ShellPayloadSchemas = {
  chooseOpenPath: z.object({}),
  chooseSavePath: z.object({ kind: SavePathKindSchema.default('folio'), defaultName: z.string().min(1).max(255).optional() }),
} as const satisfies Record<ShellChannel, z.ZodType>;

/** Payload of the one-way `folio:setDirty` message. */
export const SetDirtySchema = z.object({ dirty: z.boolean() });

/** Payload of the one-way `folio:setUiLocale` message: one of the interface languages, exactly. */
export const SetUiLocaleSchema = z.object({ locale: z.enum(UI_LOCALES) }).strict();
