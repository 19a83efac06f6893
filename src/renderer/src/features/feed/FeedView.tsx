import { FormattedMessage } from 'react-intl';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef } from 'react';
import { shortcutOf } from '../../../../shared/domain/shortcuts';
import { EmptyState } from '../../ui/EmptyState';
import { NoticeTray } from '../notices/NoticeTray';
import { FeedFilterBar } from './FeedFilters';
import { FeedRow } from './FeedRow';
import { TaskDetailPanel } from './TaskDetailPanel';
import { useNow } from '../sync/useNow';
import { rowAt, useFeed } from './feedStore';
import { useSession } from '../session/sessionStore';
import { useSync } from '../sync/syncStore';
import { useSyncWords } from '../sync/useSyncWords';
import { useShownText, useT } from '../../i18n/useT';
import './feed.css';

const ROW_HEIGHT = 76;

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName));
/** Enter on a button or link is that control's own click. */
const activates = (target: EventTarget | null) =>
  target instanceof HTMLElement && ['BUTTON', 'A'].includes(target.tagName);

export function FeedView() {
  const session = useSession((s) => s.status);
  const sync = useSync((s) => s.status);
  // A failure in plain words; its own (often English) detail goes in the title only.
  const syncWords = useSyncWords()(sync);
  const syncNow = useSync((s) => s.syncNow);
  const feed = useFeed();
  const { listen, total, pages, selected, select, open, claim, detail, close, ensureRows } = feed;
  const now = useNow(30_000);
  const listRef = useRef<HTMLDivElement>(null);
  const signedIn = session?.state === 'signed_in';
  const t = useT();
  const shown = useShownText();

  useEffect(() => listen(), [listen]);

  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (total) ensureRows(first, last);
  }, [first, last, total, pages, ensureRows]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
      const current = rowAt(useFeed.getState().pages, useFeed.getState().selected);
      const key = shortcutOf(event);
      if (key === 'j' || key === 'k') {
        event.preventDefault();
        const next = useFeed.getState().selected + (key === 'j' ? 1 : -1);
        select(next);
        virtualizer.scrollToIndex(Math.max(0, next), { align: 'auto' });
        // Focus follows the selection while it is in the list, so it is announced.
        if (listRef.current?.contains(document.activeElement)) {
          requestAnimationFrame(() => {
            const index = useFeed.getState().selected;
            listRef.current
              ?.querySelector<HTMLElement>(`[data-feed-row="${index}"]`)
              ?.focus({ preventScroll: true });
          });
        }
      } else if (event.key === 'Enter' && current && !activates(event.target)) {
        event.preventDefault();
        void open(current.id);
      } else if (key === 'c' && current && !current.pendingClaim) {
        event.preventDefault();
        void claim(current.id);
      } else if (event.key === 'Escape' && useFeed.getState().detail) {
        close();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [select, open, claim, close, virtualizer]);

  const filtersActive = Object.values(feed.prefs.filters).some((v) => v !== null);

  let empty: React.JSX.Element | null = null;
  if (!signedIn) {
    empty = (
      <EmptyState title={t('feed.empty.signedOut.title')}>
        {t('feed.empty.signedOut.body')}
      </EmptyState>
    );
  } else if (total === 0 && filtersActive) {
    empty = (
      <EmptyState
        title={t('feed.empty.filtered.title')}
        action={
          <button type="button" className="button" onClick={() => void feed.clearFilters()}>
            {t('feed.filters.clear')}
          </button>
        }
      >
        {t('feed.empty.filtered.body')}
      </EmptyState>
    );
  } else if (total === 0 && (sync.state === 'offline' || sync.state === 'error')) {
    empty = (
      <EmptyState
        title={t(sync.state === 'offline' ? 'feed.empty.offline.title' : 'feed.empty.error.title')}
        action={
          <button type="button" className="button" onClick={() => void syncNow()}>
            {t('feed.tryAgain')}
          </button>
        }
      >
        {syncWords.plain ?? t('feed.empty.lastSynced')} {t('feed.empty.offline.body')}
      </EmptyState>
    );
  } else if (total === 0) {
    empty = <EmptyState title={t('feed.empty.none.title')}>{t('feed.empty.none.body')}</EmptyState>;
  }

  return (
    <div className="view view--feed">
      <div className="feed-header">
        <h1 className="view__title">{t('nav.feed')}</h1>
        {signedIn && total !== null ? (
          <span className="muted" aria-live="polite">
            {t('feed.count', { count: total })}
          </span>
        ) : null}
      </div>
      <NoticeTray />
      {signedIn && (sync.state === 'offline' || sync.state === 'error') && total ? (
        <p
          className={`banner banner--${sync.state === 'offline' ? 'warning' : 'error'}`}
          role="status"
          title={syncWords.trouble ? (syncWords.raw ?? undefined) : undefined}
        >
          {sync.state === 'offline'
            ? t('feed.offlineBanner')
            : (syncWords.plain ?? t('feed.syncFailed'))}
        </p>
      ) : null}
      {feed.error ? (
        <p className="banner banner--error" role="alert">
          {shown(feed.error)}
        </p>
      ) : null}
      {feed.claimError ? (
        <p className="banner banner--error" role="alert">
          {shown(feed.claimError)}
        </p>
      ) : null}
      {signedIn && feed.ready ? <FeedFilterBar /> : null}
      {empty ?? (
        <div className="feed-body">
          <div
            ref={listRef}
            className="feed-list"
            role="list"
            aria-label={t('feed.list.label')}
            tabIndex={0}
          >
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {items.map((item) => {
                const task = rowAt(pages, item.index);
                return (
                  <div
                    key={item.key}
                    className="feed-list__slot"
                    style={{ height: item.size, transform: `translateY(${item.start}px)` }}
                  >
                    {task ? (
                      <FeedRow
                        task={task}
                        now={now}
                        selected={item.index === selected}
                        position={item.index + 1}
                        total={total ?? 0}
                        onOpen={() => {
                          select(item.index);
                          void open(task.id);
                        }}
                        onClaim={() => void claim(task.id)}
                      />
                    ) : (
                      <div className="feed-row feed-row--loading" aria-hidden="true" />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          {detail ? (
            <TaskDetailPanel
              task={detail}
              now={now}
              onClose={close}
              onClaim={() => void claim(detail.id)}
            />
          ) : null}
        </div>
      )}
      <p className="feed-keys muted">
        <FormattedMessage
          id="feed.keys"
          values={{ kbd: (chunks: React.ReactNode[]) => <kbd>{chunks}</kbd> }}
        />
      </p>
    </div>
  );
}
