import { type FormEvent, useEffect, useRef, useState } from 'react';
import { TierLadder } from '../../shared/trustProtocol';
import { change, getJson } from '../api';
import { useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { canChange, useSession } from '../session';
import { FieldNotes, fieldAria, issueAt } from '../ui/FieldNotes';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

const TIERS = [1, 2, 3] as const;
type Rung = TierLadder['rungs'][number];

/** One rung as the form holds it: text as typed, sent as numbers and lists. */
interface RungForm {
  enabled: boolean;
  minResolved: string;
  minRating: string;
  ratingWindow: string;
  maxReopenRatePercent: string;
  certifications: string;
  minTenureDays: string;
  unlocks: string;
}
type Field = Exclude<keyof RungForm, 'enabled'>;

const fields: {
  name: Field;
  label: MessageId;
  hint?: MessageId;
  kind: 'number' | 'text' | 'lines';
}[] = [
  { name: 'minResolved', label: 'ladder.minResolved', kind: 'number' },
  { name: 'minRating', label: 'ladder.minRating', hint: 'ladder.optional', kind: 'number' },
  { name: 'ratingWindow', label: 'ladder.ratingWindow', kind: 'number' },
  {
    name: 'maxReopenRatePercent',
    label: 'ladder.maxReopenRatePercent',
    hint: 'ladder.optional',
    kind: 'number',
  },
  {
    name: 'certifications',
    label: 'ladder.certifications',
    hint: 'ladder.commaList',
    kind: 'text',
  },
  { name: 'minTenureDays', label: 'ladder.minTenureDays', kind: 'number' },
  { name: 'unlocks', label: 'ladder.unlocks', hint: 'ladder.lineList', kind: 'lines' },
];

const blank = (): RungForm => ({
  enabled: false,
  minResolved: '0',
  minRating: '',
  ratingWindow: '20',
  maxReopenRatePercent: '',
  certifications: '',
  minTenureDays: '0',
  unlocks: '',
});

const toForm = (r: Rung): RungForm => ({
  enabled: true,
  minResolved: String(r.minResolved),
  minRating: r.minRating === undefined ? '' : String(r.minRating),
  ratingWindow: String(r.ratingWindow),
  maxReopenRatePercent: r.maxReopenRatePercent === undefined ? '' : String(r.maxReopenRatePercent),
  certifications: r.certifications.join(', '),
  minTenureDays: String(r.minTenureDays),
  unlocks: r.unlocks.join('\n'),
});

/** A typed number, or what was typed (the server names a field that is not one). */
const num = (s: string): unknown =>
  s.trim() === '' ? null : Number.isNaN(Number(s)) ? s : Number(s);
const list = (s: string, sep: RegExp) =>
  s
    .split(sep)
    .map((x) => x.trim())
    .filter(Boolean);

const toRung = (tier: number, f: RungForm) => ({
  tier,
  minResolved: num(f.minResolved),
  ...(f.minRating.trim() === '' ? {} : { minRating: num(f.minRating) }),
  ratingWindow: num(f.ratingWindow),
  ...(f.maxReopenRatePercent.trim() === ''
    ? {}
    : { maxReopenRatePercent: num(f.maxReopenRatePercent) }),
  certifications: list(f.certifications, /,/),
  minTenureDays: num(f.minTenureDays),
  unlocks: list(f.unlocks, /\n/),
});

/**
 * The brand's tier ladder: what each tier asks (resolved cases, rolling rating, reopen rate,
 * certifications, tenure) and what it unlocks. The server validates; each refusal is shown at
 * its field. Saving the same ladder again changes nothing.
 */
export function Ladder() {
  const t = useT();
  const editable = canChange(useSession());
  const ladder = useLoad(() => getJson('/v1/admin/ladder', TierLadder), []);
  const [form, setForm] = useState<Record<number, RungForm>>();
  const [sentTiers, setSentTiers] = useState<number[]>([]);
  const action = useAction(ladder.reload);
  // What the server holds as far as this page knows: the last load, or the last save's answer
  // (a second save may come before the reload after the first has answered).
  const known = useRef<string>(undefined);
  useEffect(() => {
    if (ladder.data) known.current = JSON.stringify(ladder.data);
  }, [ladder.data]);
  useEffect(() => {
    if (!ladder.data) return;
    const byTier: Record<number, RungForm> = {};
    for (const tier of TIERS) {
      const r = ladder.data.rungs.find((x) => x.tier === tier);
      byTier[tier] = r ? toForm(r) : blank();
    }
    setForm(byTier);
  }, [ladder.data]);

  /** The server's issue for this tier's field: rungs are sent in tier order, enabled ones only. */
  const issueOf = (tier: number, field: string) =>
    issueAt(action.error, `body.rungs.${sentTiers.indexOf(tier)}.${field}`);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!form || !ladder.data) return;
    const tiers = TIERS.filter((tier) => form[tier]!.enabled);
    setSentTiers(tiers);
    void action.run(
      () =>
        change(
          'PUT',
          '/v1/admin/ladder',
          { rungs: tiers.map((tier) => toRung(tier, form[tier]!)) },
          TierLadder,
        ),
      (saved) => {
        const same = JSON.stringify(saved) === known.current;
        known.current = JSON.stringify(saved);
        return same ? t('ladder.unchanged') : t('ladder.saved');
      },
    );
  };

  const set = (tier: number, patch: Partial<RungForm>) =>
    setForm((f) => f && { ...f, [tier]: { ...f[tier]!, ...patch } });

  return (
    <section aria-labelledby="ladder-title">
      <h1 id="ladder-title">{t('nav.ladder')}</h1>
      <p className="muted">{t('ladder.intro')}</p>
      <ErrorNote error={ladder.error} />
      {!form ? (
        ladder.loading && <Loading />
      ) : (
        <form onSubmit={submit} noValidate aria-labelledby="ladder-title">
          <div className="rungs">
            {TIERS.map((tier) => {
              const rung = form[tier]!;
              return (
                <fieldset key={tier} className="panel" disabled={!editable}>
                  <legend>{t('ladder.tier', { tier })}</legend>
                  <label className="inline">
                    <input
                      type="checkbox"
                      checked={rung.enabled}
                      onChange={(e) => set(tier, { enabled: e.target.checked })}
                    />
                    {t('ladder.enabled', { tier })}
                  </label>
                  {rung.enabled &&
                    fields.map(({ name, label, hint, kind }) => {
                      const id = `rung-${tier}-${name}`;
                      const issue = issueOf(tier, name);
                      const common = { id, value: rung[name], ...fieldAria(id, !!hint, issue) };
                      return (
                        <div key={name} className="field">
                          <label htmlFor={id}>{t(label, { tier })}</label>
                          {kind === 'lines' ? (
                            <textarea
                              {...common}
                              rows={3}
                              onChange={(e) => set(tier, { [name]: e.target.value })}
                            />
                          ) : (
                            <input
                              {...common}
                              type={kind === 'number' ? 'number' : 'text'}
                              step="any"
                              inputMode={kind === 'number' ? 'decimal' : undefined}
                              onChange={(e) => set(tier, { [name]: e.target.value })}
                            />
                          )}
                          <FieldNotes id={id} hint={hint && t(hint)} issue={issue} />
                        </div>
                      );
                    })}
                </fieldset>
              );
            })}
          </div>
          <ErrorNote error={action.error} />
          <Done text={action.done} />
          {editable && (
            <button type="submit" className="primary" disabled={action.busy}>
              {t('ladder.save')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
