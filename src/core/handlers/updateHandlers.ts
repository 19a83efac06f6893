import type { Services } from '../services';
import { hasOpenTicket } from '../update/openTicketRepo';
import type { HandlerMap } from './types';

export function updateHandlers(
  s: Services,
): HandlerMap<'update:status' | 'update:check' | 'update:download' | 'update:installNow'> {
  return {
    'update:status': async () => s.updates.status(),
    'update:check': async () => s.updates.check(),
    'update:download': async () => s.updates.download(),
    'update:installNow': async () => s.updates.installNow(hasOpenTicket(s.db)),
  };
}
