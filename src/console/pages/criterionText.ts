import type { CriterionProgress } from '../../shared/domain/ladder';
import type { Format, T } from '../i18n/I18n';

/** One ladder criterion as the admin reads it: what the advocate has against what the rung asks. */
export function criterionText(c: CriterionProgress, t: T, f: Format): string {
  switch (c.kind) {
    case 'resolved':
      return t('promotions.criterion.resolved', { have: f.number(c.have), need: f.number(c.need) });
    case 'rating':
      return t('promotions.criterion.rating', {
        have: c.haveTenths === null ? t('promotions.noRating') : f.number(c.haveTenths / 10, 1),
        need: f.number(c.needTenths / 10, 1),
        rated: f.number(c.rated),
        window: f.number(c.window),
      });
    case 'reopen_rate':
      return t('promotions.criterion.reopenRate', {
        have: f.percent(c.haveBps / 10_000),
        max: f.percent(c.maxBps / 10_000),
      });
    case 'certification':
      return t('promotions.criterion.certification', { skill: c.skill });
    case 'tenure':
      return t('promotions.criterion.tenure', {
        have: f.number(c.haveDays),
        need: f.number(c.needDays),
      });
  }
}

/** The same criterion as a CSV field: raw figures, no words to translate. */
export function criterionCsv(c: CriterionProgress): string {
  const mark = c.met ? 'met' : 'unmet';
  switch (c.kind) {
    case 'resolved':
      return `resolved ${c.have}/${c.need} ${mark}`;
    case 'rating':
      return `rating ${c.haveTenths ?? '-'}/${c.needTenths} tenths over ${c.rated}/${c.window} ${mark}`;
    case 'reopen_rate':
      return `reopen_rate ${c.haveBps}/${c.maxBps} bps ${mark}`;
    case 'certification':
      return `certification ${c.skill} ${mark}`;
    case 'tenure':
      return `tenure ${c.haveDays}/${c.needDays} days ${mark}`;
  }
}
