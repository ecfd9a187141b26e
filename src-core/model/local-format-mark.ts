/**
 * The ProseMirror mark spec of local formatting (`local`, local-format.ts): one attribute per override, each
 * null by default (inherit) and validated by `LocalFormatSchema` when a story is read into the editor, so a
 * bad override is refused with the field it is in.
 */
import type { MarkSpec } from 'prosemirror-model';
import { LOCAL_FORMAT_FIELDS, LOCAL_MARK, LocalFormatSchema, type LocalFormatField } from './local-format.js';

export { LOCAL_MARK };

function validator(field: LocalFormatField): (value: unknown) => void {
  const schema = LocalFormatSchema.shape[field];
  return (value) => {
    const parsed = schema.safeParse(value);
    // i18n-exempt: reaches the user only inside the "does not fit the story schema" error, which names the story
    if (!parsed.success) throw new RangeError(`local formatting ${field}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  };
}

const attrs: NonNullable<MarkSpec['attrs']> = {};
for (const field of LOCAL_FORMAT_FIELDS) attrs[field] = { default: null, validate: validator(field) };

/** The `local` mark: local overrides stay on typed text next to them (inclusive), like a character style. */
export const localMarkSpec: MarkSpec = {
  attrs,
  // No parseDOM: a paste brings text only (paste.ts), never someone's overrides from elsewhere.
  toDOM: (mark) => [
    'span',
    { class: 'pm-local', 'data-local': LOCAL_FORMAT_FIELDS.filter((f) => mark.attrs[f] !== null).join(' ') },
    0,
  ],
};
