import { describe, expect, it } from 'vitest';
import {
  expandMacro,
  filterMacros,
  firstName,
  unfilledPlaceholders,
} from '../../../src/shared/domain/macros';
import { countdown, leaseLevel, slaLevel } from '../../../src/shared/domain/ticketState';
import demoMacros from '../../../resources/demo/macros.json';

const ctx = {
  customerName: '  María José Pérez ',
  advocateName: 'Ada Lovelace',
  brandName: 'Fjellhavn Outdoor',
};

describe('macro placeholders', () => {
  it('fills the customer’s first name, the advocate’s name and the brand; keeps unknown ones verbatim', () => {
    expect(
      expandMacro(
        'Hi {{customer.firstName}}, {{ advocate.name }} of {{brand.name}} ({{order.number}})',
        ctx,
      ),
    ).toBe('Hi María, Ada Lovelace of Fjellhavn Outdoor ({{order.number}})');
    expect(expandMacro('{{customer.name}} / {{advocate.firstName}}', ctx)).toBe(
      'María José Pérez / Ada',
    );
  });

  it('keeps a placeholder whose value is unknown (empty) rather than leaving a hole', () => {
    expect(expandMacro('Hi {{customer.firstName}}', { customerName: '', advocateName: 'A' })).toBe(
      'Hi {{customer.firstName}}',
    );
    expect(firstName('')).toBe('');
  });

  it('every demo macro expands its customer and advocate placeholders; only order/product ones remain', () => {
    for (const m of demoMacros as { body: string }[]) {
      const left = unfilledPlaceholders(expandMacro(m.body, ctx));
      expect(left.every((p) => p.startsWith('order.') || p.startsWith('product.'))).toBe(true);
    }
  });
});

describe('macro filter', () => {
  const macros = [
    { title: 'Sign-off', body: 'Have a great time outdoors' },
    { title: 'Greeting', body: 'Hi there' },
    { title: 'Lost parcel: investigation opened', body: 'carrier investigation' },
    { title: 'Tracking: checked with carrier', body: 'parcel is on its way' },
  ];
  it('matches every typed word in title or body, title hits first', () => {
    expect(filterMacros(macros, 'parcel').map((m) => m.title)).toEqual([
      'Lost parcel: investigation opened',
      'Tracking: checked with carrier',
    ]);
    expect(filterMacros(macros, 'GREET').map((m) => m.title)).toEqual(['Greeting']);
    expect(filterMacros(macros, 'parcel zebra')).toEqual([]);
    expect(filterMacros(macros, '  ').map((m) => m.title)).toEqual([
      'Greeting',
      'Lost parcel: investigation opened',
      'Sign-off',
      'Tracking: checked with carrier',
    ]);
  });
});

describe('SLA and lease levels', () => {
  const now = 1_000_000_000;
  it('turns amber within the hour and red within 15 minutes or overdue', () => {
    expect(slaLevel(null, now)).toBe('none');
    expect(slaLevel(now + 2 * 3_600_000, now)).toBe('ok');
    expect(slaLevel(now + 30 * 60_000, now)).toBe('amber');
    expect(slaLevel(now + 10 * 60_000, now)).toBe('red');
    expect(slaLevel(now - 1, now)).toBe('red');
  });
  it('warns of a lapsing lease and says when it lapsed', () => {
    expect(leaseLevel(null, now)).toBe('none');
    expect(leaseLevel(now + 10 * 60_000, now)).toBe('ok');
    expect(leaseLevel(now + 4 * 60_000, now)).toBe('lapsing');
    expect(leaseLevel(now, now)).toBe('lapsed');
    expect(countdown(4 * 60_000 + 5_000)).toBe('4:05');
    expect(countdown(3_600_000 + 65_000)).toBe('1:01:05');
    expect(countdown(-5)).toBe('0:00');
  });
});
