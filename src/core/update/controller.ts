import type { UpdateProgress, UpdateStatus } from '../../shared/contract/update';
import { translate } from '../i18n/translate';
import { updateErrorText } from './describeError';
import type { UpdateSource } from './source';
import { refusal } from '../i18n/refusal';

export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;
/** Progress pushes are throttled so a fast download does not flood the renderer. */
const PROGRESS_EVERY_MS = 250;

export interface UpdateControllerOptions {
  source: UpdateSource;
  now: () => number;
  /** Told about every status change (the `update:status` event). */
  onStatus: (status: UpdateStatus) => void;
  /** Told about failures with their full detail (the log); the status only carries a summary. */
  onError?: (error: unknown) => void;
}

/**
 * The update policy, as a state machine:
 * idle → checking → available (awaiting the advocate's consent) → downloading (progress)
 * → downloaded (installs on quit, or now if the advocate restarts while no ticket is open);
 * any step can fail into `error`, from which a new check starts over.
 */
export interface UpdateController {
  status(): UpdateStatus;
  check(): Promise<UpdateStatus>;
  /** Starts the download the advocate agreed to; answers at once, progress comes as statuses. */
  download(): UpdateStatus;
  /** Quits and installs, unless a ticket is open (then it stays "install on quit"). */
  installNow(ticketOpen: boolean): UpdateStatus;
  /** Checks now and every `intervalMs`; answers a function that stops the schedule. */
  startSchedule(intervalMs?: number): () => void;
  /** Resolves when no check or download is running (for tests and shutdown). */
  settled(): Promise<void>;
}

export function createUpdateController(options: UpdateControllerOptions): UpdateController {
  const { source, now, onStatus, onError } = options;
  let status: UpdateStatus = {
    state: 'idle',
    currentVersion: source.currentVersion,
    version: null,
    releaseNotes: null,
    progress: null,
    lastCheckedAt: null,
    error: null,
    errorText: null,
  };
  let running: Promise<unknown> | null = null;
  let lastProgressAt = 0;

  const set = (patch: Partial<UpdateStatus>): UpdateStatus => {
    status = { ...status, ...patch };
    onStatus(status);
    return status;
  };
  const failed = (error: unknown): UpdateStatus => {
    onError?.(error);
    const text = updateErrorText(error);
    return set({ state: 'error', progress: null, error: translate('en', text), errorText: text });
  };
  const track = <T>(promise: Promise<T>): Promise<T> => {
    running = promise;
    void promise.finally(() => {
      if (running === promise) running = null;
    });
    return promise;
  };

  const check = (): Promise<UpdateStatus> => {
    // A download in flight or finished is not thrown away by a re-check.
    if (status.state === 'downloading' || status.state === 'downloaded') {
      return Promise.resolve(status);
    }
    if (status.state === 'checking' && running) return running.then(() => status);
    set({ state: 'checking', error: null, errorText: null });
    return track(
      source.check().then(
        (offer) =>
          offer
            ? set({
                state: 'available',
                version: offer.version,
                releaseNotes: offer.releaseNotes,
                lastCheckedAt: now(),
              })
            : set({ state: 'idle', version: null, releaseNotes: null, lastCheckedAt: now() }),
        failed,
      ),
    );
  };

  const onProgress = (progress: UpdateProgress): void => {
    const at = now();
    if (progress.percent < 100 && at - lastProgressAt < PROGRESS_EVERY_MS) return;
    lastProgressAt = at;
    if (status.state === 'downloading') set({ progress });
  };

  return {
    status: () => status,
    check,
    download: () => {
      if (status.state === 'downloading' || status.state === 'downloaded') return status;
      if (status.state !== 'available') {
        throw refusal('conflict', 'error.update.nothingToDownload');
      }
      lastProgressAt = 0;
      set({
        state: 'downloading',
        error: null,
        errorText: null,
        progress: { percent: 0, transferredBytes: 0, totalBytes: 0, bytesPerSecond: 0 },
      });
      void track(
        source
          .download(onProgress)
          .then(() => set({ state: 'downloaded', progress: null }), failed),
      );
      return status;
    },
    installNow: (ticketOpen) => {
      if (status.state !== 'downloaded') {
        throw refusal('conflict', 'error.update.notDownloaded');
      }
      if (ticketOpen) {
        throw refusal('conflict', 'error.update.ticketOpen');
      }
      source.installNow();
      return status;
    },
    startSchedule: (intervalMs = UPDATE_CHECK_INTERVAL_MS) => {
      void check();
      const timer = setInterval(() => void check(), intervalMs);
      timer.unref?.();
      return () => clearInterval(timer);
    },
    settled: async () => {
      while (running) await running.catch(() => undefined);
    },
  };
}
