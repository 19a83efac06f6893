/**
 * The one action table: per action type, everything the server, the app's outbox and the
 * renderer need to know about it. It is typed `Record<ActionType, …>` and every reader
 * switches over it exhaustively, so adding an action type to the protocol makes the compiler
 * name every place that must handle it (see scripts/actionTypeProbe.mjs). Pure.
 */
import type { Action, ActionType } from '../protocol';
import type { PayoutOutcome } from './payout';

/** Text a person reads: an i18n catalogue key and its English source. */
export interface Text {
  key: string;
  en: string;
}

/**
 * How an action moves the task's lifecycle (lifecycle.ts `nextState` reads it):
 * `lease` held by the actor with a fresh lease; `keep` unchanged; `resolve` / `escalate` closed
 * with that status; `reopen` back to the pool; `offer` back to the pool, offered first to the
 * advocate it names.
 */
export type TransitionKind = 'lease' | 'keep' | 'resolve' | 'escalate' | 'reopen' | 'offer';

type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;
/** The action's free-text fields (the ones an advocate writes). */
type TextField<T extends ActionType> = Exclude<
  {
    [K in keyof ActionOf<T>]-?: NonNullable<ActionOf<T>[K]> extends string ? K : never;
  }[keyof ActionOf<T>],
  'key' | 'type' | 'taskId' | 'macroId' | 'target'
>;

/** The text an action carries and what it becomes in the thread. */
export interface NoteRule<T extends ActionType> {
  field: TextField<T>;
  /** The app refuses to queue the action without it (a handoff needs its note). */
  required: boolean;
  /** `message` reaches the customer; `note` and `handoff` are internal. */
  becomes: 'message' | 'note' | 'handoff';
}

export interface ActionSpec<T extends ActionType> {
  transition: TransitionKind;
  /**
   * The case payout it earns (an estimate at once in the app, a ledger entry on the server).
   * **A case pays once**, to the advocate who closes it (resolve or escalate), at that moment:
   * claiming, renewing, replying, transferring and abandoning pay nothing, so a task that changes
   * hands any number of times still pays one case entry (docs/server.md, "Who is paid"). The
   * rules' `transferred` multiplier stays valid in stored rules but is no longer earned; the
   * server's ledger enforces "once" with a unique index too.
   */
  payout: Exclude<PayoutOutcome, 'transferred'> | null;
  /** The ticket leaves the advocate's hands: confirmed in a dialog, never undone silently. */
  closesCase: boolean;
  /** Where the renderer offers it: the composer, a confirming dialog, or nowhere (the feed). */
  ui: 'composer' | 'dialog' | null;
  /** Button, palette and dialog name. */
  label: Text;
  /** "… waiting to send" badge. */
  pending: Text;
  note: NoteRule<T> | null;
  /**
   * For actions that close the case: what happened and what comes next, said on the ticket
   * once the server has taken it.
   */
  outcome?: Text;
  /** Single key in the ticket view (not while typing), as a US keyboard types it; matched on any
   * layout by shortcutOf (shared/domain/shortcuts.ts). Null for none. */
  shortcut: string | null;
}

export type ActionSpecs = { [T in ActionType]: ActionSpec<T> };

const t = (key: string, en: string): Text => ({ key: `action.${key}`, en });

export const actionTable = {
  claim: {
    transition: 'lease',
    payout: null,
    closesCase: false,
    ui: null,
    label: t('claim.label', 'Claim'),
    pending: t('claim.pending', 'Claim'),
    note: null,
    shortcut: null,
  },
  renew: {
    transition: 'lease',
    payout: null,
    closesCase: false,
    ui: null,
    label: t('renew.label', 'Keep the claim'),
    pending: t('renew.pending', 'Renewal'),
    note: null,
    shortcut: null,
  },
  accept: {
    transition: 'lease',
    payout: null,
    closesCase: false,
    ui: null,
    label: t('accept.label', 'Accept'),
    pending: t('accept.pending', 'Acceptance'),
    note: null,
    shortcut: null,
  },
  decline: {
    transition: 'reopen',
    payout: null,
    closesCase: false,
    ui: null,
    label: t('decline.label', 'Decline'),
    pending: t('decline.pending', 'Decline'),
    note: null,
    shortcut: null,
  },
  reply: {
    transition: 'keep',
    payout: null,
    closesCase: false,
    ui: 'composer',
    label: t('reply.label', 'Reply to the customer'),
    pending: t('reply.pending', 'Reply'),
    note: { field: 'body', required: true, becomes: 'message' },
    shortcut: 'r',
  },
  note: {
    transition: 'keep',
    payout: null,
    closesCase: false,
    ui: 'composer',
    label: t('note.label', 'Add an internal note'),
    pending: t('note.pending', 'Note'),
    note: { field: 'body', required: true, becomes: 'note' },
    shortcut: 'n',
  },
  resolve: {
    transition: 'resolve',
    payout: 'resolved',
    closesCase: true,
    ui: 'dialog',
    label: t('resolve.label', 'Resolve…'),
    pending: t('resolve.pending', 'Resolve'),
    note: { field: 'summary', required: false, becomes: 'note' },
    outcome: t(
      'resolve.outcome',
      'Resolved. The customer has your last reply, and the case pays the resolved rate once the brand confirms it (see Earnings).',
    ),
    shortcut: null,
  },
  escalate: {
    transition: 'escalate',
    payout: 'escalated',
    closesCase: true,
    ui: 'dialog',
    label: t('escalate.label', 'Escalate…'),
    pending: t('escalate.pending', 'Escalation'),
    note: { field: 'handoffNote', required: true, becomes: 'handoff' },
    outcome: t(
      'escalate.outcome',
      'Escalated. The brand’s team takes it over from your handoff note; you are paid the escalation rate and need do nothing more.',
    ),
    shortcut: 'e',
  },
  transfer: {
    transition: 'offer',
    payout: null,
    closesCase: true,
    ui: 'dialog',
    label: t('transfer.label', 'Transfer…'),
    pending: t('transfer.pending', 'Transfer'),
    note: { field: 'note', required: true, becomes: 'handoff' },
    outcome: t(
      'transfer.outcome',
      'Transferred. It is offered to whom you chose, with your note, then goes back to the pool; a transfer pays nothing.',
    ),
    shortcut: 't',
  },
  abandon: {
    transition: 'reopen',
    payout: null,
    closesCase: true,
    ui: 'dialog',
    label: t('abandon.label', 'Hand back…'),
    pending: t('abandon.pending', 'Hand-back'),
    note: { field: 'reason', required: false, becomes: 'note' },
    outcome: t(
      'abandon.outcome',
      'Handed back. The ticket is open for another advocate; nothing is paid for it.',
    ),
    shortcut: null,
  },
} as const satisfies ActionSpecs;

type Table = typeof actionTable;

/** Actions the advocate takes from the ticket view (the rest happen in the feed or by themselves). */
export type TicketAction = {
  [T in ActionType]: Table[T]['ui'] extends null ? never : T;
}[ActionType];
/** Actions confirmed in a dialog (they close the case). */
export type DialogAction = {
  [T in ActionType]: Table[T]['ui'] extends 'dialog' ? T : never;
}[ActionType];
/** Actions written in the composer. */
export type ComposerAction = {
  [T in ActionType]: Table[T]['ui'] extends 'composer' ? T : never;
}[ActionType];

export const spec = <T extends ActionType>(type: T): ActionSpecs[T] => actionTable[type];

const keys = Object.keys(actionTable) as ActionType[];
export const ticketActionTypes = keys.filter((a): a is TicketAction => actionTable[a].ui !== null);
export const dialogActionTypes = keys.filter(
  (a): a is DialogAction => actionTable[a].ui === 'dialog',
);

/** The text an action carries under its note rule ('' when it has none). */
export function noteOf(action: Pick<Action, 'type'>): string {
  const rule = actionTable[action.type].note as { field: string } | null;
  if (!rule) return '';
  const value = (action as unknown as Record<string, unknown>)[rule.field];
  return typeof value === 'string' ? value : '';
}

/** For `default:` branches of switches over action types: a new type fails to compile here. */
export function unhandledAction(type: never): never {
  throw new Error(`Unhandled action type: ${String(type)}`);
}
