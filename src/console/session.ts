import { createContext, useContext } from 'react';
import type { ConsoleSession } from '../shared/consoleProtocol';

export const SessionContext = createContext<ConsoleSession | null>(null);

/** The signed-in session; pages render only inside a signed-in shell. */
export function useSession(): ConsoleSession {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in console');
  return s;
}

/** Analysts read; owners and admins change things; owners also manage accounts and keys. */
export const canChange = (s: ConsoleSession) => s.account.role !== 'analyst';
export const isOwner = (s: ConsoleSession) => s.account.role === 'owner';
