/**
 * The demo brand's customers and their history with it, so a ticket's timeline is alive in the
 * demo: a profile (club level and member-since for everyone, lifetime spend from tier 1, the
 * e-mail address from tier 2), orders with their amounts in minor units, returns (tier 1),
 * club subscriptions and earlier phone calls to the contact centre (tier 1), in the customer's
 * language. Drawn from its own seeded generator, so the task feed (demoTasks.ts) is the same
 * with or without it.
 */
import type { CustomerEventPush, CustomerPush } from '../../shared/protocol';
import { type DemoLanguage, demoProducts } from './demoPhrases';
import { DEMO_SEED, type DemoFeed, random } from './demoTasks';

type PerLanguage<T> = Record<DemoLanguage, T>;
type EventPush = CustomerEventPush & { minTier: number };
type Push = CustomerPush & { fields: { name: string; minTier: number }[] };

const DAY = 86_400_000;
const CURRENCY = 'EUR';

const levels = ['Basic', 'Silver', 'Gold'] as const;
const labels: PerLanguage<{ level: string; since: string; spend: string; email: string }> = {
  en: { level: 'Club level', since: 'Member since', spend: 'Lifetime spend', email: 'E-mail' },
  es: { level: 'Nivel del club', since: 'Socio desde', spend: 'Gasto total', email: 'Correo' },
  de: { level: 'Club-Stufe', since: 'Mitglied seit', spend: 'Umsatz gesamt', email: 'E-Mail' },
  ja: { level: 'クラブ会員ランク', since: '入会', spend: '累計購入額', email: 'メール' },
  ar: { level: 'مستوى النادي', since: 'عضو منذ', spend: 'إجمالي المشتريات', email: 'البريد' },
};
const phrases: PerLanguage<{
  order: (p: string) => string;
  returned: (p: string) => string;
  club: (level: string) => string;
  call: string[];
}> = {
  en: {
    order: (p) => `Order: ${p}`,
    returned: (p) => `Returned: ${p}`,
    club: (l) => `Joined Fjellhavn Club ${l}`,
    call: ['Phone call: asked when the order would ship', 'Phone call: changed the address'],
  },
  es: {
    order: (p) => `Pedido: ${p}`,
    returned: (p) => `Devolución: ${p}`,
    club: (l) => `Se unió a Fjellhavn Club ${l}`,
    call: ['Llamada: preguntó cuándo se enviaría el pedido', 'Llamada: cambió la dirección'],
  },
  de: {
    order: (p) => `Bestellung: ${p}`,
    returned: (p) => `Rücksendung: ${p}`,
    club: (l) => `Fjellhavn Club ${l} beigetreten`,
    call: ['Anruf: fragte, wann die Bestellung versandt wird', 'Anruf: Adresse geändert'],
  },
  ja: {
    order: (p) => `注文：${p}`,
    returned: (p) => `返品：${p}`,
    club: (l) => `Fjellhavn Club ${l} に入会`,
    call: ['電話：注文の発送時期の問い合わせ', '電話：住所の変更'],
  },
  ar: {
    order: (p) => `طلب: ${p}`,
    returned: (p) => `إرجاع: ${p}`,
    club: (l) => `انضم إلى نادي Fjellhavn ${l}`,
    call: ['مكالمة: سأل متى سيُشحن الطلب', 'مكالمة: غيّر العنوان'],
  },
};

/** `€449` → 44900 (minor units of the brand's currency). */
const minorOf = (price: string) => Math.round(Number(price.replace(/[^0-9.]/g, '')) * 100);

export interface DemoCustomerData {
  customers: Push[];
  events: EventPush[];
}

/** One customer per `customerRef` of the feed (open tasks and earlier cases alike). */
export function generateDemoCustomers(feed: DemoFeed, now: number): DemoCustomerData {
  const rnd = random(DEMO_SEED + 16);
  const people = new Map<string, { language: DemoLanguage; email: string }>();
  for (const c of [...feed.tasks, ...feed.history])
    if (!people.has(c.customerKey))
      people.set(c.customerKey, { language: c.language, email: c.customerEmail });
  const customers: Push[] = [];
  const events: EventPush[] = [];
  for (const [ref, { language, email }] of people) {
    const say = phrases[language];
    const since = now - rnd.int(60, 1500) * DAY;
    const level = rnd.pick(levels);
    let spend = 0;
    const event = (e: Omit<EventPush, 'customerRef' | 'externalRef'>) =>
      events.push({ ...e, customerRef: ref, externalRef: `${ref}-e${events.length + 1}` });
    event({ kind: 'subscription', occurredAt: since, summary: say.club(level), minTier: 0 });
    for (let n = rnd.int(1, 5); n > 0; n--) {
      const product = rnd.pick(demoProducts);
      const amountMinor = minorOf(product.price);
      const occurredAt = since + rnd.int(1, Math.floor((now - since) / DAY) - 1) * DAY;
      event({
        kind: 'order',
        occurredAt,
        summary: say.order(product.name[language]),
        amountMinor,
        currency: CURRENCY,
        minTier: 0,
      });
      spend += amountMinor;
      if (rnd.next() < 0.2) {
        event({
          kind: 'return',
          occurredAt: occurredAt + rnd.int(5, 25) * DAY,
          summary: say.returned(product.name[language]),
          amountMinor: -amountMinor,
          currency: CURRENCY,
          minTier: 1,
        });
        spend -= amountMinor;
      }
    }
    if (rnd.next() < 0.35) {
      event({
        kind: 'contact',
        occurredAt: now - rnd.int(2, 50) * DAY,
        summary: rnd.pick(say.call),
        minTier: 1,
      });
    }
    const label = labels[language];
    customers.push({
      customerRef: ref,
      fields: [
        { name: 'level', label: label.level, value: level, minTier: 0 },
        {
          name: 'since',
          label: label.since,
          value: new Date(since).toISOString().slice(0, 7),
          minTier: 0,
        },
        {
          name: 'spend',
          label: label.spend,
          value: `${CURRENCY} ${(spend / 100).toFixed(2)}`,
          minTier: 1,
        },
        { name: 'email', label: label.email, value: email, minTier: 2 },
      ],
    });
  }
  return { customers, events };
}
