/**
 * `npm run bench -- redact`: what tier-0 redaction costs a sync page. Renders 200-task pages
 * (a subject, a customer name and three messages each; a third carry personal data) through
 * the same walk the server applies to every change a tier-0 advocate receives.
 * `redact.page200_p50` / `_p95` (ms per page, first rendering), `redact.page200_warm_p50` (the
 * same pages again, texts remembered), `redact.text_mean` (ms per string field), and
 * as the reference measured in the same run, `redact.ref.page200_p50` / `_p95`: serializing the
 * same page to JSON, which the server does for every page anyway.
 */
import { seenAtTier } from '../src/server/store/tierView';
import type { TaskView } from '../src/shared/protocol';
import { metric, percentile, sample } from './stats';

const BODIES = [
  'Hi, my order FH-552310 has not arrived yet. It was due on 2026-03-14. Can you check?',
  'Please call me on +47 912 34 567 or write to ingrid.berg@example.com, thanks!',
  'I was charged €449 twice. Card 4111 1111 1111 1111, invoice 2024-000123.',
  'The tent pole snapped at the ferrule on the second night. Version 10.4.2 of the app.',
  'Refund to IBAN NO93 8601 1117 947 please. Tracking 1Z999AA10123456784.',
  'Thanks, that solved it!',
];

function page(seed: number): TaskView[] {
  return Array.from({ length: 200 }, (_, i) => ({
    id: `t-${seed}-${i}`,
    brandId: 'b',
    externalRef: `T-${i}`,
    subject: BODIES[(i + seed) % BODIES.length]!.slice(0, 60),
    channel: 'email',
    skills: ['shipping'],
    complexity: 2,
    minTier: 0,
    status: 'open',
    holderId: null,
    leaseExpiresAt: null,
    offeredTo: null,
    offerExpiresAt: null,
    customerName: i % 3 === 0 ? `ingrid${i}@example.com` : 'Ingrid Berg',
    slaDueAt: null,
    createdAt: 0,
    updatedAt: 0,
    messages: [0, 1, 2].map((m) => ({
      id: `m-${i}-${m}`,
      author: 'customer' as const,
      authorName: 'Ingrid Berg',
      kind: 'message' as const,
      // Distinct per task, so the first rendering finds nothing remembered.
      body: `${BODIES[(i * 3 + m + seed) % BODIES.length]!} (ref ${seed}/${i}/${m})`,
      redacted: false,
      createdAt: 0,
    })),
  }));
}

export async function run(): Promise<void> {
  const pages = Array.from({ length: 20 }, (_, i) => page(i));
  seenAtTier(page(99), 0); // warm up the code, not the texts
  const times = await sample(pages.length, (i) => seenAtTier(pages[i], 0));
  const ref = await sample(pages.length, (i) => JSON.stringify(pages[i]));
  metric('redact.ref.page200_p50', percentile(ref, 50), 'ms');
  metric('redact.ref.page200_p95', percentile(ref, 95), 'ms');
  // The same pages again, as the next tier-0 advocate of the brand would read them.
  const warm = await sample(pages.length, (i) => seenAtTier(pages[i], 0));
  metric('redact.page200_warm_p50', percentile(warm, 50), 'ms');
  const fields = 200 * (2 + 3 * 2 + 2); // strings walked per page (incl. externalRef, skills)
  metric('redact.page200_p50', percentile(times, 50), 'ms');
  metric('redact.page200_p95', percentile(times, 95), 'ms');
  metric('redact.text_mean', times.reduce((a, b) => a + b, 0) / times.length / fields, 'ms');
}
