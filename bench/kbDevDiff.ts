/**
 * `npx tsx bench/kbDevDiff.ts [kind…]`: for tuning KB search, the dev half's queries where the
 * two engines rank the answer differently, with both ranks and both top three. It never prints
 * the held-out half: kbQuality.ts judges a change there, after tuning on this.
 */
import { qualityEngines } from './kbQuality';
import type { QueryKind } from './kbQueries';

const engines = qualityEngines();
const kinds = new Set(process.argv.slice(2) as QueryKind[]);
const titles = new Map(engines.articles.map((a) => [a.id, a.title]));
const rr = (rank: number) => (rank >= 0 ? 1 / (rank + 1) : 0);
const sums = new Map<string, { ours: number; ref: number; n: number }>();
try {
  for (const q of engines.queries) {
    if (q.half !== 'dev' || (kinds.size > 0 && !kinds.has(q.kind))) continue;
    const ours = engines.ours(q.text);
    const ref = engines.ref(q.text);
    const a = ours.indexOf(q.answer);
    const b = ref.indexOf(q.answer);
    const s = sums.get(q.kind) ?? { ours: 0, ref: 0, n: 0 };
    s.ours += rr(a);
    s.ref += rr(b);
    s.n++;
    sums.set(q.kind, s);
    if (a === b) continue;
    const top = (ids: string[]) =>
      ids
        .slice(0, 3)
        .map((id) => titles.get(id))
        .join(' | ');
    console.log(
      `${rr(a) < rr(b) ? 'LOSS' : 'win '} ${q.kind} ${JSON.stringify(q.text)} → ${titles.get(q.answer)} [${q.answer}]\n` +
        `   gigdesk #${a + 1 || '-'}: ${top(ours)}\n   mini    #${b + 1 || '-'}: ${top(ref)}`,
    );
  }
  for (const [kind, s] of sums) {
    console.log(
      `${kind}: n=${s.n} gigdesk ${(s.ours / s.n).toFixed(3)} mini ${(s.ref / s.n).toFixed(3)}`,
    );
  }
} finally {
  engines.close();
}
