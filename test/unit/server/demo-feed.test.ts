import { describe, expect, it } from 'vitest';
import { generateDemoFeed } from '../../../src/server/demo/demoTasks';
import { TaskPush } from '../../../src/shared/protocol';

const NOW = Date.UTC(2026, 11, 3, 20, 0, 0);
const HOUR = 3_600_000;

/** The script a text is mostly written in, near enough to tell the demo's languages apart. */
function script(text: string): string {
  if (/[\u3040-\u30ff]/.test(text)) return 'ja';
  if (/[\u0600-\u06ff]/.test(text)) return 'ar';
  if (/[¿¡ñ]|\b(?:pedido|hola|el|la|por)\b/i.test(text)) return 'es';
  if (/[äöüß]|\b(?:ich|Bestellung|nicht|und)\b/.test(text)) return 'de';
  return 'en';
}

describe('the demo feed', () => {
  const feed = generateDemoFeed({ now: NOW });

  it('is 200 valid tasks with at least 180 distinct subjects', () => {
    expect(feed.tasks).toHaveLength(200);
    for (const t of [...feed.tasks, ...feed.history]) TaskPush.parse(t.push);
    expect(new Set(feed.tasks.map((t) => t.push.subject)).size).toBeGreaterThanOrEqual(180);
  });

  it('is due relative to the moment it opens: most within hours, a few overdue', () => {
    const due = feed.tasks.map((t) => t.push.slaDueAt! - NOW);
    const overdue = due.filter((d) => d < 0).length;
    expect(overdue).toBeGreaterThan(0);
    expect(overdue / due.length).toBeLessThanOrEqual(0.12);
    expect(due.filter((d) => d >= 0 && d <= 8 * HOUR).length / due.length).toBeGreaterThan(0.6);
    for (const t of feed.tasks) {
      for (const m of t.push.messages) {
        expect(m.createdAt).toBeLessThanOrEqual(NOW);
        expect(m.createdAt).toBeGreaterThanOrEqual(t.push.createdAt);
      }
    }
    const later = generateDemoFeed({ now: NOW + 30 * 24 * HOUR });
    expect(later.tasks.filter((t) => t.push.slaDueAt! < NOW + 30 * 24 * HOUR)).toHaveLength(
      overdue,
    );
  });

  it('has returning customers, with resolved cases behind some of them', () => {
    const perCustomer = new Map<string, string[]>();
    for (const t of feed.tasks) {
      perCustomer.set(t.customerKey, [
        ...(perCustomer.get(t.customerKey) ?? []),
        t.push.customerName,
      ]);
    }
    const returning = [...perCustomer.values()].filter((names) => names.length > 1);
    expect(returning.length).toBeGreaterThanOrEqual(15);
    // The key stands for one person: the same name on every case.
    for (const names of returning) expect(new Set(names).size).toBe(1);
    const withHistory = new Set(feed.history.map((h) => h.customerKey));
    expect(
      [...withHistory].filter((k) => (perCustomer.get(k)?.length ?? 0) > 1).length,
    ).toBeGreaterThanOrEqual(8);
    for (const h of feed.history) {
      expect(perCustomer.has(h.customerKey)).toBe(true);
      expect(h.resolvedAt).toBeLessThan(NOW);
      expect(h.resolvedAt).toBeGreaterThan(h.push.createdAt);
    }
  });

  it('is written in at least four languages, each in its own words', () => {
    const languages = new Map<string, number>();
    for (const t of feed.tasks) {
      languages.set(t.language, (languages.get(t.language) ?? 0) + 1);
      expect(script(t.push.messages[0]!.body)).toBe(t.language);
    }
    expect(languages.size).toBeGreaterThanOrEqual(4);
    for (const count of languages.values()) expect(count).toBeGreaterThanOrEqual(10);
  });

  it('is the same feed for the same seed, and another for another seed', () => {
    expect(generateDemoFeed({ now: NOW })).toEqual(feed);
    expect(generateDemoFeed({ now: NOW, seed: 7 }).tasks.map((t) => t.push.subject)).not.toEqual(
      feed.tasks.map((t) => t.push.subject),
    );
  });
});
