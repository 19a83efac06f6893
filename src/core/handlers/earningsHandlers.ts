import { formatDay } from '../../shared/domain/time';
import { caseDetail } from '../earnings/caseDetail';
import { earningsCsv } from '../earnings/csvExport';
import { countedEntriesBetween } from '../earnings/entriesRepo';
import { dashboard, periodSummary, resolveRange } from '../earnings/summaries';
import { readZone, weekStart } from '../earnings/zone';
import type { Services } from '../services';
import type { HandlerMap } from './types';

export function earningsHandlers(
  s: Services,
): HandlerMap<
  | 'earnings:dashboard'
  | 'earnings:summary'
  | 'earnings:entries'
  | 'earnings:case'
  | 'earnings:export'
> {
  return {
    'earnings:dashboard': async () => dashboard(s.db, s.now()),
    'earnings:summary': async ({ range, brandId }) => periodSummary(s.db, range, brandId, s.now()),
    'earnings:entries': async ({ range, brandId, limit }) => {
      const days = resolveRange(range, s.now(), readZone(s.db), weekStart(s.db));
      return countedEntriesBetween(s.db, days.startMs, days.endMs, brandId, limit);
    },
    'earnings:case': async ({ taskId }) => caseDetail(s.db, taskId),
    'earnings:export': async ({ range, brandId, bom }) => {
      const zone = readZone(s.db);
      const days = resolveRange(range, s.now(), zone, weekStart(s.db));
      const { csv, rows } = earningsCsv(s.db, days, brandId, zone, { bom });
      const name = `gigdesk-earnings-${formatDay(days.fromDay)}-to-${formatDay(days.toDay)}.csv`;
      return { path: await s.saveFile(name, csv), rows };
    },
  };
}
