import type { Services } from '../services';
import { openDemo, signIn, signOut } from '../session/session';
import type { SyncController } from '../sync/controller';
import type { HandlerMap } from './types';

export function sessionHandlers(
  s: Services,
  sync: SyncController,
): HandlerMap<'session:connect' | 'session:openDemo' | 'session:signOut'> {
  return {
    'session:connect': ({ serverUrl, inviteCode }) => signIn(s, sync, serverUrl, inviteCode, false),
    'session:openDemo': () => openDemo(s, sync),
    'session:signOut': ({ wipeLocalData }) => signOut(s, sync, wipeLocalData),
  };
}
