import { useT } from '../i18n/I18n';

const DAY = 86_400_000;

/** A calendar day in the browser's zone as `YYYY-MM-DD` (what `<input type="date">` holds). */
export function dayOf(ms: number) {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local midnight starting `day`. */
export function startOfDay(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y!, m! - 1, d!).getTime();
}

export interface Range {
  from: string;
  to: string;
}
export const lastDays = (n: number, now = Date.now()): Range => ({
  from: dayOf(now - n * DAY),
  to: dayOf(now),
});
/** [from's midnight, the midnight after `to`): `to` is included. */
export const rangeMs = (r: Range) => ({
  from: startOfDay(r.from),
  to: startOfDay(r.to) + DAY,
});

export function RangePicker({ value, onChange }: { value: Range; onChange: (r: Range) => void }) {
  const t = useT();
  return (
    <fieldset className="inline">
      <legend>{t('range.legend')}</legend>
      <label>
        {t('range.from')}{' '}
        <input
          type="date"
          value={value.from}
          max={value.to}
          onChange={(e) => e.target.value && onChange({ ...value, from: e.target.value })}
        />
      </label>
      <label>
        {t('range.to')}{' '}
        <input
          type="date"
          value={value.to}
          min={value.from}
          onChange={(e) => e.target.value && onChange({ ...value, to: e.target.value })}
        />
      </label>
    </fieldset>
  );
}
