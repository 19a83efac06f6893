import { describe, expect, it } from 'vitest';
import { actionTable, noteOf, ticketActionTypes } from '../../../src/shared/domain/actions';
import { actionTypes } from '../../../src/shared/protocol';

const specs = Object.entries(actionTable);

describe('the action table', () => {
  it('has one row per protocol action type', () => {
    expect(Object.keys(actionTable).sort()).toEqual([...actionTypes].sort());
  });

  it('gives each shortcut to one action, and none that the ticket view keeps for itself', () => {
    const keys = specs.flatMap(([, s]) => (s.shortcut ? [s.shortcut] : []));
    expect(new Set(keys).size).toBe(keys.length);
    for (const reserved of ['j', 'k', '?']) expect(keys).not.toContain(reserved);
  });

  it('keeps its rules consistent: a payout closes the case, a dialog confirms a closing action', () => {
    for (const [type, s] of specs) {
      if (s.payout) expect(s.closesCase, type).toBe(true);
      expect(s.ui === 'dialog', type).toBe(s.closesCase);
      if (s.shortcut) expect(s.ui, type).not.toBeNull();
    }
    expect(ticketActionTypes).toEqual([
      'reply',
      'note',
      'resolve',
      'escalate',
      'transfer',
      'abandon',
    ]);
  });

  it('has an i18n key per text, all different', () => {
    const keys = specs.flatMap(([, s]) => [s.label.key, s.pending.key]);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads the text an action carries by its note rule', () => {
    expect(noteOf({ type: 'escalate', handoffNote: 'Over my limit' } as { type: 'escalate' })).toBe(
      'Over my limit',
    );
    expect(noteOf({ type: 'resolve' })).toBe('');
    expect(noteOf({ type: 'claim' })).toBe('');
  });
});
