import type { SearchOutcome, SearchRequest, SuggestRequest } from './search';
import type { Overview } from './overview';

/** Messages between the app and the KB search worker thread. */
export type WorkerRequest =
  | { id: number; kind: 'search'; request: SearchRequest }
  | { id: number; kind: 'suggest'; request: SuggestRequest }
  /** The same suggestions for the next-best action panel: its own kind, so that neither the
   * panel nor the KB panel's suggestions for the same ticket supersede the other. */
  | { id: number; kind: 'nbaSuggest'; request: SuggestRequest }
  | { id: number; kind: 'overview'; request: null };

export type WorkerKind = WorkerRequest['kind'];

export interface WorkerAnswers {
  search: SearchOutcome & { tookMs: number };
  suggest: SearchOutcome & { tookMs: number };
  nbaSuggest: SearchOutcome & { tookMs: number };
  overview: Overview;
}

export type WorkerResponse =
  | { id: number; ok: true; value: WorkerAnswers[WorkerKind] }
  | { id: number; ok: false; message: string };

/** What the worker needs to open its own read-only connection to the app's database. */
export interface WorkerData {
  file: string;
}

/** How to start the worker: the built file in the app, or the TS source through tsx in tests. */
export interface SearchWorkerEntry {
  file: string;
  execArgv: string[];
}
