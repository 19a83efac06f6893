import { create } from 'zustand';
import type { KbArticle, KbHit, KbOverview } from '../../../../shared/contract/kb';
import { errorInfo, invoke } from '../../api';
import type { ShownText } from '../../i18n/useT';

interface KbState {
  query: string;
  brandId: string | null;
  tag: string | null;
  hits: KbHit[];
  /** `bounded`: every word was very common; the newest matches are shown. */
  mode: 'ranked' | 'bounded' | 'none';
  searching: boolean;
  error: ShownText | null;
  overview: KbOverview | null;
  article: KbArticle | null;
  articleError: ShownText | null;
  loadOverview: () => Promise<void>;
  setQuery: (query: string) => void;
  setFilters: (filters: { brandId?: string | null; tag?: string | null }) => void;
  openArticle: (id: string) => Promise<void>;
  closeArticle: () => void;
}

// Only the newest search may change what is shown; answers to older ones are dropped.
let latestSearch = 0;

export const useKb = create<KbState>((set, get) => {
  const search = async () => {
    const { query, brandId, tag } = get();
    const seq = ++latestSearch;
    if (query.trim() === '') {
      set({ hits: [], mode: 'none', searching: false, error: null });
      return;
    }
    set({ searching: true });
    try {
      const result = await invoke('kb:search', { query, brandId, tag, limit: 30 });
      if (seq !== latestSearch || result.superseded) return;
      set({ hits: result.hits, mode: result.mode, searching: false, error: null });
    } catch (error) {
      if (seq === latestSearch) set({ searching: false, error: errorInfo(error) });
    }
  };
  return {
    query: '',
    brandId: null,
    tag: null,
    hits: [],
    mode: 'none',
    searching: false,
    error: null,
    overview: null,
    article: null,
    articleError: null,
    loadOverview: async () => {
      try {
        set({ overview: await invoke('kb:overview') });
      } catch (error) {
        set({ error: errorInfo(error) });
      }
    },
    setQuery: (query) => {
      set({ query });
      void search();
    },
    setFilters: (filters) => {
      set(filters);
      void search();
    },
    openArticle: async (id) => {
      try {
        set({ article: await invoke('kb:article', { id }), articleError: null });
      } catch (error) {
        set({ article: null, articleError: errorInfo(error) });
      }
    },
    closeArticle: () => set({ article: null, articleError: null }),
  };
});
