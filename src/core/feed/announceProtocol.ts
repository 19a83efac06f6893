/** What announcing new tasks needs to know after a sync, read in one snapshot of the feed. */
export interface AnnounceQuery {
  minPayout: number;
  /** How many of the new matching tasks to name; 0: no notification is due (the count is skipped). */
  freshLimit: number;
}

export interface AnnounceFindings {
  /** Open matching tasks: the badge. */
  badge: number;
  /** New matching tasks (null when `freshLimit` was 0): their count and the best-paid few. */
  fresh: { total: number; subjects: string[]; taskIds: string[] } | null;
  /** Every task not announced yet (matching or not): marked announced once this is shown. */
  unannounced: string[];
}

/** Messages between the app and the announce worker thread. */
export interface AnnounceRequest {
  id: number;
  query: AnnounceQuery;
}

export type AnnounceResponse =
  { id: number; ok: true; findings: AnnounceFindings } | { id: number; ok: false; message: string };

/** How to start the worker: the built file in the app, or the TS source through tsx in tests. */
export interface AnnounceWorkerEntry {
  file: string;
  execArgv: string[];
}
