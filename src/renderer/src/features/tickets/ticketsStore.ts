import { create } from 'zustand';
import type { Input } from '../../../../shared/contract';
import type { Macro, MyTicket, Ticket, TicketBoard } from '../../../../shared/contract/tickets';
import { actionTable, type DialogAction } from '../../../../shared/domain/actions';
import type { ActionType } from '../../../../shared/protocol';
import { errorInfo, invoke, onEvent } from '../../api';
import type { ShownText } from '../../i18n/useT';

type Without<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A confirmed action from the workspace, for the open ticket (`tickets:act` without its id). */
export type TicketCommand = Without<Input<'tickets:act'>, 'taskId'>;

/** The action that took a ticket out of this advocate's hands here (its outcome is shown). */
export interface TicketOutcome {
  taskId: string;
  type: DialogAction;
}

/** Whether the ticket still is this advocate's to work (held, or being claimed here). */
const workable = (t: MyTicket) =>
  (t.status === 'claimed' || t.pendingClaim) &&
  !t.pendingActions.some(
    (type) => Object.hasOwn(actionTable, type) && actionTable[type as ActionType].closesCase,
  );

/** The ticket to work after `closedId`: the next workable one after it in list order, wrapping. */
export function nextWorkable(list: MyTicket[], closedId: string | null): MyTicket | null {
  const at = list.findIndex((t) => t.id === closedId);
  const ordered = at < 0 ? list : [...list.slice(at + 1), ...list.slice(0, at)];
  return ordered.find((t) => t.id !== closedId && workable(t)) ?? null;
}

interface TicketsState {
  list: MyTicket[] | null;
  selectedId: string | null;
  ticket: Ticket | null;
  macros: Macro[];
  error: ShownText | null;
  /** Set when a closing action (resolve, escalate, transfer, hand back) was queued here. */
  outcome: TicketOutcome | null;
  /** Loads My tickets; keeps (or makes) a selection. */
  load: () => Promise<void>;
  /** Loads My tickets and refreshes on `feed:changed`; returns the unsubscribe. */
  listen: () => () => void;
  select: (id: string | null) => Promise<void>;
  /** Moves the selection by `delta` within My tickets (j/k). */
  move: (delta: number) => Promise<void>;
  /** Re-reads the list and the open ticket in one call (after `feed:changed`). */
  refresh: () => Promise<void>;
  /** Runs an action; answers an error message, or null when it was queued. */
  run: (command: TicketCommand) => Promise<ShownText | null>;
  /** Opens the next workable ticket; false when there is none (the caller shows the feed). */
  next: () => Promise<boolean>;
  saveDraft: (taskId: string, kind: 'reply' | 'note', body: string) => Promise<void>;
  renew: (taskId: string) => Promise<void>;
}

export const useTickets = create<TicketsState>((set, get) => {
  /** Shows a board answer; a selected ticket that left this device gives way to the next one. */
  const show = async (board: TicketBoard, id: string | null) => {
    set({ list: board.mine });
    if (id === null || get().selectedId !== id) return;
    if (board.open) {
      set({ ticket: board.open, error: null });
      return;
    }
    const next = board.mine.find((t) => t.id !== id);
    set({
      ticket: null,
      error: { id: 'tickets.gone' },
      selectedId: next ? null : id,
    });
    if (next) await get().select(next.id);
  };
  const read = async (id: string | null) => {
    try {
      await show(await invoke('tickets:board', { open: id }), id);
    } catch (e) {
      set({ error: errorInfo(e) });
    }
  };
  return {
    list: null,
    selectedId: null,
    ticket: null,
    macros: [],
    error: null,
    outcome: null,
    load: async () => {
      await read(get().selectedId);
      const { selectedId, list } = get();
      if (selectedId === null && list?.[0]) await get().select(list[0].id);
    },
    listen: () => {
      void get().load();
      return onEvent('feed:changed', () => void get().refresh());
    },
    select: async (id) => {
      if (id === get().selectedId && get().ticket?.id === id) return;
      set({ selectedId: id, ticket: null, macros: [], outcome: null });
      if (id === null) return;
      await read(id);
      invoke('tickets:macros', { taskId: id }).then(
        (macros) => get().selectedId === id && set({ macros }),
        () => undefined,
      );
    },
    move: async (delta) => {
      const { list, selectedId } = get();
      if (!list || list.length === 0) return;
      const at = list.findIndex((t) => t.id === selectedId);
      const next = Math.min(list.length - 1, Math.max(0, at < 0 ? 0 : at + delta));
      await get().select(list[next]!.id);
    },
    refresh: () => read(get().selectedId),
    run: async (command) => {
      const taskId = get().selectedId;
      if (!taskId) return { id: 'tickets.openFirst' };
      try {
        const board = await invoke('tickets:act', { ...command, taskId });
        const { type } = command;
        if (actionTable[type].closesCase) set({ outcome: { taskId, type: type as DialogAction } });
        await show(board, taskId);
        return null;
      } catch (e) {
        return errorInfo(e);
      }
    },
    next: async () => {
      const { list, selectedId } = get();
      const target = nextWorkable(list ?? [], selectedId);
      if (!target) return false;
      await get().select(target.id);
      return true;
    },
    saveDraft: async (taskId, kind, body) => {
      await invoke('tickets:saveDraft', { taskId, kind, body }).catch(() => undefined);
    },
    renew: async (taskId) => {
      await invoke('tickets:renew', { taskId }).catch(() => undefined);
    },
  };
});
