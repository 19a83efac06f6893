import { useState } from 'react';

export interface Action {
  busy: boolean;
  error: unknown;
  /** What the last change did, for a status line. */
  done: string | undefined;
  /** Runs `change`; on success shows `doneText` (or what it returns) and calls `after`. */
  run: <T>(change: () => Promise<T>, doneText?: string | ((result: T) => string)) => Promise<void>;
}

/** One button's (or form's) change: busy while it runs, its error or its confirmation after. */
export function useAction(after?: () => void): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string>();
  return {
    busy,
    error,
    done,
    async run(change, doneText) {
      setBusy(true);
      setError(undefined);
      setDone(undefined);
      try {
        const result = await change();
        setDone(typeof doneText === 'function' ? doneText(result) : doneText);
        after?.();
      } catch (err) {
        setError(err);
      } finally {
        setBusy(false);
      }
    },
  };
}
