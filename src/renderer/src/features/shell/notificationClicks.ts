import { invoke, onEvent } from '../../api';
import { useFeed } from '../feed/feedStore';
import { useTickets } from '../tickets/ticketsStore';
import { useNav } from './navStore';

/**
 * Shows the task a desktop notification was about: in My tickets when it is one of them (held,
 * being claimed, or with actions waiting to send), else in the feed with its detail open; the
 * feed itself when the notification named no task (a bundle) or the task is gone.
 */
export async function showNotifiedTask(taskId: string | null): Promise<void> {
  const { go } = useNav.getState();
  if (taskId === null) return go('feed');
  const { mine } = await invoke('tickets:board', { open: null }).catch(() => ({ mine: [] }));
  if (mine.some((t) => t.id === taskId)) {
    go('tickets');
    await useTickets.getState().select(taskId);
    return;
  }
  go('feed');
  await useFeed.getState().open(taskId);
}

/** Acts on `notification:clicked` (main has already brought the window forward). */
export const listenNotificationClicks = () =>
  onEvent('notification:clicked', ({ taskId }) => void showNotifiedTask(taskId));
