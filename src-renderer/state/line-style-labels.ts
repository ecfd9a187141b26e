/**
 * The name of each line style (花线) in the interface language, for every picker that lists them: the Inspector's
 * rule, box and column-rule pickers and the table panel's cell rules.
 */
import type { LineStyle } from '../../src-core/model/line-style.js';
import type { MessageKey } from '../../src-core/i18n/messages/en.js';

/** Catalogue key of each line style's name; a new style without a name is a type error here. */
export const LINE_STYLE_LABEL: Readonly<Record<LineStyle, MessageKey>> = {
  solid: 'lineStyle.solid',
  dashed: 'lineStyle.dashed',
  dotted: 'lineStyle.dotted',
  'dash-dot': 'lineStyle.dashDot',
  double: 'lineStyle.double',
  'thick-thin': 'lineStyle.thickThin',
  'thin-thick': 'lineStyle.thinThick',
  wave: 'lineStyle.wave',
  zigzag: 'lineStyle.zigzag',
  diamonds: 'lineStyle.diamonds',
};
