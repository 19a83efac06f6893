import type { MessageId } from '../../i18n/catalogs';
import type { Formatters } from '../../i18n/format';
import type { useT } from '../../i18n/useT';
import { kindLabel } from './format';

/** A line of a case's pay as the server computed it; its `label` is the server's English. */
export interface PayoutLine {
  kind: string;
  label: string;
  factorBps: number | null;
}

/** What the line's wording needs to know about the case (null where it is not known). */
export interface LineFacts {
  complexity: number | null;
  outcome: string | null;
  stars: number | null;
}

const isEntryKind = (kind: string): kind is keyof typeof kindLabel =>
  Object.hasOwn(kindLabel, kind);

const ageingBonus: MessageId = 'earnings.line.ageingBonus';

/**
 * One place that words a payout line in the advocate's language, for the earnings breakdown and
 * the closing dialog's quote alike; the server's English label only for a kind this app does not
 * know (or a line missing the fact its wording needs).
 */
export function payoutLineLabel(
  line: PayoutLine,
  facts: LineFacts,
  t: ReturnType<typeof useT>,
  f: Formatters,
): string {
  switch (line.kind) {
    case 'base':
      return facts.complexity === null
        ? line.label
        : t('earnings.line.base', { level: facts.complexity });
    case 'multiplier':
      return line.factorBps === null || facts.outcome === null
        ? line.label
        : t('earnings.line.multiplier', {
            percent: f.percent(line.factorBps / 10_000),
            outcome: facts.outcome,
          });
    case 'rating_bonus':
      return facts.stars
        ? t('earnings.line.ratingBonus', { stars: facts.stars })
        : t('earnings.kind.rating_bonus');
    case 'tip':
      return t('earnings.line.tip');
    case 'ageing_bonus':
      return t(ageingBonus);
    default:
      return isEntryKind(line.kind) ? t(kindLabel[line.kind]) : line.label;
  }
}
