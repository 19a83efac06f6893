import { useT } from '../../i18n/useT';
import { useId, useState, type FormEvent } from 'react';
import type { EarningsRange } from '../../../../shared/contract/earnings';

interface Props {
  range: EarningsRange;
  /** The days the current range covers, to prefill a custom range. */
  from: string | null;
  to: string | null;
  onChange: (range: EarningsRange) => void;
}

const presets = [
  { kind: 'today', label: 'earnings.today' },
  { kind: 'week', label: 'earnings.week' },
  { kind: 'month', label: 'earnings.month' },
] as const;

export function RangePicker({ range, from, to, onChange }: Props) {
  const [custom, setCustom] = useState(range.kind === 'custom');
  const t = useT();
  const [start, setStart] = useState(range.kind === 'custom' ? range.from : (from ?? ''));
  const [end, setEnd] = useState(range.kind === 'custom' ? range.to : (to ?? ''));
  const invalid = start !== '' && end !== '' && start > end;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (start && end && !invalid) onChange({ kind: 'custom', from: start, to: end });
  };
  return (
    <div className="earnings-range">
      <div className="earnings-range__presets" role="group" aria-label={t('earnings.period')}>
        {presets.map((p) => (
          <button
            key={p.kind}
            type="button"
            className="earnings-range__preset"
            aria-pressed={!custom && range.kind === p.kind}
            onClick={() => {
              setCustom(false);
              onChange({ kind: p.kind });
            }}
          >
            {t(p.label)}
          </button>
        ))}
        <button
          type="button"
          className="earnings-range__preset"
          aria-pressed={custom}
          onClick={() => {
            setCustom(true);
            if (!start && from) setStart(from);
            if (!end && to) setEnd(to);
          }}
        >
          {t('earnings.custom')}
        </button>
      </div>
      {custom ? (
        <form className="earnings-range__custom" onSubmit={apply}>
          <DateField
            label={t('earnings.from')}
            value={start}
            onChange={setStart}
            invalid={invalid}
          />
          <DateField label={t('earnings.to')} value={end} onChange={setEnd} invalid={invalid} />
          <button type="submit" className="button" disabled={invalid || !start || !end}>
            {t('earnings.show')}
          </button>
          {invalid ? (
            <span className="form-error" role="alert">
              {t('earnings.badRange')}
            </span>
          ) : null}
        </form>
      ) : null}
    </div>
  );
}

function DateField(props: {
  label: string;
  value: string;
  invalid: boolean;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="date"
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.invalid}
        required
      />
    </>
  );
}
