import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

interface ProbeResult {
  files: string[];
  errors: { file: string; line: number; code: string; message: string }[];
}

/**
 * Adds a dummy action type to the protocol and the action table in a scratch copy and runs
 * `tsc` (scripts/actionTypeProbe.mjs): the compiler must name every place that handles action
 * types by hand, and nothing else. Slow (three full type checks), hence the long timeout.
 */
describe('adding an action type', () => {
  it('makes the compiler name every place that must handle it', () => {
    const out = execFileSync(process.execPath, [join('scripts', 'actionTypeProbe.mjs')], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
    });
    const result = JSON.parse(out) as ProbeResult;
    expect(result.files).toEqual([
      'src/core/tickets/ticketActions.ts',
      'src/renderer/src/features/tickets/ActionDialog.tsx',
      'src/renderer/src/features/tickets/TicketsView.tsx',
      'src/server/store/actionDecision.ts',
      'src/shared/contract/tickets.ts',
      'test/unit/shared/lifecycle.test.ts',
    ]);
    // Each file is flagged for the new type itself (a missing entry or an unhandled case).
    for (const file of result.files) {
      const messages = result.errors.filter((e) => e.file === file).map((e) => e.message);
      expect(
        messages.some((m) => /'probe'|"probe"|'never'/.test(m)),
        file,
      ).toBe(true);
    }
  }, 600_000);
});
