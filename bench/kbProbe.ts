/**
 * One search engine in its own process, so its memory is measured alone:
 * `gigdesk <db>`: the app's search (the worker's read-only connection and ArticleSearch), on a
 * worker thread with the app's search worker limits, as the app runs it;
 * `minisearch <db> <articles>`: MiniSearch built from the same seeded corpus, started early so
 * its (slow) build overlaps the SQLite build, then waiting for `go` on stdin before querying.
 * Prints one JSON line per phase.
 */
import { isMainThread, Worker } from 'node:worker_threads';
import MiniSearch from 'minisearch';
import { articlesByDocIds, getArticle } from '../src/core/kb/articleRepo';
import { parseQuery } from '../src/core/kb/query';
import { ArticleSearch } from '../src/core/kb/search';
import { SEARCH_WORKER_LIMITS } from '../src/core/kb/searchRunner';
import { openSearchConnection } from '../src/core/kb/searchConnection';
import { highlighter } from '../src/core/kb/snippet';
import { benchQueries, corpus, type BenchQueries } from './kbCorpus';

const [mode, file, countArg] = process.argv.slice(2);
const QUERIES = 300;
const LIMIT = 20;

const rssMb = () => process.memoryUsage().rss / 1e6;
const say = (message: object) => process.stdout.write(`${JSON.stringify(message)}\n`);

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Wall-clock latencies per query class, and CPU time (`<class>_cpu`), which stays meaningful
 * when other processes compete for the cores.
 */
function timeAll(queries: BenchQueries, run: (q: string) => number): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const [name, list] of Object.entries(queries) as [string, string[]][]) {
    for (const q of list.slice(0, 30)) run(q); // warm up
    const cpu: number[] = [];
    out[name] = list.map((q) => {
      const cpuStart = cpuMs();
      const start = performance.now();
      run(q);
      const took = performance.now() - start;
      cpu.push(cpuMs() - cpuStart);
      return took;
    });
    out[`${name}_cpu`] = cpu;
  }
  return out;
}

function gigdesk(): void {
  const queries = benchQueries(corpus(42).words, QUERIES);
  const before = rssMb();
  const db = openSearchConnection(file!);
  const search = new ArticleSearch(db);
  const modes: Record<string, number> = {};
  const hitsPerQuery: number[] = [];
  const latencies = timeAll(queries, (query) => {
    const outcome = search.search({ query, brandId: null, tag: null, limit: LIMIT });
    modes[outcome.mode] = (modes[outcome.mode] ?? 0) + 1;
    hitsPerQuery.push(outcome.hits.length);
    return outcome.hits.length;
  });
  const rssAdded = rssMb() - before;
  const snippet = snippetTimes(queries);
  say({ phase: 'done', rssAdded, latencies, modes, hitsPerQuery, ...snippet });

  /**
   * Highlight and snippet work alone for each query's hits, every body made long (its text
   * repeated to at least 100,000 characters): what a long article costs the result list.
   */
  function snippetTimes(all: BenchQueries): { snippet: number[]; snippetCpu: number[] } {
    const snippet: number[] = [];
    const snippetCpu: number[] = [];
    for (const query of [...all.word1, ...all.word2, ...all.prefix]) {
      const hits = search.search({ query, brandId: null, tag: null, limit: LIMIT }).hits;
      const rows = hits.flatMap((h) => getArticle(db, h.id) ?? []);
      const long = rows.map((r) => r.body.repeat(Math.ceil(100_000 / r.body.length)));
      const start = performance.now();
      const cpuStart = cpuMs();
      const marks = highlighter(parseQuery(query));
      rows.forEach((r, i) => {
        marks.highlight(r.title, r.language);
        marks.snippet(long[i]!, r.language);
      });
      snippet.push(performance.now() - start);
      snippetCpu.push(cpuMs() - cpuStart);
    }
    return { snippet, snippetCpu };
  }
}

async function minisearch(): Promise<void> {
  const c = corpus(42);
  const queries = benchQueries(c.words, QUERIES);
  const before = rssMb();
  const start = performance.now();
  const cpuStart = cpuMs();
  const index = new MiniSearch<{ docId: number; title: string; body: string; tags: string }>({
    idField: 'docId',
    fields: ['title', 'body', 'tags'],
    storeFields: [],
    searchOptions: { boost: { title: 10, tags: 3 }, combineWith: 'AND' },
  });
  let docId = 1; // the SQLite build assigns doc_id 1, 2, … in the same order
  for (const a of c.articles(Number(countArg))) {
    index.add({ docId: docId++, title: a.title, body: a.body, tags: a.tags.join(' ') });
  }
  const buildS = (performance.now() - start) / 1000;
  const buildCpuS = (cpuMs() - cpuStart) / 1000;
  say({ phase: 'built', buildS, buildCpuS, rssAdded: rssMb() - before });
  await new Promise<void>((resolve) => process.stdin.once('data', () => resolve()));
  // Same result work as the app: top 20, rows from SQLite, the same snippet code.
  const db = openSearchConnection(file!);
  const latencies = timeAll(queries, (query) => {
    const typing = !/\s$/.test(query);
    const terms = parseQuery(query);
    const results = index.search(query, {
      prefix: (_term, i, all) => typing && i === all.length - 1,
    });
    const rows = articlesByDocIds(
      db,
      results.slice(0, LIMIT).map((r) => r.id as number),
    );
    const marks = highlighter(terms);
    for (const row of rows) {
      marks.highlight(row.title, row.language);
      marks.snippet(row.body, row.language);
    }
    return rows.length;
  });
  say({ phase: 'done', latencies });
  process.stdin.destroy();
}

if (mode !== 'gigdesk') void minisearch();
else if (!isMainThread) gigdesk();
else new Worker(__filename, { argv: process.argv.slice(2), resourceLimits: SEARCH_WORKER_LIMITS });
