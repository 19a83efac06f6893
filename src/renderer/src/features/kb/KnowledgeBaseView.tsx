import { useEffect } from 'react';
import type { SyncStatus } from '../../../../shared/contract/events';
import { EmptyState } from '../../ui/EmptyState';
import { KbArticleView } from './KbArticleView';
import { KbSearchBox } from './KbBits';
import { KbResultList } from './KbResultList';
import { useKb } from './kbStore';
import { useSync } from '../sync/syncStore';
import { useFormat } from '../../i18n/format';
import { useShownText, useT } from '../../i18n/useT';
import './kb.css';

function SyncLine({ status, count }: { status: SyncStatus; count: number | null }) {
  const t = useT();
  const format = useFormat();
  return (
    <p className="kb-view__sync">
      {status.state === 'offline' ? (
        <span className="kb-offline" role="status">
          {t('kb.offline')}
        </span>
      ) : null}
      <span className="muted">
        {status.lastSyncedAt === null
          ? t('sync.neverSynced')
          : t('sync.lastSynced', { time: format.dateTime(status.lastSyncedAt) })}
      </span>
      {count !== null ? <span className="muted">{t('kb.count', { count })}</span> : null}
    </p>
  );
}

export function KnowledgeBaseView() {
  const kb = useKb();
  const { loadOverview, setQuery, setFilters, openArticle, closeArticle } = kb;
  const sync = useSync((s) => s.status);
  const t = useT();
  const shown = useShownText();

  // New articles arrive with each sync: refresh the counts and the current results.
  useEffect(() => {
    void loadOverview();
    setQuery(useKb.getState().query);
  }, [loadOverview, setQuery, sync.lastSyncedAt]);

  const overview = kb.overview;
  const header = (
    <div className="kb-view__head">
      <h1 className="view__title">{t('nav.kb')}</h1>
      <SyncLine status={sync} count={overview?.articleCount ?? null} />
    </div>
  );
  if (overview && overview.articleCount === 0) {
    return (
      <div className="view">
        {header}
        <EmptyState title={t('kb.empty.title')}>{t('kb.empty.body')}</EmptyState>
      </div>
    );
  }

  const typed = kb.query.trim() !== '';
  let status = t('kb.hint');
  if (kb.error) status = shown(kb.error);
  else if (typed && kb.hits.length === 0 && !kb.searching) status = t('kb.noMatch');
  else if (typed && kb.hits.length > 0)
    status =
      kb.mode === 'bounded'
        ? t('kb.bounded', { count: kb.hits.length })
        : t('kb.best', { count: kb.hits.length });

  return (
    <div className="view kb-view">
      {header}
      <div className="kb-view__body">
        <section className="kb-view__search" aria-label={t('kb.search')}>
          <KbSearchBox
            label={t('kb.searchLabel')}
            value={kb.query}
            onChange={setQuery}
            onEnter={() => kb.hits[0] && void openArticle(kb.hits[0].id)}
            autoFocus
          />
          <div className="kb-filters">
            {overview && overview.brands.length > 1 ? (
              <label>
                {t('feed.filters.brand')}
                <select
                  value={kb.brandId ?? ''}
                  onChange={(e) => setFilters({ brandId: e.target.value || null })}
                >
                  <option value="">{t('feed.filters.allBrands')}</option>
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
                {t('kb.tag')}
                <select
                  value={kb.tag ?? ''}
                  onChange={(e) => setFilters({ tag: e.target.value || null })}
                >
                  <option value="">{t('kb.anyTag')}</option>
                  {overview.tags.map((tag) => (
                    <option key={tag.tag} value={tag.tag}>
                      {tag.tag} ({tag.count})
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
            label={t('kb.results')}
            scrolls
          />
        </section>
        <section className="kb-view__reader" aria-label={t('kb.article')} tabIndex={0}>
          {kb.article ? (
            <KbArticleView
              article={kb.article}
              onArticleLink={(id) => void openArticle(id)}
              actions={
                <button type="button" className="link-button" onClick={closeArticle}>
                  {t('kb.closeArticle')}
                </button>
              }
            />
          ) : kb.articleError ? (
            <p role="alert">{shown(kb.articleError)}</p>
          ) : (
            <p className="kb-view__placeholder muted">{t('kb.placeholder')}</p>
          )}
        </section>
      </div>
    </div>
  );
}
