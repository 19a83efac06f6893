import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { dispatch, type Handlers } from '../core';
import { channelNames } from '../shared/contract';
import { fail } from '../shared/result';

export interface IpcOptions {
  /** True for URLs of the app's own pages; every other sender is refused. */
  isAppUrl: (url: string) => boolean;
  onInternalError?: (channel: string, error: unknown) => void;
}

/** Registers one `ipcMain.handle` per contract channel; every answer is a Result. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: Handlers,
  options: IpcOptions,
) {
  for (const name of channelNames) {
    ipcMain.handle(name, async (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? '';
      if (!options.isAppUrl(url)) {
        return fail('forbidden_sender', `Refused ${name} from a page that is not Gigdesk's own.`);
      }
      return dispatch(handlers, name, input, { onInternalError: options.onInternalError });
    });
  }
}
