import type { CaseDetail, ComputationLine } from '../../shared/contract/earnings';
import type { Db } from '../db/open';
import { entryViewsOfTask } from './entriesRepo';
import { entriesOfTask, findCase, findRating, statusRank, type StoredEntry } from './ledgerRepo';
import { brandNames, taskFacts } from './namesRepo';
import { refusal } from '../i18n/refusal';

const kindLabel: Record<StoredEntry['kind'], string> = {
  payout: 'Case payout',
  rating_bonus: 'Rating bonus',
  tip: 'Tip from the customer',
  adjustment: 'Adjustment',
  clawback: 'Clawback',
};

/** An entry's own lines when they add up to it, else one line for the whole entry. */
function linesOf(entry: StoredEntry): ComputationLine[] {
  const sum = entry.lines.reduce((s, l) => s + l.amountMinor, 0);
  if (entry.lines.length > 0 && sum === entry.amountMinor) {
    return entry.lines.map((l) => ({
      kind: l.kind,
      label: l.label,
      amountMinor: l.amountMinor,
      factorBps: l.factorBps ?? null,
      entryId: entry.id,
    }));
  }
  return [
    {
      kind: entry.kind,
      label: kindLabel[entry.kind],
      amountMinor: entry.amountMinor,
      factorBps: null,
      entryId: entry.id,
    },
  ];
}

/** How one case's pay adds up: the counted entries' lines, in order, and their total. */
export function caseDetail(db: Db, taskId: string): CaseDetail {
  const all = entriesOfTask(db, taskId);
  const counted = all.filter((e) => e.supersededBy === null);
  const main = counted.find((e) => e.kind === 'payout') ?? counted[0] ?? all[0];
  if (!main) throw refusal('not_found', 'error.caseEarnings.none');
  const inCurrency = counted.filter((e) => e.currency === main.currency);
  const ordered = [main, ...inCurrency.filter((e) => e !== main)];
  const lines = main.supersededBy === null ? ordered.flatMap(linesOf) : [];
  const lowest = inCurrency.reduce<StoredEntry['status']>(
    (low, e) => (statusRank[e.status] < statusRank[low] ? e.status : low),
    main.status,
  );
  const facts = taskFacts(db, taskId);
  const c = findCase(db, taskId);
  const rating = findRating(db, taskId);
  return {
    taskId,
    brandId: main.brandId,
    brandName: brandNames(db).get(main.brandId) ?? main.brandId,
    subject: facts?.subject ?? null,
    complexity: facts?.complexity ?? null,
    outcome: main.outcome,
    currency: main.currency,
    totalMinor: lines.reduce((s, l) => s + l.amountMinor, 0),
    status: lowest,
    ruleVersion: main.ruleVersion,
    lines,
    claimedAt: c?.claimedAt ?? null,
    resolvedAt: c?.resolvedAt ?? null,
    rating: rating
      ? {
          score: rating.score,
          comment: rating.comment,
          tipMinor: rating.tipMinor,
          ratedAt: rating.ratedAt,
        }
      : null,
    entries: entryViewsOfTask(db, taskId),
  };
}
