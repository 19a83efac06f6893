import { AppError } from '../../shared/result';
import type { Services } from '../services';
import type { HandlerMap } from './types';

// Signing in, the demo workspace and signing out arrive with the sync engine.
export function sessionHandlers(
  _s: Services,
): HandlerMap<'session:connect' | 'session:openDemo' | 'session:signOut'> {
  const unavailable = async (): Promise<never> => {
    throw new AppError(
      'unavailable',
      'Connecting to a brand server is not available in this build yet.',
    );
  };
  return {
    'session:connect': unavailable,
    'session:openDemo': unavailable,
    'session:signOut': unavailable,
  };
}
