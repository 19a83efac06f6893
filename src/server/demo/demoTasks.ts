import type { TaskPush } from '../../shared/protocol';
import {
  demoLanguages,
  demoNames,
  demoProducts,
  followUps,
  issueKinds,
  languageWeights,
  type DemoLanguage,
  type DemoProduct,
  type IssueKind,
  type MessageFacts,
} from './demoPhrases';

/**
 * The demo brand's feed, made from issue kinds × products × languages, relative to `now`:
 * most tasks are due within hours, a few are already overdue; customers come back with new
 * cases and some have resolved cases behind them. Deterministic for a given `seed` and `now`.
 */
export const DEMO_SEED = 20261203;

export interface DemoCase {
  push: TaskPush & { createdAt: number };
  /** Stable per customer across their cases: pushed as the task's `customerRef`. */
  customerKey: string;
  customerEmail: string;
  language: DemoLanguage;
}

export interface DemoHistoryCase extends DemoCase {
  resolvedAt: number;
  /** The customer's rating of the resolution, when they gave one. */
  rating: number | null;
}

export interface DemoFeed {
  tasks: DemoCase[];
  /** Earlier cases of returning customers: to be pushed, then resolved. */
  history: DemoHistoryCase[];
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
/** Share of the feed already past its due time when the demo opens. */
const OVERDUE_SHARE = 0.06;
/** Chance that a task comes from a customer already in the feed (of the same language). */
const RETURNING_SHARE = 0.3;

const ELECTRONIC = new Set(['GLD', 'BAL', 'VGW']);
const WEARABLE = new Set(['SKJ', 'BRI', 'D80', 'FGB', 'STL']);
/** Which products a kind of issue makes sense for (no sizes for stoves, no fires in tents). */
const fits: Record<string, (p: DemoProduct) => boolean> = {
  size: (p) => WEARABLE.has(p.sku),
  care: (p) => !ELECTRONIC.has(p.sku),
  defect: (p) => !ELECTRONIC.has(p.sku),
  safety: (p) => ELECTRONIC.has(p.sku),
};

const carriers = ['PostNord', 'DHL', 'DPD', 'GLS', 'UPS'];
const phones: Record<DemoLanguage, string[]> = {
  en: ['+44 7700 900123', '+353 85 123 4567'],
  es: ['+34 612 345 678', '+34 699 876 543'],
  de: ['+49 151 2345 6789', '+43 664 1234567'],
  ja: ['+81 90 1234 5678', '+81 80 9876 5432'],
  ar: ['+971 50 123 4567', '+962 7 9123 4567'],
};
const ibans: Record<DemoLanguage, string> = {
  en: 'GB29 NWBK 6016 1331 9268 19',
  es: 'ES91 2100 0418 4502 0005 1332',
  de: 'DE89 3704 0044 0532 0130 00',
  ja: 'DE89 3704 0044 0532 0130 00',
  ar: 'AE07 0331 2345 6789 0123 456',
};
const slaMinutes = { chat: 60, social: 240, email: 1440 } as const;

/** mulberry32: a small, fast, well-spread PRNG; the same seed gives the same feed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const shuffle = <T>(list: readonly T[]): T[] => {
    const out = [...list];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
  return { next, int, pick, shuffle };
}
type Random = ReturnType<typeof random>;

interface Customer {
  key: string;
  language: DemoLanguage;
  name: string;
  email: string;
}

const capitalize = (s: string) => s.charAt(0).toLocaleUpperCase() + s.slice(1);
const ascii = (s: string) =>
  s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

function customers(rnd: Random) {
  const pools = new Map<DemoLanguage, Customer[]>();
  const used = new Set<string>();
  const create = (language: DemoLanguage): Customer => {
    const { first, last } = demoNames[language];
    const draw = () => {
      const f = rnd.pick(first);
      const l = rnd.pick(last);
      return { f, l, name: language === 'ja' ? `${l} ${f}` : `${f} ${l}` };
    };
    let { f, l, name } = draw();
    while (used.has(name) && used.size < first.length * last.length) ({ f, l, name } = draw());
    used.add(name);
    const pool = pools.get(language) ?? [];
    const key = `demo-${language}-${pool.length + 1}`;
    const local = ascii(f) && ascii(l) ? `${ascii(f)}.${ascii(l)}` : key;
    const customer = {
      key,
      language,
      name,
      email: `${local}@${rnd.pick(['mail.example', 'post.example', 'inbox.example'])}`,
    };
    pool.push(customer);
    pools.set(language, pool);
    return customer;
  };
  return {
    byKey: (key: string) => [...pools.values()].flat().find((c) => c.key === key)!,
    /** A returning customer of `language` now and then, else a new one. */
    next(language: DemoLanguage): Customer {
      const pool = pools.get(language) ?? [];
      return pool.length > 0 && rnd.next() < RETURNING_SHARE ? rnd.pick(pool) : create(language);
    },
  };
}

function weightedLanguage(rnd: Random): DemoLanguage {
  const total = demoLanguages.reduce((sum, l) => sum + languageWeights[l], 0);
  let x = rnd.next() * total;
  for (const l of demoLanguages) {
    x -= languageWeights[l];
    if (x < 0) return l;
  }
  return 'en';
}

function facts(rnd: Random, customer: Customer, product: DemoProduct): MessageFacts {
  const p = product.name[customer.language];
  return {
    p,
    P: capitalize(p.replace(/^(?:el|la|los|las|der|die|das) /, '')),
    pAcc: customer.language === 'de' ? p.replace(/^der /, 'den ') : p,
    price: product.price,
    order: `FH-${rnd.int(200000, 899999)}`,
    weeks: rnd.int(3, 20),
    carrier: rnd.pick(carriers),
    phone: rnd.pick(phones[customer.language]),
    email: customer.email,
    iban: ibans[customer.language],
    card4: String(rnd.int(1000, 9999)),
    name: customer.name,
  };
}

function writeCase(
  rnd: Random,
  kind: IssueKind,
  product: DemoProduct,
  customer: Customer,
  externalRef: string,
  channel: TaskPush['channel'],
  createdAt: number,
  slaDueAt: number | null,
  lastMessageBy: number,
): DemoCase {
  const f = facts(rnd, customer, product);
  const text = kind.text[customer.language];
  const messages: TaskPush['messages'] = [{ author: 'customer', body: text.body(f), createdAt }];
  const ageMinutes = Math.floor((lastMessageBy - createdAt) / MINUTE);
  if (ageMinutes > 10 && rnd.next() < 0.35) {
    messages.push({
      author: 'customer',
      body: rnd.pick(followUps[customer.language]),
      createdAt: createdAt + rnd.int(5, ageMinutes - 1) * MINUTE,
    });
  }
  const complexity = Math.min(5, Math.max(1, kind.complexity + (rnd.next() < 0.2 ? 1 : 0)));
  return {
    push: {
      externalRef,
      subject: text.subject(f),
      channel,
      skills: kind.skills,
      complexity: complexity as TaskPush['complexity'],
      minTier: kind.minTier ?? (rnd.next() < 0.07 ? 1 : 0),
      customerName: customer.name,
      customerRef: customer.key,
      language: customer.language,
      createdAt,
      slaDueAt,
      messages,
    },
    customerKey: customer.key,
    customerEmail: customer.email,
    language: customer.language,
  };
}

/** Minutes until due: chats within the hour, social within hours, e-mail within the day. */
function minutesLeft(rnd: Random, channel: TaskPush['channel']): number {
  if (rnd.next() < OVERDUE_SHARE) return -rnd.int(5, 120);
  if (channel === 'chat') return rnd.int(8, 55);
  if (channel === 'social') return rnd.int(25, 230);
  return rnd.int(45, 20 * 60);
}

export function generateDemoFeed(options: {
  now: number;
  seed?: number;
  count?: number;
}): DemoFeed {
  const { now, count = 200 } = options;
  const rnd = random(options.seed ?? DEMO_SEED);
  const people = customers(rnd);
  // Each (kind, product) once per language, in a seeded order: subjects do not repeat.
  const combos = new Map(
    demoLanguages.map((l) => [
      l,
      rnd.shuffle(
        issueKinds.flatMap((kind) =>
          demoProducts.filter((p) => fits[kind.key]?.(p) ?? true).map((p) => ({ kind, p })),
        ),
      ),
    ]),
  );
  const tasks: DemoCase[] = [];
  for (let i = 0; i < count; i++) {
    const language = weightedLanguage(rnd);
    const combo = combos.get(language)!.pop() ?? rnd.pick(combos.get('en')!);
    const channel = i % 5 === 0 ? 'social' : i % 3 === 0 ? 'chat' : 'email';
    const slaDueAt = now + minutesLeft(rnd, channel) * MINUTE;
    const createdAt = slaDueAt - slaMinutes[channel] * MINUTE;
    tasks.push(
      writeCase(
        rnd,
        combo.kind,
        combo.p,
        people.next(language),
        `FH-T-${10001 + i}`,
        channel,
        createdAt,
        slaDueAt,
        now,
      ),
    );
  }

  // Returning customers, and a few others, have resolved cases from the past weeks.
  const cases = new Map<string, number>();
  for (const t of tasks) cases.set(t.customerKey, (cases.get(t.customerKey) ?? 0) + 1);
  const history: DemoHistoryCase[] = [];
  const seen = new Set<string>();
  for (const t of tasks) {
    if (seen.has(t.customerKey)) continue;
    seen.add(t.customerKey);
    const returning = (cases.get(t.customerKey) ?? 0) > 1;
    if (!(returning ? rnd.next() < 0.8 : rnd.next() < 0.15)) continue;
    const customer = people.byKey(t.customerKey);
    for (let n = rnd.int(1, returning ? 3 : 1); n > 0; n--) {
      const kind = rnd.pick(issueKinds.filter((k) => k.key !== 'safety'));
      const p = rnd.pick(demoProducts.filter((x) => fits[kind.key]?.(x) ?? true));
      const createdAt = now - rnd.int(3, 120) * DAY - rnd.int(0, 600) * MINUTE;
      const resolvedAt = createdAt + rnd.int(20, 600) * MINUTE;
      const channel = rnd.pick(['email', 'chat', 'social'] as const);
      const past = writeCase(
        rnd,
        kind,
        p,
        customer,
        `FH-H-${20001 + history.length}`,
        channel,
        createdAt,
        createdAt + slaMinutes[channel] * MINUTE,
        resolvedAt - 15 * MINUTE,
      );
      history.push({
        ...past,
        push: { ...past.push, minTier: 0 },
        resolvedAt,
        rating: rnd.next() < 0.7 ? rnd.pick([3, 4, 5, 5, 5]) : null,
      });
    }
  }
  return { tasks, history };
}
