/**
 * Holds the main thread's writes while another connection holds SQLite's write lock for long:
 * initial sync's bulk load on its worker thread (about a second for 100,000 tasks, more on a slow
 * disk). better-sqlite3 is synchronous, so a write that meets the lock waits on the main thread
 * (`busy_timeout`), freezing Electron's main process, and fails with SQLITE_BUSY once the wait
 * runs out. A write that waits here instead waits asynchronously, and runs once the lock is free.
 * Reads never wait: the database is in WAL mode, where readers and a writer do not block each
 * other.
 */
export class WriteGate {
  private holds = 0;
  private waiting: (() => void)[] = [];

  /** Whether writes may go ahead now. */
  get isOpen(): boolean {
    return this.holds === 0;
  }

  /** Holds writes until the answered release is called (once; a second call does nothing). */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.holds > 0) return;
      const waiting = this.waiting;
      this.waiting = [];
      for (const go of waiting) go();
    };
  }

  /** Resolves when writes may go ahead (at once when they may now). */
  whenOpen(): Promise<void> {
    if (this.isOpen) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }
}
