/**
 * KB search quality (part of `npm run bench -- kb`): MRR@10, Recall@10 and the zero-result rate
 * per query kind, for Gigdesk's search (kb/search.ts over a real SQLite file) and for MiniSearch
 * on the same articles in the same run.
 *
 * Corpus: kbDocs.ts (real documentation shipped in npm packages); queries: kbQueries.ts (each
 * answer fixed by a rule over the corpus, typos from a seeded model). Every query has exactly
 * one right answer, so Recall@10 is whether it is among the first ten. The `kb.quality.*`
 * figures are the held-out half's (the table shows both halves): the dev half is the one
 * anybody may look at while tuning.
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
import { ArticleSearch, defaultTuning, type Tuning } from '../src/core/kb/search';
import { DOC_FOLDERS, docsCorpus } from './kbDocs';
import { QUERY_KINDS, makeQueries, type DocQuery, type Half, type QueryKind } from './kbQueries';
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

type Key = `${Half}:${QueryKind | 'all'}`;

function score(queries: DocQuery[], run: (q: string) => string[]): Map<Key, Scores> {
  const sums = new Map<Key, Scores>();
  for (const q of queries) {
    const ids = run(q.text).slice(0, K);
    const rank = ids.indexOf(q.answer);
    for (const key of [`${q.half}:${q.kind}`, `${q.half}:all`] as const) {
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

/**
 * Both engines over the docs corpus: each answers a query with its first ten article ids.
 * `close` frees the SQLite file.
 */
export function qualityEngines(tuning: Tuning = defaultTuning) {
  const { articles, links, versions } = docsCorpus();
  const queries = makeQueries({ articles, links });
  const dir = mkdtempSync(join(tmpdir(), 'gigdesk-bench-kbq-'));
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
  const search = new ArticleSearch(db, tuning);
  const ours = (query: string) =>
    search.search({ query, brandId: null, tag: null, limit: K }).hits.map((h) => h.id);

  const mini = new MiniSearch<{ id: string; title: string; body: string; tags: string }>({
    fields: ['title', 'body', 'tags'],
    storeFields: [],
    searchOptions: { boost: { title: 10, tags: 3 } },
  });
  mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body, tags: a.tag })));
  const ref = (query: string) => {
    const typing = !/[\s\p{P}]$/u.test(query);
    return mini
      .search(query, {
        prefix: (_t, i, all) => typing && i === all.length - 1,
        fuzzy: (_t, i, all) => (typing && i === all.length - 1 ? false : 0.2),
      })
      .slice(0, K)
      .map((r) => r.id as string);
  };
  const close = () => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  };
  return { articles, queries, versions, ours, ref, close, db, search };
}

export function runQuality(): void {
  const engines = qualityEngines();
  const { articles, queries, versions } = engines;
  try {
    const ours = score(queries, engines.ours);
    const ref = score(queries, engines.ref);

    console.log(
      `kb quality: ${articles.length} articles (${DOC_FOLDERS.map(
        (p) => `${p}@${versions[p]}`,
      ).join(
        ', ',
      )} docs and ${Object.keys(versions).length} packages' READMEs), ${queries.length} queries`,
    );
    console.table(
      (['held-out', 'dev'] as const).flatMap((half) =>
        (['all', ...QUERY_KINDS] as const).map((kind) => {
          const g = ours.get(`${half}:${kind}`)!;
          const r = ref.get(`${half}:${kind}`)!;
          return {
            half,
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
      ),
    );
    for (const [prefix, scores] of [
      ['kb.quality', ours],
      ['kb.ref.quality', ref],
    ] as const) {
      const all = scores.get('held-out:all')!;
      metric(`${prefix}.queries`, all.n, 'count');
      metric(`${prefix}.mrr10`, all.mrr, 'ratio');
      metric(`${prefix}.recall10`, all.recall, 'ratio');
      metric(`${prefix}.zero_rate`, all.zero, 'ratio');
      for (const kind of QUERY_KINDS) {
        const s = scores.get(`held-out:${kind}`)!;
        metric(`${prefix}.${metricName[kind]}_mrr10`, s.mrr, 'ratio');
        metric(`${prefix}.${metricName[kind]}_recall10`, s.recall, 'ratio');
        metric(`${prefix}.${metricName[kind]}_zero_rate`, s.zero, 'ratio');
      }
    }
  } finally {
    engines.close();
  }
}
