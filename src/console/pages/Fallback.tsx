import { type FormEvent, useEffect, useRef, useState } from 'react';
import { FallbackRules } from '../../shared/domain/fallback';
import { TimeToClaim } from '../../shared/trustProtocol';
import { change, getJson, withQuery } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { canChange, useSession } from '../session';
import { FieldNotes, fieldAria, issueAt } from '../ui/FieldNotes';
import { lastDays, RangePicker, rangeMs } from '../ui/RangePicker';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { type Column, Table } from '../ui/Table';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

type Field = 'widenAtPercent' | 'bonusAtPercent' | 'ageingBonusMinor' | 'escalateAtPercent';
const fields: { name: Field; label: MessageId; hint: MessageId }[] = [
  { name: 'widenAtPercent', label: 'fallback.widenAtPercent', hint: 'fallback.percentHint' },
  { name: 'bonusAtPercent', label: 'fallback.bonusAtPercent', hint: 'fallback.percentHint' },
  { name: 'ageingBonusMinor', label: 'fallback.ageingBonusMinor', hint: 'fallback.minorHint' },
  { name: 'escalateAtPercent', label: 'fallback.escalateAtPercent', hint: 'fallback.escalateHint' },
];
type Form = Record<Field, string>;

const toForm = (r: FallbackRules): Form => ({
  widenAtPercent: r.widenAtPercent === undefined ? '' : String(r.widenAtPercent),
  bonusAtPercent: r.bonusAtPercent === undefined ? '' : String(r.bonusAtPercent),
  ageingBonusMinor: String(r.ageingBonusMinor),
  escalateAtPercent: r.escalateAtPercent === undefined ? '' : String(r.escalateAtPercent),
});

/** Empty = the step is off (omitted); otherwise a number, or the text for the server to name. */
function toBody(f: Form) {
  const body: Record<string, unknown> = {};
  for (const { name } of fields) {
    const v = f[name].trim();
    if (v === '') continue;
    body[name] = Number.isNaN(Number(v)) ? v : Number(v);
  }
  return body;
}

/**
 * The brand's fallback ladder for unclaimed work (widen the skills at a share of the SLA, add an
 * ageing bonus, hand to the contact centre) and how long tasks waited for a first claim.
 */
export function Fallback() {
  const t = useT();
  return (
    <section aria-labelledby="fallback-title">
      <h1 id="fallback-title">{t('nav.fallback')}</h1>
      <p className="muted">{t('fallback.intro')}</p>
      <FallbackForm />
      <TimeToClaimFigures />
    </section>
  );
}

function FallbackForm() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const rules = useLoad(() => getJson('/v1/admin/fallback-rules', FallbackRules), []);
  const [form, setForm] = useState<Form>();
  const action = useAction(rules.reload);
  // What the server holds as far as this page knows: the last load, or the last save's answer
  // (a second save may come before the reload after the first has answered).
  const known = useRef<string>(undefined);
  useEffect(() => {
    if (rules.data) known.current = JSON.stringify(rules.data);
  }, [rules.data]);
  useEffect(() => {
    if (rules.data) setForm(toForm(rules.data));
  }, [rules.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form) return;
    void action.run(
      () => change('PUT', '/v1/admin/fallback-rules', toBody(form), FallbackRules),
      (saved) => {
        const same = JSON.stringify(saved) === known.current;
        known.current = JSON.stringify(saved);
        return same ? t('fallback.unchanged') : t('fallback.saved');
      },
    );
  };
  const bonus = Number(form?.ageingBonusMinor);
  return (
    <form className="panel" onSubmit={submit} noValidate aria-labelledby="fallback-rules-title">
      <h2 id="fallback-rules-title">{t('fallback.rulesTitle')}</h2>
      <ErrorNote error={rules.error} />
      {!form ? (
        rules.loading && <Loading />
      ) : (
        <fieldset disabled={!editable}>
          <legend>{t('fallback.steps')}</legend>
          {fields.map(({ name, label, hint }) => {
            const id = `fallback-${name}`;
            const issue = issueAt(action.error, `body.${name}`);
            return (
              <div key={name} className="field">
                <label htmlFor={id}>{t(label)}</label>
                <input
                  id={id}
                  type="number"
                  step="1"
                  inputMode="numeric"
                  value={form[name]}
                  {...fieldAria(id, true, issue)}
                  onChange={(e) => setForm({ ...form, [name]: e.target.value })}
                />
                <FieldNotes
                  id={id}
                  issue={issue}
                  hint={
                    t(hint) +
                    (name === 'ageingBonusMinor' && Number.isSafeInteger(bonus)
                      ? ` ${t('fallback.bonusIs', { amount: f.money(bonus, session.brand.currency) })}`
                      : '')
                  }
                />
              </div>
            );
          })}
        </fieldset>
      )}
      <ErrorNote error={action.error} />
      <Done text={action.done} />
      {editable && form && (
        <button type="submit" className="primary" disabled={action.busy}>
          {t('fallback.save')}
        </button>
      )}
    </form>
  );
}

interface Figure {
  key: keyof TimeToClaim;
  label: MessageId;
  kind: 'count' | 'duration';
}
const figures: Figure[] = [
  { key: 'tasks', label: 'fallback.ttc.tasks', kind: 'count' },
  { key: 'claimed', label: 'fallback.ttc.claimed', kind: 'count' },
  { key: 'unclaimed', label: 'fallback.ttc.unclaimed', kind: 'count' },
  { key: 'p50Ms', label: 'fallback.ttc.p50', kind: 'duration' },
  { key: 'p90Ms', label: 'fallback.ttc.p90', kind: 'duration' },
  { key: 'maxMs', label: 'fallback.ttc.max', kind: 'duration' },
  { key: 'widened', label: 'fallback.ttc.widened', kind: 'count' },
  { key: 'withBonus', label: 'fallback.ttc.withBonus', kind: 'count' },
  { key: 'escalatedByFallback', label: 'fallback.ttc.escalated', kind: 'count' },
];

function TimeToClaimFigures() {
  const t = useT();
  const f = useFormat();
  const [range, setRange] = useState(() => lastDays(30));
  const { from, to } = rangeMs(range);
  const ttc = useLoad(
    () => getJson(withQuery('/v1/admin/time-to-claim', { from, to }), TimeToClaim),
    [from, to],
  );
  const valueOf = (fig: Figure, d: TimeToClaim) => d[fig.key];
  const columns: Column<Figure>[] = [
    { header: t('fallback.ttc.figure'), cell: (r) => t(r.label), csv: (r) => r.key },
    {
      header: t('fallback.ttc.value'),
      numeric: true,
      cell: (r) => {
        const v = ttc.data ? valueOf(r, ttc.data) : null;
        if (v === null) return t('fallback.ttc.noClaims');
        return r.kind === 'duration' ? f.duration(v) : f.number(v);
      },
      csv: (r) => {
        const v = ttc.data ? valueOf(r, ttc.data) : null;
        return v === null ? '' : String(v);
      },
    },
  ];
  return (
    <div>
      <h2>{t('fallback.ttcTitle')}</h2>
      <div className="toolbar">
        <RangePicker value={range} onChange={setRange} />
      </div>
      <ErrorNote error={ttc.error} />
      {ttc.data ? (
        <Table
          caption={t('fallback.ttcCaption', { from: f.date(from), to: f.date(to - 1) })}
          columns={columns}
          rows={figures}
          rowKey={(r) => r.key}
          csvName="time-to-claim"
        />
      ) : (
        ttc.loading && <Loading />
      )}
    </div>
  );
}
