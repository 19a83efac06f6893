import { useState } from 'react';
import type { z } from 'zod';
import { MetricsQuery, MetricsResponse, type ImpactGroup } from '../../shared/consoleProtocol';
import { getJson, withQuery } from '../api';
import { type Format, useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { ContactCentreCost } from './ContactCentreCost';
import { LifetimeValuePanel } from './LifetimeValuePanel';
import { type Column, Table } from '../ui/Table';
import { lastDays, type Range, RangePicker, rangeMs } from '../ui/RangePicker';
import { ErrorNote, Loading } from '../ui/Status';
import { useLoad } from '../ui/useLoad';
import { useAdvocateNames } from '../useAdvocateNames';

type Group = z.infer<typeof ImpactGroup>;
type GroupBy = z.infer<typeof MetricsQuery>['groupBy'];
const groupings = MetricsQuery.shape.groupBy.unwrap().options;

interface RateValue {
  count: number;
  of: number;
  rate: number | null;
}
/** "45% (9 of 20)": never a bare ratio. */
const rateText = (f: Format, r: RateValue) =>
  `${r.rate === null ? '—' : f.percent(r.rate)} (${f.number(r.count)}/${f.number(r.of)})`;
const rateCsv = (r: RateValue) => (r.rate === null ? '' : r.rate.toFixed(4));
const durationText = (f: Format, p: { p50Ms: number | null; p90Ms: number | null }) =>
  `${p.p50Ms === null ? '—' : f.duration(p.p50Ms)} / ${p.p90Ms === null ? '—' : f.duration(p.p90Ms)}`;

export function Overview() {
  const t = useT();
  const f = useFormat();
  const [range, setRange] = useState<Range>(() => lastDays(30));
  const [groupBy, setGroupBy] = useState<GroupBy>('overall');
  const metrics = useLoad(
    () => getJson(withQuery('/v1/admin/metrics', { ...rangeMs(range), groupBy }), MetricsResponse),
    [range.from, range.to, groupBy],
  );
  const m = metrics.data;
  const advocateName = useAdvocateNames();
  const groupName = (key: string) => (groupBy === 'advocate' ? advocateName(key) : key);
  const rateColumn = (header: MessageId, pick: (g: Group) => RateValue): Column<Group> => ({
    header: t(header),
    cell: (g) => rateText(f, pick(g)),
    csv: (g) => rateCsv(pick(g)),
    numeric: true,
  });
  const columns: Column<Group>[] = [
    { header: t('overview.group'), cell: (g) => groupName(g.key), csv: (g) => g.key },
    {
      header: t('overview.cases'),
      cell: (g) => f.number(g.cases),
      csv: (g) => String(g.cases),
      numeric: true,
    },
    {
      header: t('overview.csat'),
      cell: (g) =>
        g.csat.mean === null ? '—' : `${f.number(g.csat.mean, 2)} (n=${f.number(g.csat.n)})`,
      csv: (g) => (g.csat.mean === null ? '' : g.csat.mean.toFixed(3)),
      numeric: true,
    },
    rateColumn('overview.csatResponse', (g) => g.csat.response),
    rateColumn('overview.resolution', (g) => g.resolution),
    rateColumn('overview.escalation', (g) => g.escalation),
    rateColumn('overview.transfer', (g) => g.transfer),
    rateColumn('overview.abandon', (g) => g.abandon),
    rateColumn('overview.reopen', (g) => g.reopen),
    rateColumn('overview.slaHit', (g) => g.slaHit),
    {
      header: t('overview.timeToClaim'),
      cell: (g) => durationText(f, g.timeToClaim),
      csv: (g) => String(g.timeToClaim.p50Ms ?? ''),
      numeric: true,
    },
    {
      header: t('overview.timeToFirstReply'),
      cell: (g) => durationText(f, g.timeToFirstReply),
      csv: (g) => String(g.timeToFirstReply.p50Ms ?? ''),
      numeric: true,
    },
    {
      header: t('overview.timeToResolution'),
      cell: (g) => durationText(f, g.timeToResolution),
      csv: (g) => String(g.timeToResolution.p50Ms ?? ''),
      numeric: true,
    },
    {
      header: t('overview.costPerResolved'),
      cell: (g) =>
        g.cost.perResolvedMinor === null ? '—' : f.money(g.cost.perResolvedMinor, m!.currency),
      csv: (g) => String(g.cost.perResolvedMinor ?? ''),
      numeric: true,
    },
  ];

  return (
    <section aria-labelledby="overview-title">
      <h1 id="overview-title">{t('nav.overview')}</h1>
      <div className="toolbar">
        <RangePicker value={range} onChange={setRange} />
        <label className="inline">
          {t('overview.groupBy')}{' '}
          <select value={groupBy} onChange={(e) => setGroupBy(e.target.value as GroupBy)}>
            {groupings.map((g) => (
              <option key={g} value={g}>
                {t(`groupBy.${g}` as MessageId)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={metrics.error} />
      {!m ? (
        metrics.loading && <Loading />
      ) : (
        <>
          <ContactCentreCost
            currency={m.currency}
            costMinor={m.contactCentreCostMinor}
            onSaved={metrics.reload}
          />
          <Table
            caption={t('overview.tableCaption', { from: f.date(m.from), to: f.date(m.to - 1) })}
            columns={columns}
            rows={m.groups}
            rowKey={(g) => g.key}
            csvName="impact"
          />
          <LifetimeValuePanel ltv={m.lifetimeValue} />
        </>
      )}
    </section>
  );
}
