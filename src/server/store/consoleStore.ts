/**
 * The brand console's storage (accounts, sessions, audit log, …), reached as `store.console`.
 * Every function taking a `brandId` touches that brand's rows only.
 */
import {
  accountsForLogin,
  acceptAccountInvite,
  inviteAccount,
  listAccounts,
  patchAccount,
} from './adminAccounts';
import { advocateFigures } from './advocateFigures';
import { appendAudit, listAudit } from './audit';
import type { StoreContext } from './context';
import { listContent } from './contentList';
import { acknowledgeEscalation, closeEscalation, listQueue } from './escalationQueue';
import { impactRows, setBrandSettings } from './impactRows';
import { diffRuleVersions, listRuleVersions } from './payoutRuleVersions';
import { runPayout, statements } from './payouts';
import { createSession, endSession, sessionFor } from './sessions';
import { endTask, listTasks } from './taskAdmin';
import {
  createEndpoint,
  disableEndpoint,
  dueDeliveries,
  listDeliveries,
  listEndpoints,
  queueWebhookEvents,
  recordAttempt,
} from './webhooks';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type StoreFn = (ctx: StoreContext, ...rest: any[]) => unknown;
type Bound<M extends Record<string, StoreFn>> = {
  [K in keyof M]: M[K] extends (ctx: StoreContext, ...rest: infer R) => infer O
    ? (...rest: R) => O
    : never;
};

export function bindAll<M extends Record<string, StoreFn>>(ctx: StoreContext, fns: M): Bound<M> {
  return Object.fromEntries(
    Object.entries(fns).map(([name, fn]) => [name, (...rest: unknown[]) => fn(ctx, ...rest)]),
  ) as Bound<M>;
}

export function consoleStore(ctx: StoreContext) {
  return bindAll(ctx, {
    inviteAccount,
    acceptAccountInvite,
    accountsForLogin,
    listAccounts,
    patchAccount,
    createSession,
    sessionFor,
    endSession,
    appendAudit,
    listAudit,
    listTasks,
    listContent,
    endTask,
    listQueue,
    acknowledgeEscalation,
    closeEscalation,
    runPayout,
    statements,
    listRuleVersions,
    diffRuleVersions,
    advocateFigures,
    createEndpoint,
    listEndpoints,
    disableEndpoint,
    queueWebhookEvents,
    dueDeliveries,
    recordAttempt,
    listDeliveries,
    impactRows,
    setBrandSettings,
  });
}

export type ConsoleStore = ReturnType<typeof consoleStore>;
