import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, eventNames, type EventName } from '../shared/contract';

// One function per channel and `on` for contract events only; ipcRenderer itself never leaves here.
const api: Record<string, unknown> = {};
for (const name of channelNames) {
  api[name] = (input?: unknown) => ipcRenderer.invoke(name, input);
}
api.on = (event: EventName, listener: (payload: unknown) => void) => {
  if (!eventNames.includes(event)) throw new Error(`Unknown event: ${String(event)}`);
  const wrapped = (_: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(event, wrapped);
  return () => ipcRenderer.removeListener(event, wrapped);
};

contextBridge.exposeInMainWorld('gigdesk', Object.freeze(api));
