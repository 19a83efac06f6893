import { suggestionText } from '../../shared/contract/kb';
import type { NbaArticle, NbaHandoff, NbaMacro, NbaPanel } from '../../shared/contract/nba';
import { actionTable } from '../../shared/domain/actions';
import { handoffAdvice } from '../../shared/domain/handoff';
import { expandMacro } from '../../shared/domain/macros';
import { readTimelineRows } from '../customers/customersRepo';
import type { Db } from '../db/open';
import { readTaskDetail } from '../feed/feedRepo';
import type { SearchHit } from '../kb/search';
import type { SessionRow } from '../repos/sessionRepo';
import { macroContext } from '../tickets/macroContext';
import { brandMacrosVersion, listBrandMacros } from '../tickets/macrosRepo';
import { payoutQuotes } from '../tickets/payoutQuotes';
import { readTicketRow } from '../tickets/ticketRepo';
import { type MacroMatcher } from './macroMatch';
import {
  articleTitles,
  bestLearnedArticles,
  countsOf,
  dismissedOn,
  isDismissed,
  learnOutcomes,
  readCounts,
  recordShown,
  tierOn,
} from './nbaRepo';
import { rankSuggestions, textByPosition } from './rank';
import { refusal } from '../i18n/refusal';

export const SHOWN = 3;
/** Text matches of the KB read to be ranked again with what was learned. */
const ARTICLE_POOL = 12;
/** Articles with well-rated cases behind them that join the pool without a text match. */
const LEARNED_POOL = 6;

export interface SuggestRequest {
  text: string;
  brandId: string;
  language: string | null;
  limit: number;
}

export interface PanelDeps {
  db: Db;
  /** The KB's suggestions for a ticket (kb/search.ts `suggest`); null when superseded. */
  suggest: (request: SuggestRequest) => Promise<SearchHit[] | null>;
  macros: MacroMatcher;
  now: number;
}

/**
 * The next-best action for one ticket, from the local copy only: the top macros and articles by
 * text match and by what preceded well-rated cases on this brand (rank.ts), and the hand-off
 * line (shared/domain/handoff.ts) with what each choice pays (the action table's payout outcome
 * through the brand's payout function). What it shows is remembered, so that shown-and-unused
 * suggestions count as ignored once the case closes.
 */
export async function nextBestAction(
  deps: PanelDeps,
  me: SessionRow,
  taskId: string,
): Promise<NbaPanel> {
  const { db } = deps;
  const row = readTicketRow(db, taskId);
  const task = readTaskDetail(db, taskId);
  if (!row || !task) throw refusal('not_found', 'error.ticket.gone');
  learnOutcomes(db, deps.now);
  const dismissed = dismissedOn(db, taskId);
  const customerText = task.messages
    .filter((m) => m.author === 'customer')
    .map((m) => m.body)
    .join('\n');
  const firstCustomer = task.messages.find((m) => m.author === 'customer')?.body ?? '';
  const text = suggestionText(task.subject, firstCustomer);

  const hits = await deps.suggest({
    text,
    brandId: row.brandId,
    language: row.language,
    limit: ARTICLE_POOL,
  });
  const articles = rankArticles(db, row.brandId, hits ?? [], dismissed);
  const macros = rankMacros(deps, row.brandId, text, dismissed);
  const context = macroContext(row, me);

  recordShown(db, [
    ...macros.map((m) => ({ taskId, brandId: row.brandId, kind: 'macro' as const, itemId: m.id })),
    ...articles.map((a) => ({
      taskId,
      brandId: row.brandId,
      kind: 'article' as const,
      itemId: a.id,
    })),
  ]);
  return {
    taskId,
    macros: macros.map((m): NbaMacro => ({
      id: m.id,
      title: m.title,
      body: expandMacro(m.body, context),
      because: m.because,
      wellRated: m.counts.wellRated,
    })),
    articles: articles.map((a): NbaArticle => ({
      id: a.id,
      title: a.title,
      because: a.because,
      wellRated: a.counts.wellRated,
    })),
    handoff: handoff(db, row.brandId, task, `${task.subject}\n${customerText}`),
  };
}

function rankMacros(
  deps: PanelDeps,
  brandId: string,
  text: string,
  dismissed: ReadonlySet<string>,
) {
  const counts = readCounts(deps.db, brandId, 'macro');
  const version = brandMacrosVersion(deps.db, brandId);
  const { macros, scores } = deps.macros.scores(
    brandId,
    version,
    () => listBrandMacros(deps.db, brandId),
    text,
  );
  const candidates = macros
    .filter((m) => !isDismissed(dismissed, 'macro', m.id))
    .map((m) => ({ ...m, text: scores.get(m.id) ?? 0, counts: countsOf(counts, 'macro', m.id) }));
  return rankSuggestions(candidates, SHOWN);
}

function rankArticles(
  db: Db,
  brandId: string,
  hits: readonly SearchHit[],
  dismissed: ReadonlySet<string>,
) {
  const pool = new Map<string, { id: string; title: string; text: number }>();
  hits.forEach((h, i) =>
    pool.set(h.id, { id: h.id, title: h.title, text: textByPosition(i, hits.length) }),
  );
  const learned = bestLearnedArticles(db, brandId, LEARNED_POOL).filter((id) => !pool.has(id));
  for (const [id, title] of articleTitles(db, brandId, learned))
    pool.set(id, { id, title, text: 0 });
  const counts = readCounts(db, brandId, 'article', [...pool.keys()]);
  const candidates = [...pool.values()]
    .filter((a) => !isDismissed(dismissed, 'article', a.id))
    .map((a) => ({ ...a, counts: countsOf(counts, 'article', a.id) }));
  return rankSuggestions(candidates, SHOWN);
}

function handoff(
  db: Db,
  brandId: string,
  task: NonNullable<ReturnType<typeof readTaskDetail>>,
  text: string,
): NbaHandoff {
  const tier = tierOn(db, brandId);
  const fields = readTimelineRows(db, task.id, 0)?.customer?.fields ?? [];
  const advice = handoffAdvice({
    complexity: task.complexity,
    slaDueAt: task.slaDueAt,
    leaseExpiresAt: task.leaseExpiresAt,
    tier,
    fields,
    text,
  });
  const quotes = payoutQuotes(db, brandId, task.complexity, task.ageingBonusMinor);
  const other = advice.action === 'escalate' ? 'resolve' : 'escalate';
  const quoteOf = (action: 'resolve' | 'escalate') =>
    actionTable[action].payout === 'escalated' ? quotes.escalated : quotes.resolved;
  return {
    ...advice,
    complexity: task.complexity,
    payout: quoteOf(advice.action),
    instead: quoteOf(other),
  };
}
