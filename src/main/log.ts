import { app } from 'electron';
import log from 'electron-log/main';
import type { ErrorJournal } from '../core/services';
import { journalTransport, scrubLogRecord } from '../core/diagnostics/logHook';

export type AppLogger = typeof log;

/**
 * The app's log: a rotating file under the user's logs folder (electron-log keeps one `.old.log`
 * when the file passes 5 MB), uncaught errors and unhandled rejections, and crashed renderer or
 * child processes. Every line goes through the scrubber first: never a token, key, invite code
 * or message body.
 */
export function setupLogging(journal: ErrorJournal): AppLogger {
  log.transports.file.level = 'info';
  log.transports.file.maxSize = 5 * 1024 * 1024;
  log.transports.console.level = app.isPackaged ? false : 'debug';
  log.hooks.push((message) => scrubLogRecord(message));
  const toJournal = Object.assign(journalTransport(journal), { level: 'warn' as const });
  log.transports['journal'] = toJournal as unknown as (typeof log.transports)[string];

  log.errorHandler.startCatching({ showDialog: false });
  app.on('render-process-gone', (_event, contents, details) =>
    log.error('Renderer process gone', { url: contents.getURL().split('?')[0], ...details }),
  );
  app.on('child-process-gone', (_event, details) => log.error('Child process gone', details));
  return log;
}
