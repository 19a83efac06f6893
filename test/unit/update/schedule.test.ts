import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createUpdateController,
  UPDATE_CHECK_INTERVAL_MS,
  type UpdateSource,
} from '../../../src/core/update';

afterEach(() => vi.useRealTimers());

describe('update schedule', () => {
  it('checks at start and every few hours, but never re-checks over a finished download', async () => {
    vi.useFakeTimers();
    const check = vi.fn(async () => ({ version: '2.0.0', releaseNotes: null }));
    const download = vi.fn(async () => undefined);
    const source: UpdateSource = { currentVersion: '1.0.0', check, download, installNow: vi.fn() };
    const controller = createUpdateController({ source, now: Date.now, onStatus: () => undefined });
    const stop = controller.startSchedule();
    await controller.settled();
    expect(check).toHaveBeenCalledTimes(1);
    expect(download).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS);
    expect(check).toHaveBeenCalledTimes(2);
    expect(controller.status().state).toBe('available');
    expect(download).not.toHaveBeenCalled();

    controller.download();
    await controller.settled();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_INTERVAL_MS * 3);
    expect(check).toHaveBeenCalledTimes(2);
    expect(controller.status().state).toBe('downloaded');

    stop();
  });

  it('throttles progress pushes but always reports completion', async () => {
    let t = 0;
    const statuses: number[] = [];
    const source: UpdateSource = {
      currentVersion: '1.0.0',
      check: async () => ({ version: '2.0.0', releaseNotes: null }),
      download: async (onProgress) => {
        for (let p = 1; p <= 100; p++) {
          t += 10;
          onProgress({ percent: p, transferredBytes: p, totalBytes: 100, bytesPerSecond: 1 });
        }
      },
      installNow: vi.fn(),
    };
    const controller = createUpdateController({
      source,
      now: () => t,
      onStatus: (s) => void (s.progress && statuses.push(s.progress.percent)),
    });
    await controller.check();
    controller.download();
    await controller.settled();
    expect(statuses.length).toBeLessThan(10);
    expect(statuses.at(-1)).toBe(100);
  });
});
