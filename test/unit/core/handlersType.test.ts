import { describe, expect, it } from 'vitest';
import type { Handlers } from '../../../src/core';
import { createTestCore } from '../../support/core';

describe('Handlers type', () => {
  it('rejects a handler map with a channel missing (checked by npm run typecheck)', () => {
    const core = createTestCore();
    const { ['settings:get']: _removed, ...incomplete } = core.handlers;
    // @ts-expect-error — 'settings:get' is missing, so this is not a Handlers map.
    const handlers: Handlers = incomplete;
    expect(Object.keys(handlers)).not.toContain('settings:get');
    core.close();
  });
});
