/**
 * KB search quality (part of `npm run bench -- kb`): MRR@10, Recall@10 and the zero-result rate
 * per query kind, for Gigdesk's search (kb/search.ts over a real SQLite file) and for MiniSearch
 * on the same articles in the same run.
 *
 * Corpus and queries: kbDocs.ts — real documentation shipped in npm packages, with each query's
 * answer fixed by a rule over the corpus (a section's own heading, or the text of a link that
 * the docs' authors pointed at it), never by what an engine returns; misspellings come from a
 * seeded random generator. Every query has exactly one right answer, so Recall@10 is whether it
 * is among the first ten.
 *
 * MiniSearch runs as its documentation suggests for search-as-you-type: title and tag boosts
 * matching Gigdesk's BM25 weights, prefix search on the word being typed, fuzzy matching (0.2)
 * on finished words, and OR between words (its default).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { openDatabase } from '../src/core/db/open';
import { applyArticleChange } from '../src/core/kb/apply';
import { ArticleSearch } from '../src/core/kb/search';
import { QUERY_KINDS, docsCorpus, type DocQuery, type QueryKind } from './kbDocs';
import { metric, round } from './stats';

const K = 10;
const metricName: Record<QueryKind, string> = {
  keyword: 'keyword',
  question: 'question',
  misspelled: 'typo',
  paraphrased: 'paraphrase',
  prefix: 'prefix',
};

interface Scores {
  mrr: number;
  recall: number;
  zero: number;
  n: number;
}

function score(queries: DocQuery[], run: (q: string) => string[]): Map<QueryKind | 'all', Scores> {
  const sums = new Map<QueryKind | 'all', Scores>();
  for (const q of queries) {
    const ids = run(q.text).slice(0, K);
    const rank = ids.indexOf(q.answer);
    for (const key of [q.kind, 'all'] as const) {
      const s = sums.get(key) ?? { mrr: 0, recall: 0, zero: 0, n: 0 };
      s.mrr += rank >= 0 ? 1 / (rank + 1) : 0;
      s.recall += rank >= 0 ? 1 : 0;
      s.zero += ids.length === 0 ? 1 : 0;
      s.n++;
      sums.set(key, s);
    }
  }
  for (const s of sums.values()) {
    s.mrr /= s.n;
    s.recall /= s.n;
    s.zero /= s.n;
  }
  return sums;
}

export function runQuality(): void {
  const { articles, queries, versions } = docsCorpus();
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-kbq-'));
  try {
    const db = openDatabase(join(dir, 'docs.sqlite'));
    db.transaction(() => {
      let seq = 1;
      for (const a of articles) {
        applyArticleChange(db, {
          seq: seq++,
          kind: 'article',
          article: {
            id: a.id,
            brandId: 'docs',
            externalRef: a.id,
            title: a.title,
            bodyMarkdown: a.body,
            tags: [a.tag],
            updatedAt: 0,
          },
        });
      }
    })();
    const search = new ArticleSearch(db);
    const ours = score(queries, (query) =>
      search.search({ query, brandId: null, tag: null, limit: K }).hits.map((h) => h.id),
    );
    db.close();

    const mini = new MiniSearch<{ id: string; title: string; body: string; tags: string }>({
      fields: ['title', 'body', 'tags'],
      storeFields: [],
      searchOptions: { boost: { title: 10, tags: 3 } },
    });
    mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body, tags: a.tag })));
    const ref = score(queries, (query) => {
      const typing = !/[\s\p{P}]$/u.test(query);
      return mini
        .search(query, {
          prefix: (_t, i, all) => typing && i === all.length - 1,
          fuzzy: (_t, i, all) => (typing && i === all.length - 1 ? false : 0.2),
        })
        .map((r) => r.id as string);
    });

    console.log(
      `kb quality: ${articles.length} articles (${Object.entries(versions)
        .map(([p, v]) => `${p}@${v}`)
        .join(', ')} docs), ${queries.length} queries`,
    );
    console.table(
      (['all', ...QUERY_KINDS] as const).map((kind) => {
        const g = ours.get(kind)!;
        const r = ref.get(kind)!;
        return {
          kind,
          queries: g.n,
          'gigdesk MRR@10': round(g.mrr),
          'minisearch MRR@10': round(r.mrr),
          'gigdesk R@10': round(g.recall),
          'minisearch R@10': round(r.recall),
          'gigdesk zero': round(g.zero),
          'minisearch zero': round(r.zero),
        };
      }),
    );
    for (const [prefix, scores] of [
      ['kb.quality', ours],
      ['kb.ref.quality', ref],
    ] as const) {
      const all = scores.get('all')!;
      metric(`${prefix}.mrr10`, all.mrr, 'ratio');
      metric(`${prefix}.recall10`, all.recall, 'ratio');
      metric(`${prefix}.zero_rate`, all.zero, 'ratio');
      for (const kind of QUERY_KINDS) {
        const s = scores.get(kind)!;
        metric(`${prefix}.${metricName[kind]}_mrr10`, s.mrr, 'ratio');
        metric(`${prefix}.${metricName[kind]}_recall10`, s.recall, 'ratio');
        metric(`${prefix}.${metricName[kind]}_zero_rate`, s.zero, 'ratio');
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
