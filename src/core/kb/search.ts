import type { Db } from '../db/open';
import {
  allMatches,
  articleCount,
  articlesByDocIds,
  countMatchesUpTo,
  indexVersion,
  hasLanguage,
  isKnownWord,
  newestDocId,
  newestMatches,
  passingFilters,
  rankedMatches,
  scoredMatches,
  shortTitleMatches,
  titlesByDocIds,
  wordsStartingWith,
  type Filters,
} from './articleRepo';
import {
  LANGUAGES,
  fold,
  indexTerms,
  isNumber,
  isStopWord,
  stemVariants,
  words,
  type Language,
} from './analyze';
import { allOf, anyOf, ftsTerm, inTitle, parseQuery, term, type QueryTerm } from './query';
import { highlighter, type Highlights } from './snippet';
import { MIN_CORRECTED, corrections } from './spelling';

export interface SearchRequest extends Filters {
  query: string;
  limit: number;
}

export interface SuggestRequest extends Filters {
  text: string;
  limit: number;
  /** false: no snippet is cut (the next-best action panel shows titles only). */
  snippets?: boolean;
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
 * `ranked`: BM25 (title above tags above body), articles with every word first, then those
 * with the most distinctive words. `bounded`: every query word is very common, so the newest
 * matches win (title matches first) after a bounded walk of the index.
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

/** How many matches are read (by BM25, and by BM25 among title matches) to be ranked again. */
const POOL = 40;
/** In `bounded` mode, title matches are looked for among this many newest articles. */
const TITLE_WALK = 5_000;
/** A word being typed this long is completed from the vocabulary (shorter: the prefix index). */
const MIN_COMPLETED = 4;
/** How many of the vocabulary's words a word being typed is completed to. */
const COMPLETIONS = 32;
/** How many of a ticket's words choose its suggestions. */
const SUGGEST_TERMS = 8;
/** Chunks of best matches checked against the filters before the index joins them instead. */
const FILTER_WALK = 4;
/**
 * The title counts as a field of its own, BM25-scored on its own length (FTS5 scores a row
 * as one document, so a title match in a long article weighs little): a short title that holds
 * the query's words is what people look for.
 */
const TITLE_WEIGHT = 4;
const K1 = 1.2;
const B = 0.75;
const AVERAGE_TITLE = 5;
/** Added to TITLE_WEIGHT when a title holds the query's word itself, not just its stem. */
const SAME_FORM = 1;
/** In partial matches, each query word an article holds (by rarity) outweighs any BM25 score. */
const COVERAGE_WEIGHT = 100;
/**
 * Reciprocal rank fusion: each list gives an article 1 / (RRF_K + its rank). 60 is the constant
 * of Cormack et al. (2009), not tuned here. Our ranking is read this deep for it.
 */
const RRF_K = 60;
const FUSION_DEPTH = 20;

interface Counted {
  term: QueryTerm;
  count: number;
}

/** An expression's matches, best BM25 first (ties: newest first), and each one's BM25. */
interface Scored {
  order: readonly [number, number][];
  scores: ReadonlyMap<number, number>;
}

/**
 * One searcher per connection. Remembers match counts (the only repeated lookups) until
 * another connection commits a change.
 */
export class ArticleSearch {
  private counts = new Map<string, number>();
  /** Match counts known only to exceed what was asked (see `countUpTo`). */
  private atLeast = new Map<string, number>();
  /** A ticket word's terms in the articles' languages (stemming it in each is not free). */
  private ticketTerms = new Map<string, QueryTerm>();
  /** Each expression's matches with their BM25, for one search (see `scored`). */
  private scoredNow = new Map<string, Scored>();
  private total = 0;
  private newestDocId = 0;
  private version = '';
  private languages: readonly Language[] = LANGUAGES;

  constructor(
    private readonly db: Db,
    private readonly tuning: Tuning = defaultTuning,
  ) {}

  search(request: SearchRequest): SearchOutcome {
    this.refresh();
    this.scoredNow.clear();
    const parsed = parseQuery(request.query, this.languages);
    if (parsed.length === 0) return { hits: [], mode: 'none' };
    // Function words need not match (even the one being typed), unless they are all there is.
    const content = parsed.filter((t) => !t.stop);
    const live = this.present(content.length > 0 ? content : parsed);
    if (live.length === 0) return { hits: [], mode: 'ranked' };
    // Function words still tell titles apart ("Where to start" from "Getting started").
    const optional = content.length > 0 ? this.present(parsed.filter((t) => t.stop)) : [];
    const depth = Math.max(request.limit, FUSION_DEPTH);
    const { ids, mode } = this.allTerms(live, optional, { ...request, limit: depth });
    if (ids.length < depth && live.length > 1) {
      ids.push(...this.someTerms(live, optional, request, depth - ids.length, ids));
    }
    const fused =
      mode === 'ranked' && live.length > 1
        ? fuse(ids, this.anyTerms(live, optional, request))
        : ids;
    return {
      hits: this.hits(
        fused.slice(0, request.limit),
        live.map((c) => c.term),
      ),
      mode,
    };
  }

  /**
   * Articles for a ticket: its most distinctive words (fewest articles, function words and
   * numbers dropped), ranked by how many of them an article holds, weighted by rarity.
   */
  suggest(request: SuggestRequest): SearchOutcome {
    this.refresh();
    this.scoredNow.clear();
    const seen = new Set<string>();
    const picked: Counted[] = [];
    for (const w of words(request.text)) {
      const folded = fold(w.text);
      if (folded.length < 3 || isStopWord(folded) || isNumber(folded)) continue;
      const t = this.ticketTerm(w.text);
      const key = ftsTerm(t);
      if (seen.has(key)) continue;
      seen.add(key);
      // A word in more articles than the SUGGEST_TERMS-th rarest so far cannot be picked (the
      // sort below is stable: on a tie the earlier word stays), so it is counted only that far.
      const bound =
        picked.length < SUGGEST_TERMS
          ? this.tuning.commonCap
          : picked.map((c) => c.count).sort((a, b) => a - b)[SUGGEST_TERMS - 1]!;
      const count = this.countUpTo(t, bound);
      if (count > 0 && count <= bound) picked.push({ term: t, count });
      if (seen.size >= 80) break;
    }
    const terms = picked.sort((a, b) => a.count - b.count).slice(0, SUGGEST_TERMS);
    if (terms.length === 0) return { hits: [], mode: 'none' };
    const ids = this.suggested(terms, request, request.limit);
    return {
      hits: this.hits(
        ids,
        terms.map((c) => c.term),
        request.snippets !== false,
      ),
      mode: 'ranked',
    };
  }

  /** `byCoverage`'s ranking of every picked (rare) word. */
  private suggested(terms: Counted[], filters: Filters, limit: number): number[] {
    const expr = anyOf(terms.map((c) => c.term));
    const { scores } = this.scored(expr);
    const pool = [
      ...new Set([
        ...this.best(expr, filters, POOL),
        ...rankedMatches(this.db, inTitle(expr), filters, POOL),
      ]),
    ];
    return this.rank(pool, terms, [], scores, true).slice(0, limit);
  }

  /**
   * Every match of `expr` with its BM25, from one pass of the index, kept for the rest of the
   * search: asking the index for a pool's scores instead costs a lookup per article (FTS5
   * evaluates the expression again for each rowid), several times the whole pass. Only rare
   * words are scored, so the matches are bounded.
   */
  private scored(expr: string): Scored {
    let found = this.scoredNow.get(expr);
    if (!found) {
      const order = scoredMatches(this.db, expr);
      found = { order, scores: new Map(order) };
      this.scoredNow.set(expr, found);
    }
    return found;
  }

  /** The best `limit` matches of `expr` by BM25 that pass the filters (and `keep`). */
  private best(
    expr: string,
    filters: Filters,
    limit: number,
    keep: (id: number) => boolean = () => true,
  ): number[] {
    const { order } = this.scored(expr);
    const best: number[] = [];
    const chunk = 2 * limit;
    for (let from = 0; from < order.length && best.length < limit; from += chunk) {
      if (from >= FILTER_WALK * chunk) {
        // Few of the matches pass the filters: let the index join them.
        return rankedMatches(this.db, expr, filters, order.length).filter(keep).slice(0, limit);
      }
      const ids = order.slice(from, from + chunk).flatMap(([id]) => (keep(id) ? [id] : []));
      best.push(...passingFilters(this.db, ids, filters));
    }
    return best.slice(0, limit);
  }

  /**
   * The query's words that some article holds, misspelled ones replaced by their corrections.
   * A word is misspelled when no article uses it or another word of its stems: "noed" stems to
   * "no", which articles hold, but no article writes "noed" or a longer word stemmed to "no".
   */
  private present(terms: readonly QueryTerm[]): Counted[] {
    const out: Counted[] = [];
    for (const typed of terms) {
      const t = this.completed(typed);
      let count = this.count(t);
      let found = t;
      const word = fold(t.text);
      if (
        !t.prefix &&
        !t.stop &&
        word.length >= MIN_CORRECTED &&
        (count === 0 || !isKnownWord(this.db, word, t.variants))
      ) {
        const fixes = corrections(this.db, word, (v) => this.count({ ...t, variants: [v] }));
        if (fixes.terms.length > 0) {
          // A word's term in kb_vocab is its stem in the first article's language that used it.
          const variants = [
            ...new Set([
              ...fixes.terms,
              ...fixes.chosen.flatMap((w) => stemVariants(w, this.languages)),
            ]),
          ];
          found = { ...t, variants, forms: fixes.words };
          count = this.count(found);
        }
      }
      if (count > 0) out.push({ term: found, count });
    }
    return out;
  }

  /**
   * The word being typed also stands for the index terms of the words it begins: a stem can be
   * shorter than what is typed ("authenticat" of "authentication", stem "authent").
   */
  private completed(t: QueryTerm): QueryTerm {
    const typed = fold(t.text);
    if (!t.prefix || typed.length < MIN_COMPLETED) return t;
    const stems = wordsStartingWith(this.db, typed, COMPLETIONS)
      .flatMap((w) => stemVariants(w, this.languages))
      .filter((v) => !v.startsWith(typed));
    return stems.length === 0 ? t : { ...t, variants: [...new Set([...t.variants, ...stems])] };
  }

  /** Articles holding every word: BM25 on the rare ones, or newest first when all are common. */
  private allTerms(
    live: Counted[],
    optional: Counted[],
    request: SearchRequest,
  ): { ids: number[]; mode: SearchMode } {
    const terms = live.map((c) => c.term);
    const rare = live.filter((c) => c.count <= this.tuning.commonCap);
    if (rare.length === terms.length) {
      const expr = allOf(terms);
      const pool = [
        ...new Set([
          ...this.best(expr, request, POOL),
          ...this.titleMatches(live, optional, expr, request, POOL),
        ]),
      ];
      const { scores } = this.scored(expr);
      const ids = this.rank(pool, live, optional, scores, false).slice(0, request.limit);
      return { ids, mode: 'ranked' };
    }
    if (rare.length > 0) {
      // Score on the rare terms only (FTS5's BM25 reads every match of every scored term);
      // the common ones still have to match. Both sets are bounded by the rare terms.
      // Titles then tell the matches apart by every word, the common ones too.
      const allowed = new Set(allMatches(this.db, allOf(terms)));
      const expr = allOf(rare.map((c) => c.term));
      const pool = [
        ...new Set([
          ...this.best(expr, request, POOL, (id) => allowed.has(id)),
          ...this.typedTitles(live, optional, request, POOL),
        ]),
      ];
      const { scores } = this.scored(expr);
      const ids = this.rank(pool, live, optional, scores, false).slice(0, request.limit);
      return { ids, mode: 'ranked' };
    }
    return { ids: this.newest(allOf(terms), request), mode: 'bounded' };
  }

  /** Articles holding some of the (rare) words, those with the most distinctive ones first. */
  private someTerms(
    live: Counted[],
    optional: Counted[],
    request: Filters,
    limit: number,
    exclude: number[],
  ): number[] {
    const rare = live.filter((c) => c.count <= this.tuning.commonCap);
    if (rare.length === 0) return [];
    return this.byCoverage(rare, optional, request, limit, exclude);
  }

  /**
   * Plain any-word BM25 (with the title's own), no bonus for the words held: the ranking a
   * paraphrase needs, whose words the answer often holds only some of.
   */
  private anyTerms(live: Counted[], optional: Counted[], filters: Filters): number[] {
    const rare = live.filter((c) => c.count <= this.tuning.commonCap);
    if (rare.length === 0) return [];
    const expr = anyOf(rare.map((c) => c.term));
    const pool = [
      ...new Set([
        ...this.best(expr, filters, POOL),
        ...this.titleMatches(rare, optional, expr, filters, POOL),
      ]),
    ];
    // A common word is not scored in the articles, but still in their titles.
    const common = live.filter((c) => c.count > this.tuning.commonCap);
    return this.rank(pool, rare, [...optional, ...common], this.scored(expr).scores, false);
  }

  /** A pool of BM25 matches of any of the terms, ranked by the rarity of the terms each holds. */
  private byCoverage(
    terms: Counted[],
    optional: Counted[],
    filters: Filters,
    limit: number,
    exclude: number[],
  ) {
    const skip = new Set(exclude);
    const expr = anyOf(terms.map((c) => c.term));
    const pool = [
      ...new Set([
        ...this.best(expr, filters, POOL + skip.size),
        ...this.titleMatches(terms, optional, expr, filters, POOL + skip.size),
      ]),
    ].filter((id) => !skip.has(id));
    return this.rank(pool, terms, optional, this.scored(expr).scores, true).slice(0, limit);
  }

  /** Title matches by BM25, and (while a word is being typed) `typedTitles`. */
  private titleMatches(
    terms: Counted[],
    optional: Counted[],
    expr: string,
    filters: Filters,
    limit: number,
  ): number[] {
    return [
      ...rankedMatches(this.db, inTitle(expr), filters, limit),
      ...this.typedTitles(terms, optional, filters, limit),
    ];
  }

  /**
   * While a word is being typed, the shortest titles holding every word and a completion of it
   * (even of a function word: "basic de" may become "basic demo"): a short title is what a few
   * typed letters most likely name.
   */
  private typedTitles(
    terms: Counted[],
    optional: Counted[],
    filters: Filters,
    limit: number,
  ): number[] {
    const typing = optional.filter((c) => c.term.prefix);
    if (!terms.some((c) => c.term.prefix) && typing.length === 0) return [];
    const expr = inTitle(allOf([...terms, ...typing].map((c) => c.term)));
    return shortTitleMatches(this.db, expr, filters, limit);
  }

  /**
   * Orders a pool: BM25 over the whole article, plus the title's own BM25, plus (for partial
   * matches) the summed rarity of the query words each article holds.
   */
  private rank(
    pool: number[],
    terms: Counted[],
    optional: Counted[],
    bm25: ReadonlyMap<number, number>,
    coverage: boolean,
  ): number[] {
    if (pool.length === 0) return [];
    const idfOf = (c: Counted) => Math.log(1 + this.total / c.count);
    const idf = terms.map(idfOf);
    const score = new Map(pool.map((id) => [id, bm25.get(id) ?? 0]));
    const add = (id: number, x: number) => score.set(id, (score.get(id) ?? 0) + x);
    const inTitles = [...terms, ...optional];
    for (const row of titlesByDocIds(this.db, pool)) {
      const written = new Set<string>();
      const title = indexTerms(row.title, row.language, (word) => written.add(word));
      const norm = (K1 + 1) / (1 + K1 * (1 - B + (B * title.length) / AVERAGE_TITLE));
      for (const c of inTitles) {
        if (c.term.prefix) {
          if (completes(fold(c.term.text), written)) add(row.docId, TITLE_WEIGHT * idfOf(c) * norm);
          continue;
        }
        if (!title.some((x) => c.term.variants.includes(x))) continue;
        // The word as typed (or as corrected) beats another word of the same stem.
        const exact = c.term.forms.some((f) => written.has(f));
        add(row.docId, (TITLE_WEIGHT + (exact ? SAME_FORM : 0)) * idfOf(c) * norm);
      }
    }
    if (coverage) {
      // Each (rare) word's matches, read whole: cheaper than a lookup per pooled article.
      terms.forEach((c, i) => {
        const held = new Set(allMatches(this.db, ftsTerm(c.term)));
        for (const id of pool) if (held.has(id)) add(id, COVERAGE_WEIGHT * idf[i]!);
      });
    }
    const order = new Map(pool.map((id, i) => [id, i]));
    return [...pool].sort(
      (a, b) => (score.get(b) ?? 0) - (score.get(a) ?? 0) || order.get(a)! - order.get(b)!,
    );
  }

  private newest(expr: string, request: SearchRequest): number[] {
    // Titles holding every common word can be rare: look for them among the newest only.
    const from = this.newestDocId - TITLE_WALK;
    const title = newestMatches(this.db, inTitle(expr), request, request.limit, from);
    if (title.length >= request.limit) return title;
    const seen = new Set(title);
    const rest = newestMatches(this.db, expr, request, request.limit + title.length);
    return [...title, ...rest.filter((id) => !seen.has(id))].slice(0, request.limit);
  }

  private refresh(): void {
    const version = indexVersion(this.db);
    if (version === this.version) return;
    this.counts.clear();
    this.atLeast.clear();
    this.ticketTerms.clear();
    this.version = version;
    this.total = articleCount(this.db);
    this.newestDocId = newestDocId(this.db);
    const present = LANGUAGES.filter((l) => hasLanguage(this.db, l));
    this.languages = present.length > 0 ? present : LANGUAGES;
  }

  /** Articles matching a term, counted up to just past the common cap. */
  private count(t: QueryTerm): number {
    const expr = ftsTerm(t);
    let n = this.counts.get(expr);
    if (n === undefined) {
      n = countMatchesUpTo(this.db, expr, this.tuning.commonCap + 1);
      if (this.counts.size > 10_000) this.counts.clear();
      this.counts.set(expr, n);
    }
    return n;
  }

  /** `count`, or any number above `bound` when the term is in more articles than that. */
  private countUpTo(t: QueryTerm, bound: number): number {
    const expr = ftsTerm(t);
    const known = this.counts.get(expr) ?? this.atLeast.get(expr);
    if (known !== undefined && (this.counts.has(expr) || known > bound)) return known;
    if (bound >= this.tuning.commonCap) return this.count(t);
    const n = countMatchesUpTo(this.db, expr, bound + 1);
    const into = n <= bound ? this.counts : this.atLeast;
    if (into.size > 10_000) into.clear();
    into.set(expr, n);
    return n;
  }

  private ticketTerm(word: string): QueryTerm {
    let t = this.ticketTerms.get(word);
    if (!t) {
      t = term(word, false, this.languages);
      if (this.ticketTerms.size > 10_000) this.ticketTerms.clear();
      this.ticketTerms.set(word, t);
    }
    return t;
  }

  private hits(ids: number[], terms: readonly QueryTerm[], snippets = true): SearchHit[] {
    const marks = highlighter(terms);
    return articlesByDocIds(this.db, ids).map((row) => {
      const title = marks.highlight(row.title, row.language);
      const body = snippets ? marks.snippet(row.body, row.language) : { text: '', highlights: [] };
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
    });
  }
}

/**
 * Our ranking (every word first, then the most distinctive) fused with plain any-word BM25, by
 * reciprocal rank: an article both rank high stays high; one that holds all the words only in
 * passing can fall below one whose title holds most of them (how people paraphrase a heading).
 */
function fuse(ours: readonly number[], anyWord: readonly number[]): number[] {
  const score = new Map<number, number>();
  for (const list of [ours, anyWord]) {
    list.forEach((id, i) => score.set(id, (score.get(id) ?? 0) + 1 / (RRF_K + i + 1)));
  }
  return [...score].sort((a, b) => b[1] - a[1]).map(([id]) => id);
}

/**
 * Whether a title word, as written, completes what is being typed. Not its index term: a stem
 * shorter than the typed letters ("opt" of "opting", also of "opts") completes nothing.
 */
function completes(typed: string, written: ReadonlySet<string>): boolean {
  for (const w of written) if (w.startsWith(typed)) return true;
  return false;
}
