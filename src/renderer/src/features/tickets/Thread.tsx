import { useLayoutEffect, useRef } from 'react';
import type { Ticket } from '../../../../shared/contract/tickets';
import { FormattedMessage } from 'react-intl';
import type { MessageId } from '../../i18n/catalogs';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { hasRedactions, MessageBody } from './MessageBody';

type Message = Ticket['messages'][number];

const authorLabel: Record<string, MessageId> = {
  customer: 'thread.author.customer',
  advocate: 'thread.author.advocate',
  agent: 'thread.author.agent',
  chatbot: 'thread.author.chatbot',
  system: 'thread.author.system',
};

export function authorKind(m: Message): string {
  if (m.author === 'agent' && /\bbot\b|chatbot/i.test(m.authorName)) return 'chatbot';
  return authorLabel[m.author] ? m.author : 'system';
}

/** The conversation, oldest first; who wrote what is visible at a glance (colour, label, side). */
export function Thread({ ticket }: { ticket: Ticket }) {
  const redacted = ticket.messages.some((m) => hasRedactions(m.body));
  const t = useT();
  const format = useFormat();
  const scroller = useRef<HTMLElement>(null);
  // The newest message is what the advocate answers: show it when a ticket opens or grows.
  const newest = ticket.messages[ticket.messages.length - 1]?.id;
  useLayoutEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [ticket.id, newest]);
  return (
    <section className="thread" aria-label={t('thread.label')} ref={scroller} tabIndex={0}>
      {redacted ? (
        <p className="thread__redacted muted">
          <FormattedMessage
            id="thread.redacted"
            values={{
              mark: (chunks: React.ReactNode[]) => <mark className="redaction">{chunks}</mark>,
            }}
          />
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
              aria-label={t(m.internal ? 'thread.noteFrom' : 'thread.messageFrom', {
                name: m.authorName,
                role: t(authorLabel[kind]!),
              })}
            >
              <header className="thread-message__meta">
                <span className={`author-chip author-chip--${kind}`}>{t(authorLabel[kind]!)}</span>
                <strong>
                  <bdi>{mine ? t('thread.you', { name: m.authorName }) : m.authorName}</bdi>
                </strong>
                <time dateTime={new Date(m.createdAt).toISOString()}>
                  {format.dateTime(m.createdAt)}
                </time>
                {m.internal ? (
                  <span className="pill pill--internal">{t('thread.internalPill')}</span>
                ) : null}
                {m.pending ? (
                  <span className="pill pill--waiting">{t('thread.waiting')}</span>
                ) : null}
              </header>
              <MessageBody body={m.body} />
            </li>
          );
        })}
      </ol>
    </section>
  );
}
