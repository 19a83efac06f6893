import type { Services } from '../services';
import { openDemo, signIn, signOut } from '../session/session';
import type { SyncController } from '../sync/controller';
import type { HandlerMap } from './types';

export function sessionHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<'session:connect' | 'session:openDemo' | 'session:signOut'> {
  return {
    'session:connect': ({ serverUrl, inviteCode, discardUnsent }) =>
      signIn(s, sync, serverUrl, inviteCode, false, discardUnsent),
    'session:openDemo': () => openDemo(s, sync),
    'session:signOut': ({ wipeLocalData, discardUnsent }) =>
      signOut(s, sync, wipeLocalData, discardUnsent),
  };
}
