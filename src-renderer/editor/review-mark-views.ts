/**
 * How the galley draws comments and tracked changes: the same elements and classes as the story schema's
 * `toDOM` (`span.pm-comment`, `ins.pm-insertion`, `del.pm-deletion`), plus a tooltip in the interface language
 * — who made the change or comment and when, the date in the user's time zone (`formatDateTime`) and an unsigned
 * one under the one placeholder author (`reviewAuthor`). The schema lives in src-core and speaks no language;
 * these mark views are where the tooltip is put into words.
 */
import type { Mark } from 'prosemirror-model';
import type { MarkViewConstructor } from 'prosemirror-view';
import type { Translator } from '../../src-core/i18n/translator.js';
import { DELETION_MARK, INSERTION_MARK } from '../../src-core/model/change-mark.js';
import { COMMENT_MARK } from '../../src-core/model/comment-mark.js';
import { formatDateTime } from '../panels/date-time.js';
import { reviewAuthor } from '../panels/review-text.js';

/** The tooltip of a tracked insertion or deletion: "王编辑 inserted (December 6, 2026 at 2:05 PM)". */
export function changeTitle(mark: Mark, translator: Pick<Translator, 't' | 'formatDate'>): string {
  const author = reviewAuthor(String(mark.attrs.author ?? ''), translator);
  const when = formatDateTime(new Date(String(mark.attrs.createdAt ?? '')), translator);
  const kind = mark.type.name === DELETION_MARK ? 'deleted' : 'inserted';
  return when ? translator.t('galley.changeTitle', { kind, author, when }) : translator.t('galley.changeTitleUndated', { kind, author });
}

/** The tooltip of a comment: its author and text. */
export function commentTitle(mark: Mark, translator: Pick<Translator, 't'>): string {
  return translator.t('galley.commentTitle', { author: reviewAuthor(String(mark.attrs.author ?? ''), translator), text: String(mark.attrs.text ?? '') });
}

/**
 * ProseMirror mark views for the galley (`EditorView`'s `markViews`): comments and tracked changes with their
 * tooltips in the language `translator()` speaks when the text is drawn.
 */
export function reviewMarkViews(translator: () => Pick<Translator, 't' | 'formatDate'>): Record<string, MarkViewConstructor> {
  const change = (tag: 'ins' | 'del', className: string): MarkViewConstructor => (mark) => {
    const dom = document.createElement(tag);
    dom.className = className;
    dom.dataset.change = String(mark.attrs.id);
    dom.title = changeTitle(mark, translator());
    return { dom };
  };
  return {
    [INSERTION_MARK]: change('ins', 'pm-insertion'),
    [DELETION_MARK]: change('del', 'pm-deletion'),
    [COMMENT_MARK]: (mark) => {
      const dom = document.createElement('span');
      dom.className = 'pm-comment';
      if (mark.attrs.resolved) dom.classList.add('pm-comment-resolved');
      dom.dataset.comment = String(mark.attrs.id);
      dom.title = commentTitle(mark, translator());
      return { dom };
    },
  };
}
