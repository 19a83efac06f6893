import { create } from 'zustand';
import type {
  CaseDetail,
  Dashboard,
  EarningsRange,
  EntriesPage,
  PeriodSummary,
} from '../../../../shared/contract/earnings';
import { errorInfo, invoke, onEvent } from '../../api';
import type { ShownText } from '../../i18n/useT';

interface EarningsState {
  range: EarningsRange;
  brandId: string | null;
  dashboard: Dashboard | null;
  summary: PeriodSummary | null;
  entries: EntriesPage | null;
  loading: boolean;
  error: ShownText | null;
  caseDetail: CaseDetail | null;
  caseError: ShownText | null;
  exporting: boolean;
  exportMessage: ShownText | null;
  /** Whether the export starts with a UTF-8 BOM, so Excel reads "María" and "佐藤" right. */
  exportBom: boolean;
  setExportBom: (bom: boolean) => void;
  load: () => Promise<void>;
  /** Loads, and reloads whenever a sync completes (new entries arrive with it); returns the unsubscribe. */
  listen: () => () => void;
  setRange: (range: EarningsRange) => Promise<void>;
  setBrand: (brandId: string | null) => Promise<void>;
  openCase: (taskId: string) => Promise<void>;
  closeCase: () => void;
  exportCsv: () => Promise<void>;
}

/** Entries fetched per range; the table virtualizes them, the total says if there were more. */
export const ENTRY_LIMIT = 5000;

let generation = 0;
/** The last answers shown, as JSON: a reload that finds the same figures renders nothing. */
let shownJson = '';

/** After the view has painted (an idle moment, at most half a second later). */
const afterPaint = (run: () => void) =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 500 })
    : setTimeout(run, 0);

export const useEarnings = create<EarningsState>((set, get) => ({
  range: { kind: 'month' },
  brandId: null,
  dashboard: null,
  summary: null,
  entries: null,
  loading: false,
  error: null,
  caseDetail: null,
  caseError: null,
  exporting: false,
  exportMessage: null,
  exportBom: false,
  setExportBom: (exportBom) => set({ exportBom }),
  load: async () => {
    const { range, brandId } = get();
    const mine = ++generation;
    set({ loading: true });
    try {
      const [dashboard, summary, entries] = await Promise.all([
        invoke('earnings:dashboard'),
        invoke('earnings:summary', { range, brandId }),
        invoke('earnings:entries', { range, brandId, limit: ENTRY_LIMIT }),
      ]);
      // A slower, older request must not overwrite a newer range's figures.
      if (mine !== generation) return;
      const json = JSON.stringify([dashboard, summary, entries]);
      if (json === shownJson && get().entries !== null) {
        set({ loading: false, error: null });
        return;
      }
      shownJson = json;
      set({ dashboard, summary, entries, loading: false, error: null });
    } catch (error) {
      if (mine === generation) set({ loading: false, error: errorInfo(error) });
    }
  },
  listen: () => {
    // Coming back to the view shows the figures already here at once and checks them after the
    // first paint (an estimate written offline arrives with no sync), so the switch is not held
    // up by three queries and a second render of up to ENTRY_LIMIT rows.
    if (get().entries === null) void get().load();
    else afterPaint(() => void get().load());
    return onEvent('sync:status', (status) => {
      if (status.state === 'online') void get().load();
    });
  },
  setRange: async (range) => {
    set({ range, exportMessage: null });
    await get().load();
  },
  setBrand: async (brandId) => {
    set({ brandId, exportMessage: null });
    await get().load();
  },
  openCase: async (taskId) => {
    try {
      set({ caseDetail: await invoke('earnings:case', { taskId }), caseError: null });
    } catch (error) {
      set({ caseDetail: null, caseError: errorInfo(error) });
    }
  },
  closeCase: () => set({ caseDetail: null, caseError: null }),
  exportCsv: async () => {
    const { range, brandId, exportBom } = get();
    set({ exporting: true, exportMessage: null });
    try {
      const result = await invoke('earnings:export', { range, brandId, bom: exportBom });
      set({
        exporting: false,
        exportMessage:
          result.path === null
            ? { id: 'earnings.export.cancelled' }
            : { id: 'earnings.export.saved', values: { rows: result.rows, path: result.path } },
      });
    } catch (error) {
      set({
        exporting: false,
        exportMessage: { id: 'earnings.export.failed', values: { reason: errorInfo(error) } },
      });
    }
  },
}));
