import { describe, expect, it } from 'vitest';
import { createFormatters } from '../../../src/renderer/src/i18n/format';
import { resolveLocale, textDirection } from '../../../src/renderer/src/i18n/locales';

// 2026-12-03 23:30 UTC: already Friday the 4th in Tokyo, still Thursday the 3rd in New York.
const AT = Date.UTC(2026, 11, 3, 23, 30);
/** Intl's no-break and thin spaces as plain ones, for readable expectations. */
const plain = (text: string) => text.replace(/[\u00a0\u202f\u2009]/g, ' ');

describe('the date and number policy', () => {
  it('shows instants in the chosen zone, not the machine’s', () => {
    expect(createFormatters('en-US', 'Asia/Tokyo').date(AT)).toBe('Dec 4, 2026');
    expect(createFormatters('en-US', 'America/New_York').date(AT)).toBe('Dec 3, 2026');
    expect(createFormatters('de', 'Europe/Berlin').time(AT)).toBe('00:30');
    expect(createFormatters('ja', 'Asia/Tokyo').dateTime(AT)).toBe('2026/12/04 8:30');
  });

  it('shows civil days as they are, whatever the zone', () => {
    for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
      expect(createFormatters('en-GB', zone).day('2026-03-01', 'medium')).toBe('1 Mar 2026');
    }
    expect(createFormatters('de', 'UTC').day('2026-12-05', 'weekdayLong')).toBe('Samstag');
    expect(plain(createFormatters('en-US', 'UTC').dayRange('2026-11-29', '2026-12-05'))).toBe(
      'Nov 29 – Dec 5, 2026',
    );
    // The earnings chart's weeks and months (the policy the old shared/format/dates.ts had).
    expect(
      plain(createFormatters('en-GB', 'UTC').dayRange('2026-12-01', '2026-12-07', 'short')),
    ).toBe('1 – 7 Dec');
    expect(createFormatters('en-US', 'Pacific/Kiritimati').month('2026-03')).toBe('Mar 2026');
    expect(createFormatters('de', 'UTC').month('2026-03-31')).toBe('März 2026');
    expect(createFormatters('ja', 'UTC').month('2026-03')).toBe('2026年3月');
  });

  it('joins lists in the chosen language, not the machine’s', () => {
    expect(createFormatters('en', 'UTC').list(['{{a}}', '{{b}}', '{{c}}'])).toBe(
      '{{a}}, {{b}}, and {{c}}',
    );
    expect(createFormatters('de', 'UTC').list(['{{a}}', '{{b}}'])).toBe('{{a}} und {{b}}');
    expect(createFormatters('ja', 'UTC').list(['{{a}}', '{{b}}'])).toBe('{{a}}、{{b}}');
  });

  it('shows money from integer minor units in the locale', () => {
    expect(createFormatters('en-US', 'UTC').money(123456, 'EUR')).toBe('€1,234.56');
    expect(plain(createFormatters('de', 'UTC').money(123456, 'EUR'))).toBe('1.234,56 €');
    expect(createFormatters('ja', 'UTC').money(1234, 'JPY')).toBe('￥1,234');
    expect(createFormatters('en-US', 'UTC').signedMoney(-200, 'USD')).toBe('-$2.00');
    expect(createFormatters('en-US', 'UTC').signedMoney(150, 'USD')).toBe('+$1.50');
    expect(createFormatters('ar-EG', 'UTC').money(150, 'EGP')).toMatch(/١٫٥٠/);
  });

  it('knows the first day of the week and words durations', () => {
    expect(createFormatters('en-US', 'UTC').firstDayOfWeek).toBe(7);
    expect(createFormatters('de', 'UTC').firstDayOfWeek).toBe(1);
    expect(createFormatters('ar', 'UTC').firstDayOfWeek).toBe(6);
    expect(createFormatters('en', 'UTC').duration(45 * 60_000)).toBe('45 min');
    expect(plain(createFormatters('en', 'UTC').duration(125 * 60_000))).toBe('2 hr 5 min');
    expect(createFormatters('en', 'UTC').relative(AT + 3 * 3_600_000, AT)).toBe('in 3 hours');
  });
});

describe('the locale', () => {
  it('takes Settings first, then the first system language we ship, else English', () => {
    expect(resolveLocale('de', ['en-US'])).toBe('de');
    expect(resolveLocale(null, ['fr-FR', 'es-MX', 'en'])).toBe('es-MX');
    expect(resolveLocale(null, ['fr-FR'])).toBe('en');
    expect(resolveLocale('xx-!!', ['ja-JP'])).toBe('ja-JP');
    expect(resolveLocale('fr', ['ar-EG'])).toBe('ar-EG');
  });

  it('mirrors Arabic only', () => {
    expect(textDirection('ar')).toBe('rtl');
    expect(textDirection('ar-EG')).toBe('rtl');
    for (const l of ['en', 'es', 'de', 'ja']) expect(textDirection(l)).toBe('ltr');
  });
});
