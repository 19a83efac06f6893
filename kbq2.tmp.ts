import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { openDatabase } from './src/core/db/open';
import { applyArticleChange } from './src/core/kb/apply';
import { ArticleSearch } from './src/core/kb/search';
import { docsCorpus } from './bench/kbDocs';
const { articles, queries } = docsCorpus();
const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'q')), 'd.sqlite'));
db.transaction(() => { let seq = 1; for (const a of articles) applyArticleChange(db, { seq: seq++, kind: 'article', article: { id: a.id, brandId: 'docs', externalRef: a.id, title: a.title, bodyMarkdown: a.body, tags: [a.tag], updatedAt: 0 } }); })();
const search = new ArticleSearch(db);
const mini = new MiniSearch<any>({ fields: ['title', 'body', 'tags'], storeFields: [], searchOptions: { boost: { title: 10, tags: 3 } } });
mini.addAll(articles.map((a) => ({ id: a.id, title: a.title, body: a.body, tags: a.tag })));
const title = new Map(articles.map(a => [a.id, a.title]));
for (const q of queries) {
  const g = search.search({ query: q.text, brandId: null, tag: null, limit: 10 }).hits.map(h => h.id);
  const typing = !/[\s\p{P}]$/u.test(q.text);
  const m = mini.search(q.text, { prefix: (_t, i, all) => typing && i === all.length - 1, fuzzy: (_t, i, all) => (typing && i === all.length - 1 ? false : 0.2) }).map(r => r.id);
  const gr = g.indexOf(q.answer), mr = m.slice(0,10).indexOf(q.answer);
  if ((gr < 0 ? 99 : gr) > (mr < 0 ? 99 : mr)) console.log(q.kind, JSON.stringify(q.text), '| ans:', title.get(q.answer), '| g', gr, 'm', mr, '| g0:', title.get(g[0]!));
}
