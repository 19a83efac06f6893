export { createHandlers } from './handlers/index';
export type { Handlers, HandlerMap, Handler } from './handlers/types';
export { dispatch } from './dispatch';
export { openDatabase, DatabaseTooNewError, type Db } from './db/open';
export type { Services, SecretStore, Emit, RuntimeInfo } from './services';
export { memorySecretStore } from './services';
