import type { MessageId } from '../../i18n/catalogs';
import { useShownText, useT } from '../../i18n/useT';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DraftKind } from '../../../../shared/contract/tickets';
import {
  actionTable,
  ticketActionTypes,
  unhandledAction,
  type TicketAction,
} from '../../../../shared/domain/actions';
import { shortcutOf } from '../../../../shared/domain/shortcuts';
import { allowedTicketActions } from '../../../../shared/domain/ticketState';
import { EmptyState } from '../../ui/EmptyState';
import { NoticeTray } from '../notices/NoticeTray';
import { useNow } from '../sync/useNow';
import { ActionDialog, type DialogKind } from './ActionDialog';
import { CommandPalette, type Command } from './CommandPalette';
import { modKey, type ComposerApi } from './Composer';
import { ShortcutSheet } from './ShortcutSheet';
import { OffersList } from './OffersList';
import { TicketList } from './TicketList';
import { TicketWorkspace, useWhyNot } from './TicketWorkspace';
import { useLeaseRenewal } from './useLeaseRenewal';
import { useSync } from '../sync/syncStore';
import { nextWorkable, useTickets, type TicketCommand } from './ticketsStore';
import { outcomeOf } from './TicketOutcome';
import { useNav } from '../shell/navStore';
import './tickets.css';

type Overlay =
  { kind: 'dialog'; dialog: DialogKind } | { kind: 'palette' } | { kind: 'sheet' } | null;

const typingIn = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));

/** My tickets and the ticket workspace: thread, composer, actions; all from the keyboard too. */
export function TicketsView() {
  const { list, selectedId, ticket, macros, error, outcome } = useTickets();
  const { listen, select, move, run, next, saveDraft, renew } = useTickets();
  const go = useNav((s) => s.go);
  const offline = useSync((s) => s.status.state === 'offline' || s.status.state === 'error');
  const t = useT();
  const whyNot = useWhyNot();
  const shown = useShownText();
  const now = useNow(1_000);
  const [overlay, setOverlay] = useState<Overlay>(null);
  const composer = useRef<ComposerApi | null>(null);
  const heading = useRef<HTMLHeadingElement | null>(null);
  const listBox = useRef<HTMLDivElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  useEffect(() => listen(), [listen]);
  useLeaseRenewal(ticket, renew);

  const allowed = ticket ? allowedTicketActions(ticket, ticket.advocate.id, now) : [];
  const allowedNow = useRef(allowed);
  allowedNow.current = allowed;

  /**
   * Focuses the selected ticket in the list (or the ticket, or the view); with `onlyIfLost`, only
   * when nothing has focus. After a render by default; `now` for Escape, so a key typed right
   * after it is a shortcut rather than text in the field just left.
   */
  const focusSelected = useCallback((onlyIfLost = false, now = false) => {
    const focus = () => {
      const active = document.activeElement;
      if (onlyIfLost && active && active !== document.body && active.isConnected) return;
      const id = useTickets.getState().selectedId;
      const items = listBox.current?.querySelectorAll<HTMLElement>('[data-ticket-id]') ?? [];
      const item = [...items].find((el) => el.dataset['ticketId'] === id);
      (item ?? heading.current ?? title.current)?.focus();
    };
    if (now) focus();
    else requestAnimationFrame(focus);
  }, []);

  // A ticket that leaves (closed by the server, handed on) takes no focus with it.
  const ticketId = ticket?.id;
  const count = list?.length;
  useEffect(() => focusSelected(true), [ticketId, count, focusSelected]);

  // A closing action's outcome takes focus once its dialog has gone (after the dialog gives focus
  // back), so Enter or Space goes on to the next ticket.
  const shownOutcome = ticket ? outcomeOf(ticket, outcome) : null;
  const outcomeKey = shownOutcome ? `${shownOutcome.taskId}:${shownOutcome.type}` : null;
  const overlayOpen = overlay !== null;
  useEffect(() => {
    if (outcomeKey && !overlayOpen) nextButton.current?.focus();
  }, [outcomeKey, overlayOpen]);
  const goNext = useCallback(async () => {
    if (await next()) focusSelected();
    else go('feed');
  }, [next, go, focusSelected]);

  const confirm = useCallback(
    async (command: TicketCommand) => {
      const problem = await run(command);
      // After an action, focus stays where it was or lands on the ticket; never on the page body.
      if (!problem) focusSelected(true);
      return problem;
    },
    [run, focusSelected],
  );
  const send = useCallback(
    (kind: DraftKind, body: string, macroId?: string) =>
      confirm(
        kind === 'reply'
          ? macroId
            ? { type: 'reply', body, macroId }
            : { type: 'reply', body }
          : { type: 'note', body },
      ),
    [confirm],
  );

  const openDialog = useCallback((dialog: DialogKind) => {
    if (allowedNow.current.includes(dialog)) setOverlay({ kind: 'dialog', dialog });
  }, []);

  /** What choosing a ticket action does, wherever it is chosen (key, palette). */
  const perform = useCallback(
    (type: TicketAction) => {
      switch (type) {
        case 'reply':
        case 'note':
          return composer.current?.focus(type);
        case 'resolve':
        case 'escalate':
        case 'transfer':
        case 'abandon':
          return openDialog(type);
        default:
          return unhandledAction(type);
      }
    },
    [openDialog],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const mod = event.ctrlKey || event.metaKey;
      const key = shortcutOf(event);
      if (mod && key?.toLowerCase() === 'k') {
        event.preventDefault();
        setOverlay({ kind: 'palette' });
        return;
      }
      if (overlay || event.altKey || mod) return;
      if (typingIn(event.target)) {
        if (event.key === 'Escape') focusSelected(false, true);
        return;
      }
      if (key === null) return;
      const byKey = ticketActionTypes.find((a) => actionTable[a].shortcut === key);
      const actions: Record<string, () => void> = {
        j: () => void move(1).then(() => focusSelected()),
        k: () => void move(-1).then(() => focusSelected()),
        '?': () => setOverlay({ kind: 'sheet' }),
      };
      const action = byKey ? () => perform(byKey) : actions[key];
      if (action) {
        event.preventDefault();
        action();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [overlay, move, perform, focusSelected]);

  const sheet: Command = {
    id: 'keys',
    label: t('shortcuts.title'),
    shortcut: '?',
    run: () => setOverlay({ kind: 'sheet' }),
  };
  const commands: Command[] = ticket
    ? [
        ...ticketActionTypes.map((type): Command => ({
          id: type,
          label: t(actionTable[type].label.key as MessageId),
          shortcut: actionTable[type].shortcut ?? undefined,
          disabled: whyNot(ticket, type, now),
          run: () => perform(type),
        })),
        {
          id: 'macro',
          label: t('macros.title'),
          shortcut: `${modKey}+Shift+M`,
          disabled: whyNot(ticket, 'reply', now),
          run: () => composer.current?.openMacros(),
        },
        {
          id: 'next',
          label: t('palette.next'),
          shortcut: 'j',
          run: () => void move(1).then(() => focusSelected()),
        },
        {
          id: 'prev',
          label: t('palette.previous'),
          shortcut: 'k',
          run: () => void move(-1).then(() => focusSelected()),
        },
        sheet,
      ]
    : [sheet];

  return (
    <div className="view view--tickets">
      <div className="tickets-head">
        <h1 className="view__title" ref={title} tabIndex={-1}>
          {t('nav.tickets')}
        </h1>
        <button type="button" className="link-button" onClick={() => setOverlay({ kind: 'sheet' })}>
          {t('tickets.shortcutsLink')}
        </button>
      </div>
      <NoticeTray />
      <OffersList now={now} onAccepted={(id) => void select(id)} />
      {error && !ticket ? (
        <p className="banner banner--error" role="alert">
          {shown(error)}
        </p>
      ) : null}
      {list && list.length > 0 ? (
        <div className="tickets-body">
          <nav
            className="tickets-body__list"
            ref={listBox}
            aria-label={t('tickets.list')}
            tabIndex={0}
          >
            <TicketList
              tickets={list}
              selectedId={selectedId}
              now={now}
              onSelect={(id) => void select(id)}
            />
          </nav>
          {ticket ? (
            <TicketWorkspace
              ticket={ticket}
              macros={macros}
              now={now}
              allowed={allowed}
              offline={offline}
              composerRef={composer}
              headingRef={heading}
              openDialog={openDialog}
              outcome={outcome}
              hasNext={nextWorkable(list, ticket.id) !== null}
              onNext={() => void goNext()}
              nextRef={nextButton}
              saveDraft={saveDraft}
              send={send}
            />
          ) : (
            <p className="muted tickets-body__placeholder">{t('tickets.choose')}</p>
          )}
        </div>
      ) : list ? (
        <EmptyState title={t('tickets.empty.title')}>{t('tickets.empty.body')}</EmptyState>
      ) : null}
      {overlay?.kind === 'dialog' && ticket ? (
        <ActionDialog
          kind={overlay.dialog}
          ticket={ticket}
          offline={offline}
          onConfirm={confirm}
          onClose={() => setOverlay(null)}
        />
      ) : null}
      {overlay?.kind === 'palette' ? (
        <CommandPalette commands={commands} onClose={() => setOverlay(null)} />
      ) : null}
      {overlay?.kind === 'sheet' ? <ShortcutSheet onClose={() => setOverlay(null)} /> : null}
    </div>
  );
}
