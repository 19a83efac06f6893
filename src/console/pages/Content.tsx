import { type FormEvent, useState } from 'react';
import {
  type ContentItem,
  type ContentKind,
  ContentListResponse,
} from '../../shared/consoleProtocol';
import { Markdown } from '../../renderer/src/ui/markdown/Markdown';
import { getJson, withQuery } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { type Column, Table } from '../ui/Table';
import { ErrorNote, Loading } from '../ui/Status';
import { useLoad } from '../ui/useLoad';

const PAGE = 25;

/**
 * The brand's articles and macros, searched by title and filtered by language, with the
 * selected one previewed beside the list through the same sanitizing Markdown component the
 * advocates' app renders it with. Payout rules have their own page, linked from here.
 */
export function Content() {
  const t = useT();
  const f = useFormat();
  const [kind, setKind] = useState<ContentKind>('article');
  const [q, setQ] = useState('');
  const [language, setLanguage] = useState('');
  const [filter, setFilter] = useState({ q: '', language: '' });
  /** Cursors of the pages before this one (for Previous), and this page's own. */
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const [selectedId, setSelectedId] = useState<string>();
  const content = useLoad(
    () =>
      getJson(
        withQuery('/v1/admin/content', { kind, ...filter, cursor, limit: PAGE }),
        ContentListResponse,
      ),
    [kind, filter, cursor],
  );
  const items = content.data?.items ?? [];
  const selected = items.find((i) => i.id === selectedId) ?? items[0];
  const restart = () => {
    setCursors([]);
    setSelectedId(undefined);
  };
  const search = (e: FormEvent) => {
    e.preventDefault();
    restart();
    setFilter({ q: q.trim(), language: language.trim() });
  };

  const columns: Column<ContentItem>[] = [
    {
      header: t('content.title'),
      cell: (x) => (
        <>
          <button
            type="button"
            className="link-button"
            aria-pressed={x.id === selected?.id}
            onClick={() => setSelectedId(x.id)}
            dir="auto"
          >
            {x.title}
          </button>
          <div className="muted">{x.externalRef}</div>
        </>
      ),
      csv: (x) => x.title,
    },
    {
      header: t('common.language'),
      cell: (x) => x.language ?? '—',
      csv: (x) => x.language ?? '',
    },
    {
      header: t('tasks.updated'),
      cell: (x) => f.date(x.updatedAt),
      csv: (x) => new Date(x.updatedAt).toISOString(),
    },
  ];

  return (
    <section aria-labelledby="content-title">
      <h1 id="content-title">{t('nav.content')}</h1>
      <p className="muted">
        {t('content.rulesNote')} <a href="#/rules">{t('nav.rules')}</a>
      </p>
      <form className="toolbar" role="search" onSubmit={search}>
        <label className="inline">
          {t('content.kind')}{' '}
          <select
            value={kind}
            onChange={(e) => {
              restart();
              setKind(e.target.value as ContentKind);
            }}
          >
            <option value="article">{t('content.articles')}</option>
            <option value="macro">{t('content.macros')}</option>
          </select>
        </label>
        <label className="inline">
          {t('content.search')}{' '}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <label className="inline">
          {t('content.language')}{' '}
          <input
            value={language}
            onChange={(e) => setLanguage(e.target.value)}
            size={6}
            placeholder="en"
          />
        </label>
        <button type="submit">{t('tasks.searchSubmit')}</button>
      </form>
      <ErrorNote error={content.error} />
      {content.data ? (
        <div className="content-layout">
          <div>
            <Table
              caption={t(kind === 'article' ? 'content.articlesCaption' : 'content.macrosCaption', {
                n: items.length,
              })}
              columns={columns}
              rows={items}
              rowKey={(x) => x.id}
              csvName={kind === 'article' ? 'articles' : 'macros'}
            />
            <div className="toolbar">
              <button
                type="button"
                disabled={cursors.length === 0}
                onClick={() => {
                  setSelectedId(undefined);
                  setCursors(cursors.slice(0, -1));
                }}
              >
                {t('common.previous')}
              </button>
              <button
                type="button"
                disabled={!content.data.nextCursor}
                onClick={() => {
                  setSelectedId(undefined);
                  setCursors([...cursors, content.data!.nextCursor!]);
                }}
              >
                {t('common.next')}
              </button>
            </div>
          </div>
          {selected && (
            <Preview
              item={selected}
              onArticleLink={(id) => items.some((i) => i.id === id) && setSelectedId(id)}
            />
          )}
        </div>
      ) : (
        content.loading && <Loading />
      )}
    </section>
  );
}

function Preview({
  item,
  onArticleLink,
}: {
  item: ContentItem;
  onArticleLink: (id: string) => void;
}) {
  const t = useT();
  const f = useFormat();
  return (
    <article className="panel content-preview" aria-labelledby="content-preview-title">
      <h2 id="content-preview-title" dir="auto">
        {item.title}
      </h2>
      <p className="muted">
        {t('content.previewMeta', {
          ref: item.externalRef,
          updated: f.dateTime(item.updatedAt),
          tags: item.tags.length ? item.tags.join(', ') : '—',
        })}
      </p>
      <Markdown source={item.body} onArticleLink={onArticleLink} />
    </article>
  );
}
