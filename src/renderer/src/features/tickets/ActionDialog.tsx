import { useState } from 'react';
import type { PayoutQuote, Ticket } from '../../../../shared/contract/tickets';
import { actionTable, unhandledAction, type DialogAction } from '../../../../shared/domain/actions';
import { useFormat, type Formatters } from '../../i18n/format';
import { useShownText, useT, type MessageRef, type ShownText } from '../../i18n/useT';
import type { TicketCommand } from './ticketsStore';
import { payoutLineLabel } from '../earnings/payoutLine';
import { Modal } from '../../ui/Modal';

export type DialogKind = DialogAction;

interface Props {
  kind: DialogKind;
  ticket: Ticket;
  /** Answers the error to show, or null once the action is queued. */
  onConfirm: (command: TicketCommand) => Promise<ShownText | null>;
  onClose: () => void;
  offline: boolean;
}

/** What a case pays under the brand's rules, line by line. */
function payoutSentence(
  quote: PayoutQuote | null,
  ticket: Ticket,
  t: ReturnType<typeof useT>,
  format: Formatters,
): string {
  const brand = ticket.brandName;
  if (!quote) return t('dialog.noRules', { brand });
  const facts = { complexity: ticket.complexity, outcome: quote.outcome, stars: null };
  const how = quote.lines
    .map(
      (l) =>
        `${payoutLineLabel(l, facts, t, format)} ${format.money(l.amountMinor, quote.currency)}`,
    )
    .join('; ');
  return t('dialog.pays', { amount: format.money(quote.totalMinor, quote.currency), brand, how });
}

/** Says what will happen and what it pays, asks for what the next person needs, then queues it. */
export function ActionDialog({ kind, ticket, onConfirm, onClose, offline }: Props) {
  const [text, setText] = useState('');
  const [target, setTarget] = useState<'contact_center' | 'chatbot'>('contact_center');
  const [toKind, setToKind] = useState<'advocate' | 'pool'>('advocate');
  const [advocate, setAdvocate] = useState('');
  const [skill, setSkill] = useState('');
  const [error, setError] = useState<ShownText | null>(null);
  const [busy, setBusy] = useState(false);
  const brand = ticket.brandName;
  const t = useT();
  const shown = useShownText();
  const format = useFormat();
  const pays = (quote: PayoutQuote | null) => payoutSentence(quote, ticket, t, format);

  const what: Record<DialogKind, string> = {
    resolve: `${t('dialog.what.resolve')} ${pays(ticket.payouts.resolved)}`,
    escalate: `${t('dialog.what.escalate', { brand })} ${pays(ticket.payouts.escalated)}`,
    transfer: t('dialog.what.transfer', { to: toKind }),
    abandon: t('dialog.what.abandon'),
  };

  const required = actionTable[kind].note.required;
  const textLabel = t('dialog.textLabel', { kind });

  const command = (): TicketCommand | MessageRef => {
    const body = text.trim();
    if (required && body === '')
      return { id: kind === 'escalate' ? 'dialog.needHandoff' : 'dialog.needNote' };
    switch (kind) {
      case 'resolve':
        return { type: 'resolve', summary: body };
      case 'abandon':
        return { type: 'abandon', reason: body };
      case 'escalate':
        return { type: 'escalate', target, handoffNote: body };
      case 'transfer':
        if (toKind === 'advocate' && advocate.trim() === '') return { id: 'dialog.needAdvocate' };
        return {
          type: 'transfer',
          to:
            toKind === 'advocate'
              ? { kind: 'advocate', advocate: advocate.trim() }
              : { kind: 'pool', skill: skill.trim() || null },
          note: body,
        };
      default:
        return unhandledAction(kind);
    }
  };

  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const c = command();
    if (!('type' in c)) {
      setError(c);
      return;
    }
    setBusy(true);
    const problem = await onConfirm(c);
    setBusy(false);
    if (problem) setError(problem);
    else onClose();
  };

  return (
    <Modal title={t('dialog.title', { kind })} onClose={onClose} className="action-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="action-dialog__what">{what[kind]}</p>
        {offline ? <p className="muted">{t('dialog.offline')}</p> : null}
        {kind === 'escalate' ? (
          <fieldset className="action-dialog__choice">
            <legend>{t('dialog.escalateTo')}</legend>
            <Radios
              name="target"
              value={target}
              onChange={setTarget}
              options={[
                ['contact_center', t('dialog.target.agent')],
                ['chatbot', t('dialog.target.chatbot', { brand })],
              ]}
            />
          </fieldset>
        ) : null}
        {kind === 'transfer' ? (
          <fieldset className="action-dialog__choice">
            <legend>{t('dialog.transferTo')}</legend>
            <Radios
              name="to"
              value={toKind}
              onChange={setToKind}
              options={[
                ['advocate', t('dialog.to.advocate')],
                ['pool', t('dialog.to.pool')],
              ]}
            />
            {toKind === 'advocate' ? (
              <label className="action-dialog__field">
                {t('dialog.advocateField')}
                <input
                  type="text"
                  value={advocate}
                  onChange={(e) => setAdvocate(e.target.value)}
                  data-autofocus
                />
              </label>
            ) : (
              <label className="action-dialog__field">
                {t('dialog.skillField')}
                <input
                  type="text"
                  value={skill}
                  onChange={(e) => setSkill(e.target.value)}
                  placeholder={t('dialog.skillExample')}
                />
              </label>
            )}
          </fieldset>
        ) : null}
        <label className="action-dialog__field">
          {textLabel}
          <textarea
            dir="auto"
            value={text}
            rows={4}
            required={required}
            aria-required={required}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            {...(kind === 'transfer' ? {} : { 'data-autofocus': true })}
          />
        </label>
        {error ? (
          <p className="form-error" role="alert">
            {shown(error)}
          </p>
        ) : null}
        <div className="action-dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {t('dialog.confirm', { kind })}
          </button>
        </div>
      </form>
    </Modal>
  );
}

function Radios<V extends string>(p: {
  name: string;
  value: V;
  onChange: (value: V) => void;
  options: [V, string][];
}) {
  return (
    <>
      {p.options.map(([value, label]) => (
        <label key={value}>
          <input
            type="radio"
            name={p.name}
            checked={p.value === value}
            onChange={() => p.onChange(value)}
          />
          {label}
        </label>
      ))}
    </>
  );
}
