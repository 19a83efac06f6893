import { useId, useState, type FormEvent } from 'react';
import type { FeedSort } from '../../../../shared/contract/feed';
import { useFeed } from './feedStore';
import type { MessageId } from '../../i18n/catalogs';
import { useT } from '../../i18n/useT';
import { channelLabels } from './format';

const sorts: { id: FeedSort; label: MessageId }[] = [
  { id: 'payout', label: 'feed.sort.payout' },
  { id: 'due', label: 'feed.sort.due' },
  { id: 'newest', label: 'feed.sort.newest' },
];

const parseChoice = (value: string) => (value === '' ? null : value);

/** Minimum payout is typed in major units ("5" or "5.50") and kept in minor units. */
function toMinor(text: string): number | null {
  const value = text.trim().replace(',', '.');
  if (value === '') return null;
  if (!/^\d+(\.\d{0,2})?$/.test(value)) return null;
  const [whole, cents = ''] = value.split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0'));
}

export function FeedFilterBar() {
  const { prefs, facets, setFilters, setSort, clearFilters } = useFeed();
  const t = useT();
  const ids = {
    brand: useId(),
    skill: useId(),
    channel: useId(),
    complexity: useId(),
    pay: useId(),
    sort: useId(),
  };
  const { filters } = prefs;
  const [minPay, setMinPay] = useState(
    filters.minPayoutMinor === null ? '' : (filters.minPayoutMinor / 100).toFixed(2),
  );
  const applyMinPay = (event?: FormEvent) => {
    event?.preventDefault();
    void setFilters({ minPayoutMinor: toMinor(minPay) });
  };
  const active = Object.values(filters).some((v) => v !== null);
  return (
    <form className="feed-filters" aria-label={t('feed.filters.label')} onSubmit={applyMinPay}>
      <div className="feed-filters__field">
        <label htmlFor={ids.brand}>{t('feed.filters.brand')}</label>
        <select
          id={ids.brand}
          value={filters.brandId ?? ''}
          onChange={(e) => void setFilters({ brandId: parseChoice(e.target.value) })}
        >
          <option value="">{t('feed.filters.allBrands')}</option>
          {facets.brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.skill}>{t('feed.filters.skill')}</label>
        <select
          id={ids.skill}
          value={filters.skill ?? ''}
          onChange={(e) => void setFilters({ skill: parseChoice(e.target.value) })}
        >
          <option value="">{t('feed.filters.anySkill')}</option>
          {facets.skills.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.channel}>{t('feed.filters.channel')}</label>
        <select
          id={ids.channel}
          value={filters.channel ?? ''}
          onChange={(e) =>
            void setFilters({ channel: parseChoice(e.target.value) as typeof filters.channel })
          }
        >
          <option value="">{t('feed.filters.anyChannel')}</option>
          {Object.entries(channelLabels).map(([id, label]) => (
            <option key={id} value={id}>
              {t(label)}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.complexity}>{t('feed.filters.complexity')}</label>
        <select
          id={ids.complexity}
          value={filters.complexity ?? ''}
          onChange={(e) =>
            void setFilters({ complexity: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">{t('feed.filters.anyComplexity')}</option>
          {[1, 2, 3, 4, 5].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.pay}>{t('feed.filters.minPayout')}</label>
        <input
          id={ids.pay}
          inputMode="decimal"
          placeholder={t('feed.filters.minPayoutExample', { example: (5).toFixed(2) })}
          value={minPay}
          onChange={(e) => setMinPay(e.target.value)}
          onBlur={() => applyMinPay()}
          aria-invalid={minPay.trim() !== '' && toMinor(minPay) === null}
        />
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.sort}>{t('feed.filters.sort')}</label>
        <select
          id={ids.sort}
          value={prefs.sort}
          onChange={(e) => void setSort(e.target.value as FeedSort)}
        >
          {sorts.map((s) => (
            <option key={s.id} value={s.id}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </div>
      {active ? (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            setMinPay('');
            void clearFilters();
          }}
        >
          {t('feed.filters.clear')}
        </button>
      ) : null}
    </form>
  );
}
