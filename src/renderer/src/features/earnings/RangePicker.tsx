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
  { kind: 'today', label: 'Today' },
  { kind: 'week', label: 'This week' },
  { kind: 'month', label: 'This month' },
] as const;

export function RangePicker({ range, from, to, onChange }: Props) {
  const [custom, setCustom] = useState(range.kind === 'custom');
  const [start, setStart] = useState(range.kind === 'custom' ? range.from : (from ?? ''));
  const [end, setEnd] = useState(range.kind === 'custom' ? range.to : (to ?? ''));
  const invalid = start !== '' && end !== '' && start > end;
  const apply = (event: FormEvent) => {
    event.preventDefault();
    if (start && end && !invalid) onChange({ kind: 'custom', from: start, to: end });
  };
  return (
    <div className="earnings-range">
      <div className="earnings-range__presets" role="group" aria-label="Period">
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
            {p.label}
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
          Custom range
        </button>
      </div>
      {custom ? (
        <form className="earnings-range__custom" onSubmit={apply}>
          <DateField label="From" value={start} onChange={setStart} invalid={invalid} />
          <DateField label="To" value={end} onChange={setEnd} invalid={invalid} />
          <button type="submit" className="button" disabled={invalid || !start || !end}>
            Show
          </button>
          {invalid ? (
            <span className="form-error" role="alert">
              The range must not end before it starts.
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
