import { useEffect } from 'react';
import type { SyncStatus } from '../../../../shared/contract/events';
import { EmptyState } from '../../ui/EmptyState';
import { KbArticleView } from './KbArticleView';
import { KbSearchBox } from './KbBits';
import { KbResultList } from './KbResultList';
import { useKb } from './kbStore';
import { useSync } from '../sync/syncStore';
import './kb.css';

function lastSynced(at: number | null): string {
  if (at === null) return 'Never synced';
  return `Last synced ${new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(at)}`;
}

function SyncLine({ status, count }: { status: SyncStatus; count: number | null }) {
  return (
    <p className="kb-view__sync">
      {status.state === 'offline' ? (
        <span className="kb-offline" role="status">
          Offline · searching the copy on this computer
        </span>
      ) : null}
      <span className="muted">{lastSynced(status.lastSyncedAt)}</span>
      {count !== null ? (
        <span className="muted">
          {count.toLocaleString()} {count === 1 ? 'article' : 'articles'}
        </span>
      ) : null}
    </p>
  );
}

export function KnowledgeBaseView() {
  const kb = useKb();
  const { loadOverview, setQuery, setFilters, openArticle, closeArticle } = kb;
  const sync = useSync((s) => s.status);

  // New articles arrive with each sync: refresh the counts and the current results.
  useEffect(() => {
    void loadOverview();
    setQuery(useKb.getState().query);
  }, [loadOverview, setQuery, sync.lastSyncedAt]);

  const overview = kb.overview;
  const header = (
    <div className="kb-view__head">
      <h1 className="view__title">Knowledge base</h1>
      <SyncLine status={sync} count={overview?.articleCount ?? null} />
    </div>
  );
  if (overview && overview.articleCount === 0) {
    return (
      <div className="view">
        {header}
        <EmptyState title="No articles yet">
          The help-center articles of your brands are kept on this computer once you sync, so you
          can search them as you type, also offline.
        </EmptyState>
      </div>
    );
  }

  const typed = kb.query.trim() !== '';
  let status = 'Type to search titles, articles and tags.';
  if (kb.error) status = kb.error;
  else if (typed && kb.hits.length === 0 && !kb.searching) status = 'No articles match every word.';
  else if (typed && kb.hits.length > 0)
    status =
      kb.mode === 'bounded'
        ? `${kb.hits.length} newest matches: these words are in most articles, add a rarer word to narrow down.`
        : `${kb.hits.length} best ${kb.hits.length === 1 ? 'match' : 'matches'}`;

  return (
    <div className="view kb-view">
      {header}
      <div className="kb-view__body">
        <section className="kb-view__search" aria-label="Search">
          <KbSearchBox
            label="Search the knowledge base"
            value={kb.query}
            onChange={setQuery}
            onEnter={() => kb.hits[0] && void openArticle(kb.hits[0].id)}
            autoFocus
          />
          <div className="kb-filters">
            {overview && overview.brands.length > 1 ? (
              <label>
                Brand
                <select
                  value={kb.brandId ?? ''}
                  onChange={(e) => setFilters({ brandId: e.target.value || null })}
                >
                  <option value="">All brands</option>
                  {overview.brands.map((b) => (
                    <option key={b.id} value={b.id}>
                      {b.name}
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
            {overview && overview.tags.length > 0 ? (
              <label>
                Tag
                <select
                  value={kb.tag ?? ''}
                  onChange={(e) => setFilters({ tag: e.target.value || null })}
                >
                  <option value="">Any tag</option>
                  {overview.tags.map((t) => (
                    <option key={t.tag} value={t.tag}>
                      {t.tag} ({t.count})
                    </option>
                  ))}
                </select>
              </label>
            ) : null}
          </div>
          <p className="kb-view__status muted" aria-live="polite">
            {status}
          </p>
          <KbResultList
            hits={kb.hits}
            selectedId={kb.article?.id ?? null}
            onOpen={(id) => void openArticle(id)}
            label="Search results"
            scrolls
          />
        </section>
        <section className="kb-view__reader" aria-label="Article" tabIndex={0}>
          {kb.article ? (
            <KbArticleView
              article={kb.article}
              onArticleLink={(id) => void openArticle(id)}
              actions={
                <button type="button" className="link-button" onClick={closeArticle}>
                  Close article
                </button>
              }
            />
          ) : kb.articleError ? (
            <p role="alert">{kb.articleError}</p>
          ) : (
            <p className="kb-view__placeholder muted">Open a result to read the article here.</p>
          )}
        </section>
      </div>
    </div>
  );
}
