import { app, nativeImage, Notification, type BrowserWindow } from 'electron';
import type { DesktopShell } from '../core/services';
import type { EventName, EventPayload } from '../shared/contract';
import { badgePng } from './badgeImage';

interface Options {
  window: () => BrowserWindow | null;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  platform?: NodeJS.Platform;
}

/**
 * Desktop notifications and the badge. A click on a notification brings the window back
 * (restored, shown, focused) and tells the renderer which task to open. The badge is the dock
 * count on macOS and Linux (Unity); Windows has none, so the taskbar button gets an overlay icon.
 */
export function createDesktopShell({
  window,
  emit,
  platform = process.platform,
}: Options): DesktopShell {
  // Kept referenced until closed: a garbage-collected Notification loses its click handler.
  const shown = new Set<Notification>();
  return {
    notify({ title, body, taskId = null }) {
      if (!Notification.isSupported()) return;
      const notification = new Notification({ title, body, silent: false });
      shown.add(notification);
      notification.on('click', () => {
        const win = window();
        if (win && !win.isDestroyed()) {
          if (win.isMinimized()) win.restore();
          win.show();
          win.focus();
        }
        emit('notification:clicked', { taskId });
      });
      notification.on('close', () => shown.delete(notification));
      notification.show();
    },
    isFocused() {
      const win = window();
      return !!win && !win.isDestroyed() && win.isFocused();
    },
    setBadgeCount(count) {
      if (platform !== 'win32') {
        app.setBadgeCount(count);
        return;
      }
      const win = window();
      if (!win || win.isDestroyed()) return;
      if (count <= 0) win.setOverlayIcon(null, '');
      else {
        const image = nativeImage.createFromBuffer(badgePng(count), { scaleFactor: 2 });
        win.setOverlayIcon(image, count === 1 ? '1 new task' : `${count} new tasks`);
      }
    },
  };
}
