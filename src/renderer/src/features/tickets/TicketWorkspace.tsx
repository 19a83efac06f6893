import { useId, useRef, useState, type MutableRefObject } from 'react';
import { useIntl } from 'react-intl';
import type { KbArticle } from '../../../../shared/contract/kb';
import type { DraftKind, Macro, Ticket } from '../../../../shared/contract/tickets';
import { actionTable, dialogActionTypes } from '../../../../shared/domain/actions';
import {
  countdown,
  leaseLevel,
  ticketDecision,
  type TicketAction,
} from '../../../../shared/domain/ticketState';
import { COMPACT_QUERY, useMediaQuery } from '../../ui/useMediaQuery';
import { KbPanel } from '../kb/KbPanel';
import type { MessageId } from '../../i18n/catalogs';
import { coreTextIn } from '../../i18n/errorText';
import { useT, type ShownText } from '../../i18n/useT';
import { useTaskLabels } from '../feed/format';
import type { DialogKind } from './ActionDialog';
import { PendingBadges, SlaBadge, TicketState } from './badges';
import { Composer, type ComposerApi } from './Composer';
import { CustomerTimeline } from './CustomerTimeline';
import { NextBestPanel } from './NextBestPanel';
import { Thread } from './Thread';
import { EscalationClosing } from './EscalationClosing';
import { TicketOutcome } from './TicketOutcome';
import type { TicketOutcome as Outcome } from './ticketsStore';

interface Props {
  ticket: Ticket;
  macros: Macro[];
  now: number;
  allowed: TicketAction[];
  offline: boolean;
  composerRef: MutableRefObject<ComposerApi | null>;
  headingRef: MutableRefObject<HTMLHeadingElement | null>;
  openDialog: (kind: DialogKind) => void;
  outcome: Outcome | null;
  hasNext: boolean;
  onNext: () => void;
  nextRef: MutableRefObject<HTMLButtonElement | null>;
  saveDraft: (taskId: string, kind: DraftKind, body: string) => Promise<void>;
  send: (kind: DraftKind, body: string, macroId?: string) => Promise<ShownText | null>;
}

/**
 * Why an action is not offered now: the lifecycle's refusal worded in the language shown (the
 * same `error.lifecycle.*` message as the server's refusal of it), never its English.
 */
export function useWhyNot(): (ticket: Ticket, action: TicketAction, now: number) => string | null {
  const intl = useIntl();
  return (ticket, action, now) => {
    const d = ticketDecision(ticket, ticket.advocate.id, action, now);
    return d.ok ? null : coreTextIn(intl, { id: `error.lifecycle.${d.why}`, values: d.values });
  };
}

export function TicketWorkspace(props: Props) {
  const { ticket, macros, now, allowed, offline, composerRef, headingRef, openDialog } = props;
  const lease = leaseLevel(ticket.leaseExpiresAt, now);
  const t = useT();
  const whyNot = useWhyNot();
  const labels = useTaskLabels();
  const working = allowed.length > 0;
  const firstCustomer = ticket.messages.find((m) => m.author === 'customer')?.body ?? '';
  const insertLink = (a: Pick<KbArticle, 'id' | 'title'>) =>
    composerRef.current?.insert(`[${a.title}](kb:${a.id})`);
  const insertExcerpt = (a: KbArticle, text: string) =>
    composerRef.current?.insert(`${text}\n\n— ${a.title}`);
  // In a compact window the KB panel is a drawer over the workspace, closed until asked for, so
  // the conversation keeps the room; it stays mounted (its search and article are kept).
  const compact = useMediaQuery(COMPACT_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const kbId = useId();
  const kbToggle = useRef<HTMLButtonElement>(null);
  const closeDrawer = () => {
    setDrawerOpen(false);
    kbToggle.current?.focus();
  };
  const kbShown = !compact || drawerOpen;
  return (
    <div className={`ticket-workspace${compact ? ' ticket-workspace--compact' : ''}`}>
      <article className="ticket-workspace__main" aria-labelledby={`ticket-${ticket.id}-title`}>
        <header className="ticket-head">
          <h2
            id={`ticket-${ticket.id}-title`}
            ref={headingRef}
            tabIndex={-1}
            className="ticket-head__subject"
            dir="auto"
          >
            {ticket.subject}
          </h2>
          <p className="ticket-head__meta muted">
            {ticket.brandName} · <bdi>{ticket.customerName}</bdi> · {labels.channel(ticket.channel)}{' '}
            · {t('feed.complexity', { level: ticket.complexity })}
          </p>
          <div className="ticket-head__badges">
            <SlaBadge dueAt={ticket.slaDueAt} now={now} />
            <TicketState
              status={ticket.status}
              pendingClaim={ticket.pendingClaim}
              leaseExpiresAt={ticket.leaseExpiresAt}
              now={now}
            />
            <PendingBadges types={ticket.pendingActions.map((a) => a.type)} />
          </div>
          {working && lease === 'lapsing' ? (
            <p className="banner banner--warning" role="status">
              {t('tickets.lapsing', { countdown: countdown(ticket.leaseExpiresAt! - now) })}{' '}
              {t(offline ? 'tickets.lapsing.offline' : 'tickets.lapsing.renewing')}
            </p>
          ) : null}
          {ticket.status === 'claimed' && lease === 'lapsed' ? (
            <p className="banner banner--error" role="status">
              {t('tickets.lapsed')}
            </p>
          ) : null}
          <TicketOutcome
            ticket={ticket}
            outcome={props.outcome}
            hasNext={props.hasNext}
            onNext={props.onNext}
            nextRef={props.nextRef}
          />
          <EscalationClosing ticket={ticket} />
          <div className="ticket-actions" role="toolbar" aria-label={t('tickets.actions')}>
            {compact ? (
              <button
                ref={kbToggle}
                type="button"
                className="button ticket-actions__kb"
                aria-expanded={drawerOpen}
                aria-controls={kbId}
                onClick={() => setDrawerOpen((open) => !open)}
              >
                {t('nav.kb')}
              </button>
            ) : null}
            {dialogActionTypes.map((kind) => {
              const reason = allowed.includes(kind) ? null : whyNot(ticket, kind, now);
              const { label, shortcut } = actionTable[kind];
              return (
                <button
                  key={kind}
                  type="button"
                  className={`button${kind === 'resolve' ? ' button--primary' : ''}`}
                  disabled={reason !== null}
                  title={reason ?? undefined}
                  aria-keyshortcuts={shortcut ?? undefined}
                  onClick={() => openDialog(kind)}
                >
                  {t(label.key as MessageId)}
                </button>
              );
            })}
          </div>
        </header>
        {/* The customer and the suggestions give way first, so the conversation and the composer
            always fit the window; what does not fit scrolls here. */}
        <div className="ticket-context" tabIndex={0} aria-label={t('tickets.context')}>
          <CustomerTimeline taskId={ticket.id} version={ticket.messages.length} />
          <NextBestPanel
            taskId={ticket.id}
            version={ticket.messages.length}
            canReply={allowed.includes('reply')}
            onInsertMacro={(m) => composerRef.current?.insertMacro(m)}
            onInsertArticle={insertLink}
          />
        </div>
        <Thread ticket={ticket} />
        <Composer
          key={ticket.id}
          ticket={ticket}
          macros={macros}
          canReply={allowed.includes('reply')}
          canNote={allowed.includes('note')}
          apiRef={composerRef}
          saveDraft={props.saveDraft}
          send={props.send}
          offline={offline}
        />
      </article>
      <KbPanel
        id={kbId}
        hidden={!kbShown}
        drawer={compact}
        onClose={compact ? closeDrawer : undefined}
        subject={ticket.subject}
        firstMessage={firstCustomer}
        brandId={ticket.brandId}
        language={ticket.language ?? null}
        onInsertLink={insertLink}
        onInsertExcerpt={insertExcerpt}
      />
    </div>
  );
}
