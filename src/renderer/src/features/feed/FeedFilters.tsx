import { useId, useState, type FormEvent } from 'react';
import type { FeedSort } from '../../../../shared/contract/feed';
import { useFeed } from './feedStore';
import { channelLabel } from './format';

const sorts: { id: FeedSort; label: string }[] = [
  { id: 'payout', label: 'Highest payout' },
  { id: 'due', label: 'Due soonest' },
  { id: 'newest', label: 'Newest' },
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
    <form className="feed-filters" aria-label="Filter and sort the feed" onSubmit={applyMinPay}>
      <div className="feed-filters__field">
        <label htmlFor={ids.brand}>Brand</label>
        <select
          id={ids.brand}
          value={filters.brandId ?? ''}
          onChange={(e) => void setFilters({ brandId: parseChoice(e.target.value) })}
        >
          <option value="">All brands</option>
          {facets.brands.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.skill}>Skill</label>
        <select
          id={ids.skill}
          value={filters.skill ?? ''}
          onChange={(e) => void setFilters({ skill: parseChoice(e.target.value) })}
        >
          <option value="">Any skill</option>
          {facets.skills.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.channel}>Channel</label>
        <select
          id={ids.channel}
          value={filters.channel ?? ''}
          onChange={(e) =>
            void setFilters({ channel: parseChoice(e.target.value) as typeof filters.channel })
          }
        >
          <option value="">Any channel</option>
          {Object.entries(channelLabel).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.complexity}>Complexity</label>
        <select
          id={ids.complexity}
          value={filters.complexity ?? ''}
          onChange={(e) =>
            void setFilters({ complexity: e.target.value === '' ? null : Number(e.target.value) })
          }
        >
          <option value="">Any complexity</option>
          {[1, 2, 3, 4, 5].map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.pay}>Minimum payout</label>
        <input
          id={ids.pay}
          inputMode="decimal"
          placeholder="e.g. 5.00"
          value={minPay}
          onChange={(e) => setMinPay(e.target.value)}
          onBlur={() => applyMinPay()}
          aria-invalid={minPay.trim() !== '' && toMinor(minPay) === null}
        />
      </div>
      <div className="feed-filters__field">
        <label htmlFor={ids.sort}>Sort by</label>
        <select
          id={ids.sort}
          value={prefs.sort}
          onChange={(e) => void setSort(e.target.value as FeedSort)}
        >
          {sorts.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
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
          Clear filters
        </button>
      ) : null}
    </form>
  );
}
