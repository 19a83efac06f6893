import { describe, expect, it } from 'vitest';
import type { SyncStatus } from '../../../src/shared/contract/events';
import { connectionTrouble, isTransportError } from '../../../src/shared/domain/connection';

const failed = (state: SyncStatus['state'], message: string, text?: SyncStatus['text']) =>
  ({ state, lastSyncedAt: null, message, ...(text ? { text } : {}) }) satisfies SyncStatus;

describe('isTransportError: the connection failed, not the request', () => {
  it.each([
    'request to http://127.0.0.1:4000/v1/sync failed, reason: other side closed (UND_ERR_SOCKET)',
    'connect ECONNREFUSED 127.0.0.1:4000',
    'read ECONNRESET',
    'getaddrinfo ENOTFOUND feed.example.com',
    'getaddrinfo EAI_AGAIN feed.example.com',
    'fetch failed',
    'socket hang up',
    'net::ERR_INTERNET_DISCONNECTED',
    'The server is not reachable.',
    'The server did not answer in time.',
  ])('%s', (text) => expect(isTransportError(text)).toBe(true));

  it.each([
    'HTTP 400: invalid cursor',
    'Unexpected token < in JSON at position 0',
    'This task needs trust tier 2',
    // A word that merely contains a code is not one.
    'XECONNREFUSEDX',
  ])('not %s', (text) => expect(isTransportError(text)).toBe(false));
});

describe('connectionTrouble: what a sync status means for the advocate', () => {
  it('plain states need no translation', () => {
    expect(connectionTrouble({ state: 'online', lastSyncedAt: 1, message: null })).toBeNull();
    expect(connectionTrouble({ state: 'syncing', lastSyncedAt: 1, message: null })).toBeNull();
    expect(
      connectionTrouble(failed('error', 'x', { id: 'sync.signInRefused', values: {} })),
    ).toBeNull();
    expect(
      connectionTrouble(failed('offline', 'x', { id: 'sync.notConnected', values: {} })),
    ).toBeNull();
  });

  it('the engine’s offline text, and any raw transport failure, mean offline', () => {
    expect(
      connectionTrouble(
        failed('offline', 'x', { id: 'sync.offline', values: { reason: 'HTTP 503', seconds: 2 } }),
      ),
    ).toBe('offline');
    // The renderer's own catch (no text) and a failure to start, both with a raw socket error.
    expect(connectionTrouble(failed('error', 'other side closed (UND_ERR_SOCKET)'))).toBe(
      'offline',
    );
    expect(
      connectionTrouble(
        failed('error', 'x', {
          id: 'sync.couldNotStart',
          values: { reason: 'connect ECONNREFUSED 127.0.0.1:1' },
        }),
      ),
    ).toBe('offline');
  });

  it('a server problem is the server’s; any other raw failure is “stopped”', () => {
    expect(
      connectionTrouble(
        failed('error', 'x', {
          id: 'sync.serverProblem',
          values: { reason: 'HTTP 500', seconds: 4 },
        }),
      ),
    ).toBe('server');
    expect(
      connectionTrouble(
        failed('error', 'x', { id: 'sync.failed', values: { reason: 'HTTP 400: bad cursor' } }),
      ),
    ).toBe('stopped');
    expect(connectionTrouble(failed('error', 'Unexpected token <'))).toBe('stopped');
  });
});
