import { useLayoutEffect, useRef } from 'react';
import type { Ticket } from '../../../../shared/contract/tickets';
import { hasRedactions, MessageBody } from './MessageBody';

type Message = Ticket['messages'][number];

const authorLabel: Record<string, string> = {
  customer: 'Customer',
  advocate: 'Advocate',
  agent: 'Contact-center agent',
  chatbot: 'Chatbot',
  system: 'System',
};

export function authorKind(m: Message): string {
  if (m.author === 'agent' && /\bbot\b|chatbot/i.test(m.authorName)) return 'chatbot';
  return authorLabel[m.author] ? m.author : 'system';
}

const time = (at: number) =>
  new Date(at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** The conversation, oldest first; who wrote what is visible at a glance (colour, label, side). */
export function Thread({ ticket }: { ticket: Ticket }) {
  const redacted = ticket.messages.some((m) => hasRedactions(m.body));
  const scroller = useRef<HTMLElement>(null);
  // The newest message is what the advocate answers: show it when a ticket opens or grows.
  const newest = ticket.messages[ticket.messages.length - 1]?.id;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [ticket.id, newest]);
  return (
    <section className="thread" aria-label="Conversation" ref={scroller} tabIndex={0}>
      {redacted ? (
        <p className="thread__redacted muted">
          Personal data (emails, phone, card and bank numbers) is removed for your trust tier and
          shown as <mark className="redaction">[… removed]</mark>.
        </p>
      ) : null}
      <ol className="thread__list">
        {ticket.messages.map((m) => {
          const kind = authorKind(m);
          const mine = m.author === 'advocate' && m.authorName === ticket.advocate.name;
          return (
            <li
              key={m.id}
              className={`thread-message thread-message--${kind}${m.internal ? ' thread-message--internal' : ''}${m.pending ? ' thread-message--pending' : ''}`}
              aria-label={`${m.internal ? 'Internal note' : 'Message'} from ${m.authorName} (${authorLabel[kind]})`}
            >
              <header className="thread-message__meta">
                <span className={`author-chip author-chip--${kind}`}>{authorLabel[kind]}</span>
                <strong>{mine ? `${m.authorName} (you)` : m.authorName}</strong>
                <time dateTime={new Date(m.createdAt).toISOString()}>{time(m.createdAt)}</time>
                {m.internal ? (
                  <span className="pill pill--internal">
                    Internal note · not visible to the customer
                  </span>
                ) : null}
                {m.pending ? <span className="pill pill--waiting">Waiting to send</span> : null}
              </header>
              <MessageBody body={m.body} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
