import { afterEach, describe, expect, it } from 'vitest';
import { serverNow } from '../../../src/renderer/src/features/sync/useNow';
import { useSync } from '../../../src/renderer/src/features/sync/syncStore';

describe('the renderer’s lease clock', () => {
  const initial = useSync.getState().status;
  afterEach(() => useSync.setState({ status: initial }));

  it('is the server’s clock as the app estimated it, not the laptop’s', () => {
    useSync.setState({ status: { ...initial, clockOffsetMs: -3_600_000 } });
    expect(Math.abs(serverNow() - (Date.now() - 3_600_000))).toBeLessThan(50);
    useSync.setState({ status: initial });
    expect(Math.abs(serverNow() - Date.now())).toBeLessThan(50);
  });
});
