import { describe, expect, it } from 'vitest';
import { SyncBadge } from '../../../src/renderer/src/features/sync/SyncBadge';
import { render, screen } from '../render';

const raw =
  'request to http://127.0.0.1:4000/v1/sync failed, reason: other side closed (UND_ERR_SOCKET)';

/** The badge for a failure core worded as `id` with `values`; answers the badge element. */
function badgeFor(id: string, values: Record<string, string | number> = {}) {
  render(
    <SyncBadge
      status={{ state: 'error', lastSyncedAt: null, message: 'x', text: { id, values } }}
    />,
  );
  return screen.getByRole('status');
}

describe('SyncBadge', () => {
  it('says a raw transport failure in plain words; the raw text is only in the tooltip', () => {
    render(<SyncBadge status={{ state: 'error', lastSyncedAt: null, message: raw }} />);
    const badge = screen.getByRole('status');
    expect(badge.textContent).toContain('Sync error');
    expect(badge.textContent).toContain(
      'Offline — your work is saved here and will be sent when the connection returns.',
    );
    expect(badge.textContent).not.toContain('other side closed');
    expect(badge.title).toContain(raw);
  });

  it('words the engine’s server problem plainly, keeping its reason for the tooltip', () => {
    const badge = badgeFor('sync.serverProblem', {
      reason: 'reason.serverError',
      status: 502,
      seconds: 4,
    });
    expect(badge.textContent).toContain('The server is having trouble');
    expect(badge.textContent).not.toContain('502');
    expect(badge.title).toContain('The server had a problem (error 502). Retrying in 4 s.');
  });

  it('shows a plain core text as it is', () => {
    expect(badgeFor('sync.signInRefused').textContent).toContain(
      'The server no longer accepts this device.',
    );
  });
});
