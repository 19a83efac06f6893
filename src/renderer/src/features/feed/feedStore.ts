import { create } from 'zustand';
import {
  defaultFeedPrefs,
  type FeedFacets,
  type FeedFilters,
  type FeedPrefs,
  type FeedSort,
  type FeedTask,
  type TaskDetail,
} from '../../../../shared/contract/feed';
import { errorInfo, invoke, onEvent } from '../../api';
import type { ShownText } from '../../i18n/useT';

/** Rows fetched per request while scrolling. */
export const FEED_PAGE = 100;

interface FeedState {
  prefs: FeedPrefs;
  /** The stored prefs have arrived (the filter bar starts from them). */
  ready: boolean;
  facets: FeedFacets;
  /** Matching tasks in all; null until the first page arrives. */
  total: number | null;
  /** Loaded rows by page number; the list asks for the pages it shows. */
  pages: Record<number, FeedTask[]>;
  /** Bumped on every reload, so answers to an older query are dropped. */
  generation: number;
  selected: number;
  detail: TaskDetail | null;
  error: ShownText | null;
  claimError: ShownText | null;
  load: () => Promise<void>;
  /** Loads the feed and refreshes it on `feed:changed`; returns the unsubscribe. */
  listen: () => () => void;
  refresh: () => Promise<void>;
  ensureRows: (from: number, to: number) => void;
  setFilters: (patch: Partial<FeedFilters>) => Promise<void>;
  setSort: (sort: FeedSort) => Promise<void>;
  clearFilters: () => Promise<void>;
  select: (index: number) => void;
  open: (taskId: string) => Promise<void>;
  close: () => void;
  claim: (taskId: string) => Promise<void>;
}

export const rowAt = (pages: Record<number, FeedTask[]>, index: number): FeedTask | undefined =>
  pages[Math.floor(index / FEED_PAGE)]?.[index % FEED_PAGE];

export const useFeed = create<FeedState>((set, get) => {
  const loading = new Set<string>();

  const fetchPage = async (page: number, withTotal: boolean) => {
    const { prefs, generation } = get();
    const key = `${generation}:${page}`;
    if (loading.has(key)) return;
    loading.add(key);
    try {
      const result = await invoke('feed:list', {
        ...prefs,
        offset: page * FEED_PAGE,
        limit: FEED_PAGE,
        withTotal,
      });
      if (get().generation !== generation) return;
      set((s) => ({
        pages: { ...s.pages, [page]: result.tasks },
        ...(result.total === null ? {} : { total: result.total }),
        error: null,
      }));
    } catch (error) {
      set({ error: errorInfo(error) });
    } finally {
      loading.delete(key);
    }
  };

  const savePrefs = async (prefs: FeedPrefs) => {
    set({ prefs, selected: 0 });
    await get().refresh();
    await invoke('feed:setPrefs', prefs).catch(() => undefined);
  };

  return {
    prefs: defaultFeedPrefs,
    ready: false,
    facets: { brands: [], skills: [] },
    total: null,
    pages: {},
    generation: 0,
    selected: 0,
    detail: null,
    error: null,
    claimError: null,
    load: async () => {
      try {
        const [prefs, facets] = await Promise.all([invoke('feed:prefs'), invoke('feed:facets')]);
        set({ prefs, facets, ready: true });
      } catch (error) {
        set({ error: errorInfo(error), ready: true });
      }
      await get().refresh();
    },
    listen: () => {
      void get().load();
      return onEvent('feed:changed', () => void get().refresh());
    },
    refresh: async () => {
      // Keep the rows on screen until the new first page arrives (no flash on every sync).
      set((s) => ({ generation: s.generation + 1 }));
      const keep = get().pages;
      const pagesShown = Object.keys(keep).map(Number);
      await fetchPage(0, true);
      set((s) => ({ pages: { 0: s.pages[0] ?? [] } }));
      for (const page of pagesShown) if (page !== 0) void fetchPage(page, false);
      invoke('feed:facets').then(
        (facets) => set({ facets }),
        () => undefined,
      );
    },
    ensureRows: (from, to) => {
      const { pages } = get();
      for (let page = Math.floor(from / FEED_PAGE); page <= Math.floor(to / FEED_PAGE); page++) {
        if (!pages[page]) void fetchPage(page, false);
      }
    },
    setFilters: (patch) =>
      savePrefs({ ...get().prefs, filters: { ...get().prefs.filters, ...patch } }),
    setSort: (sort) => savePrefs({ ...get().prefs, sort }),
    clearFilters: () => savePrefs({ ...get().prefs, filters: defaultFeedPrefs.filters }),
    select: (index) => {
      const total = get().total ?? 0;
      set({ selected: Math.max(0, Math.min(index, total - 1)) });
    },
    open: async (taskId) => {
      try {
        set({ detail: await invoke('feed:task', { taskId }) });
      } catch (error) {
        set({ error: errorInfo(error) });
      }
    },
    close: () => set({ detail: null }),
    claim: async (taskId) => {
      set({ claimError: null });
      try {
        await invoke('feed:claim', { taskId });
      } catch (error) {
        set({ claimError: errorInfo(error) });
      }
      await get().refresh();
      const detail = get().detail;
      if (detail?.id === taskId) await get().open(taskId);
    },
  };
});
