import { useState } from 'react';
import type { PayoutQuote, Ticket } from '../../../../shared/contract/tickets';
import { actionTable, unhandledAction, type DialogAction } from '../../../../shared/domain/actions';
import { formatMoney } from '../../../../shared/domain/money';
import type { TicketCommand } from './ticketsStore';
import { Modal } from '../../ui/Modal';

export type DialogKind = DialogAction;

interface Props {
  kind: DialogKind;
  ticket: Ticket;
  /** Answers an error message to show, or null once the action is queued. */
  onConfirm: (command: TicketCommand) => Promise<string | null>;
  onClose: () => void;
  offline: boolean;
}

const titles: Record<DialogKind, string> = {
  resolve: 'Resolve this ticket',
  escalate: 'Escalate this ticket',
  transfer: 'Transfer this ticket',
  abandon: 'Hand this ticket back',
};

export function payoutSentence(quote: PayoutQuote | null, brand: string): string {
  if (!quote) return `${brand} has no payout rules yet, so the payout is not known.`;
  const how = quote.lines
    .map((l) => `${l.label} ${formatMoney(l.amountMinor, quote.currency)}`)
    .join('; ');
  return `Pays ${formatMoney(quote.totalMinor, quote.currency)} under ${brand}’s rules (${how}).`;
}

/** Says what will happen and what it pays, asks for what the next person needs, then queues it. */
export function ActionDialog({ kind, ticket, onConfirm, onClose, offline }: Props) {
  const [text, setText] = useState('');
  const [target, setTarget] = useState<'contact_center' | 'chatbot'>('contact_center');
  const [toKind, setToKind] = useState<'advocate' | 'pool'>('advocate');
  const [advocate, setAdvocate] = useState('');
  const [skill, setSkill] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const brand = ticket.brandName;

  const what: Record<DialogKind, string> = {
    resolve: `The case is closed as resolved and leaves My tickets. ${payoutSentence(ticket.payouts.resolved, brand)}`,
    escalate: `The case leaves the gig pool for ${brand}’s escalation queue, with your handoff note, so nobody has to ask the customer again. ${payoutSentence(ticket.payouts.escalated, brand)}`,
    transfer: `The case goes to ${toKind === 'advocate' ? 'the advocate you name (offered to them first)' : 'the pool, for advocates with the skill you choose'}, with your note. Transferring pays nothing: the case pays whoever resolves or escalates it.`,
    abandon: 'The case goes back to the pool for another advocate. Handing back pays nothing.',
  };

  const required = actionTable[kind].note.required;
  const textLabel = {
    resolve: 'Resolution summary (internal)',
    escalate: 'Handoff note (required)',
    transfer: 'Note for the next advocate (required)',
    abandon: 'Reason (internal, optional)',
  }[kind];

  const command = (): TicketCommand | string => {
    const body = text.trim();
    if (required && body === '')
      return kind === 'escalate' ? 'Write a handoff note first.' : 'Write a note first.';
    switch (kind) {
      case 'resolve':
        return { type: 'resolve', summary: body };
      case 'abandon':
        return { type: 'abandon', reason: body };
      case 'escalate':
        return { type: 'escalate', target, handoffNote: body };
      case 'transfer':
        if (toKind === 'advocate' && advocate.trim() === '')
          return 'Name the advocate to transfer to.';
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
    if (typeof c === 'string') {
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
    <Modal title={titles[kind]} onClose={onClose} className="action-dialog">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="action-dialog__what">{what[kind]}</p>
        {offline ? (
          <p className="muted">You are offline: this is queued and sent when you reconnect.</p>
        ) : null}
        {kind === 'escalate' ? (
          <fieldset className="action-dialog__choice">
            <legend>Escalate to</legend>
            <Radios
              name="target"
              value={target}
              onChange={setTarget}
              options={[
                ['contact_center', 'A contact-center agent'],
                ['chatbot', `${brand}’s chatbot`],
              ]}
            />
          </fieldset>
        ) : null}
        {kind === 'transfer' ? (
          <fieldset className="action-dialog__choice">
            <legend>Transfer to</legend>
            <Radios
              name="to"
              value={toKind}
              onChange={setToKind}
              options={[
                ['advocate', 'Another advocate'],
                ['pool', 'A skill pool'],
              ]}
            />
            {toKind === 'advocate' ? (
              <label className="action-dialog__field">
                Advocate handle or ID
                <input
                  type="text"
                  value={advocate}
                  onChange={(e) => setAdvocate(e.target.value)}
                  data-autofocus
                />
              </label>
            ) : (
              <label className="action-dialog__field">
                Skill (empty: the whole pool)
                <input
                  type="text"
                  value={skill}
                  onChange={(e) => setSkill(e.target.value)}
                  placeholder="billing"
                />
              </label>
            )}
          </fieldset>
        ) : null}
        <label className="action-dialog__field">
          {textLabel}
          <textarea
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
            {error}
          </p>
        ) : null}
        <div className="action-dialog__buttons">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {titles[kind].replace(' this ticket', '')}
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
