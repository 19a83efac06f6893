import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  comparePositions,
  cursorHolds,
  formatCursor,
  horizonCursor,
  laterCursor,
  parseCursor,
} from '../../../src/shared/domain/syncCursor';

const position = fc.record({
  xid: fc.bigInt({ min: 0n, max: (1n << 64n) - 1n }),
  seq: fc.bigInt({ min: 0n, max: (1n << 63n) - 1n }),
});

describe('sync cursors', () => {
  it('read back what they write, for every position', () => {
    fc.assert(
      fc.property(position, (p) => {
        expect(parseCursor(formatCursor(p))).toEqual(p);
      }),
    );
  });

  it('order by transaction first, then seq', () => {
    fc.assert(
      fc.property(position, position, (a, b) => {
        const byHand = a.xid === b.xid ? Math.sign(Number(a.seq - b.seq)) : a.xid < b.xid ? -1 : 1;
        expect(comparePositions(a, b)).toBe(byHand);
        expect(cursorHolds(formatCursor(a), formatCursor(b))).toBe(byHand >= 0);
      }),
    );
  });

  it('read an old numeric cursor as a position before every transaction-ordered row', () => {
    expect(parseCursor('1234')).toEqual({ xid: 0n, seq: 1234n });
    expect(formatCursor({ xid: 0n, seq: 1234n })).toBe('1234');
    expect(cursorHolds('999999', '5.1')).toBe(false);
    expect(cursorHolds('5.1', '999999')).toBe(true);
  });

  it('a horizon cursor holds everything older transactions wrote, nothing of its own', () => {
    expect(cursorHolds(horizonCursor(700n), '699.99999')).toBe(true);
    expect(cursorHolds(horizonCursor('700'), '700.1')).toBe(false);
  });

  it('refuse what no server issued', () => {
    for (const bad of ['', 'abc', '1.2.3', '-1', '1.', '.5', '1e3', ' 1', '9'.repeat(20)])
      expect(parseCursor(bad)).toBeNull();
    expect(cursorHolds(null, '5')).toBe(false);
    expect(cursorHolds('5', 'junk')).toBe(false);
  });

  it('pick the later of two cursors, ignoring unreadable ones', () => {
    expect(laterCursor('7.3', '7.10')).toBe('7.10');
    expect(laterCursor('8.1', '7.10')).toBe('8.1');
    expect(laterCursor(null, '42')).toBe('42');
    expect(laterCursor('junk', '42')).toBe('42');
    expect(laterCursor(null, null)).toBeNull();
  });
});
