import type { Db } from '../db/open';
import {
  allMatches,
  articlesByDocIds,
  countMatchesUpTo,
  dataVersion,
  newestMatches,
  rankedMatches,
  type ArticleRow,
  type Filters,
} from './articleRepo';
import { allOf, anyOf, ftsTerm, inTitle, parseQuery, tokenize, type QueryTerm } from './query';
import { highlight, snippet, type Highlights } from './snippet';

export interface SearchRequest extends Filters {
  query: string;
  limit: number;
}

export interface SuggestRequest extends Filters {
  text: string;
  limit: number;
}

export interface SearchHit {
  id: string;
  brandId: string;
  title: string;
  titleHighlights: Highlights;
  snippet: string;
  snippetHighlights: Highlights;
  tags: string[];
  updatedAt: number;
}

/**
 * `ranked`: exact BM25 (title above tags above body). `bounded`: every query term is very
 * common, so the newest matches win (title matches first) after a bounded walk of the index.
 */
export type SearchMode = 'ranked' | 'bounded' | 'none';

export interface SearchOutcome {
  hits: SearchHit[];
  mode: SearchMode;
}

export interface Tuning {
  /** A term in more articles than this is "common": it filters but is not BM25-scored. */
  commonCap: number;
}

export const defaultTuning: Tuning = { commonCap: 1500 };

const STOPWORDS = new Set(
  'the and for are but not you your with this that have from was were can cant could would should will what when where which who how why does did doesnt dont its into our out about after before than then them they their there here just also very been being has had hi hello thanks thank please help need get got any all'.split(
    ' ',
  ),
);

/**
 * One searcher per connection. Remembers which terms are common (the only expensive lookups)
 * until another connection commits a change.
 */
export class ArticleSearch {
  private common = new Set<string>();
  private version = -1;

  constructor(
    private readonly db: Db,
    private readonly tuning: Tuning = defaultTuning,
  ) {}

  search(request: SearchRequest): SearchOutcome {
    const terms = parseQuery(request.query);
    if (terms.length === 0) return { hits: [], mode: 'none' };
    const counts = terms.map((t) => this.matchCount(t));
    if (counts.some((c) => c === 0)) return { hits: [], mode: 'ranked' };
    const rare = terms.filter((_, i) => counts[i]! <= this.tuning.commonCap);
    let ids: number[];
    let mode: SearchMode;
    if (rare.length === terms.length) {
      mode = 'ranked';
      ids = rankedMatches(this.db, allOf(terms), request, request.limit);
    } else if (rare.length > 0) {
      // Score on the rare terms only (FTS5's BM25 reads every match of every scored term);
      // the common ones still have to match. Both sets are bounded by the rare terms.
      mode = 'ranked';
      const allowed = new Set(allMatches(this.db, allOf(terms)));
      ids = rankedMatches(this.db, allOf(rare), request, this.tuning.commonCap)
        .filter((id) => allowed.has(id))
        .slice(0, request.limit);
    } else {
      mode = 'bounded';
      ids = this.newest(allOf(terms), request);
    }
    return { hits: this.hits(ids, terms), mode };
  }

  /** Articles for a ticket: its rarest words, any of them, BM25-ranked. */
  suggest(request: SuggestRequest): SearchOutcome {
    const words = [...new Set(tokenize(request.text))].filter(
      (w) => w.length >= 3 && !STOPWORDS.has(w) && !/^\d+$/.test(w),
    );
    const terms = words
      .slice(0, 40)
      .map((text) => ({ text, prefix: false, count: this.matchCount({ text, prefix: false }) }))
      .filter((t) => t.count > 0 && t.count <= this.tuning.commonCap)
      .sort((a, b) => a.count - b.count)
      .slice(0, 6);
    if (terms.length === 0) return { hits: [], mode: 'none' };
    const ids = rankedMatches(this.db, anyOf(terms), request, request.limit);
    return { hits: this.hits(ids, terms), mode: 'ranked' };
  }

  private newest(expr: string, request: SearchRequest): number[] {
    const title = newestMatches(this.db, inTitle(expr), request, request.limit);
    if (title.length >= request.limit) return title;
    const seen = new Set(title);
    const rest = newestMatches(this.db, expr, request, request.limit + title.length);
    return [...title, ...rest.filter((id) => !seen.has(id))].slice(0, request.limit);
  }

  /** Matches of one term, counted up to just past the common cap. */
  private matchCount(term: QueryTerm): number {
    const version = dataVersion(this.db);
    if (version !== this.version) {
      this.common.clear();
      this.version = version;
    }
    const expr = ftsTerm(term);
    if (this.common.has(expr)) return this.tuning.commonCap + 1;
    const count = countMatchesUpTo(this.db, expr, this.tuning.commonCap + 1);
    if (count > this.tuning.commonCap) this.common.add(expr);
    return count;
  }

  private hits(ids: number[], terms: readonly QueryTerm[]): SearchHit[] {
    return articlesByDocIds(this.db, ids).map((row) => toHit(row, terms));
  }
}

function toHit(row: ArticleRow, terms: readonly QueryTerm[]): SearchHit {
  const title = highlight(row.title, terms);
  const body = snippet(row.body, terms);
  return {
    id: row.id,
    brandId: row.brandId,
    title: row.title,
    titleHighlights: title.highlights,
    snippet: body.text,
    snippetHighlights: body.highlights,
    tags: row.tags,
    updatedAt: row.updatedAt,
  };
}
