import {
  Bar,
  BarChart,
  CartesianGrid,
  ErrorBar,
  ResponsiveContainer,
  XAxis,
  YAxis,
} from 'recharts';
import type { z } from 'zod';
import type { LifetimeValue, LifetimeValueGroup } from '../../shared/consoleProtocol';
import { type Format, useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { type Column, Table } from '../ui/Table';

type Ltv = z.infer<typeof LifetimeValue>;
type Group = z.infer<typeof LifetimeValueGroup>;
type ShareValue = Group['repeatPurchase'];

const interval = (low: string | null, high: string | null) =>
  low === null || high === null ? '' : ` [${low} – ${high}]`;
const pct = (f: Format, v: number | null) => (v === null ? null : f.percent(v));

/**
 * Customers who stay and spend, by who served them: never a bare ratio — each figure with its
 * sample size and its 95 % interval.
 */
export function LifetimeValuePanel({ ltv }: { ltv: Ltv }) {
  const t = useT();
  const f = useFormat();
  const money = (minor: number | null) => (minor === null ? null : f.money(minor, ltv.currency));
  const share = (s: ShareValue) =>
    s.rate === null
      ? '—'
      : `${f.percent(s.rate)} (${f.number(s.count)}/${f.number(s.of)})${interval(pct(f, s.low), pct(f, s.high))}`;
  const label = (g: Group) => t(`ltv.group.${g.key}` as MessageId);
  const columns: Column<Group>[] = [
    { header: t('ltv.groupColumn'), cell: label, csv: (g) => g.key },
    {
      header: t('ltv.customers'),
      cell: (g) => f.number(g.customers),
      csv: (g) => String(g.customers),
      numeric: true,
    },
    {
      header: t('ltv.pending'),
      cell: (g) => f.number(g.pending),
      csv: (g) => String(g.pending),
      numeric: true,
    },
    {
      header: t('ltv.repeatPurchase'),
      cell: (g) => share(g.repeatPurchase),
      csv: (g) => String(g.repeatPurchase.rate ?? ''),
      numeric: true,
    },
    {
      header: t('ltv.retention'),
      cell: (g) => share(g.retention),
      csv: (g) => String(g.retention.rate ?? ''),
      numeric: true,
    },
    {
      header: t('ltv.valuePerCustomer'),
      cell: (g) => {
        const v = g.valuePerCustomer;
        return v.meanMinor === null
          ? '—'
          : `${money(v.meanMinor)}${interval(money(v.lowMinor), money(v.highMinor))}`;
      },
      csv: (g) => String(g.valuePerCustomer.meanMinor ?? ''),
      numeric: true,
    },
  ];
  // Bars of value per customer with their intervals as error bars (in major units for the axis).
  const digits =
    10 **
    (new Intl.NumberFormat('en', { style: 'currency', currency: ltv.currency }).resolvedOptions()
      .maximumFractionDigits ?? 2);
  const chart = ltv.groups.map((g) => {
    const v = g.valuePerCustomer;
    const mean = (v.meanMinor ?? 0) / digits;
    return {
      name: label(g),
      mean,
      error:
        v.lowMinor === null || v.highMinor === null
          ? [0, 0]
          : [mean - v.lowMinor / digits, v.highMinor / digits - mean],
    };
  });
  return (
    <section className="panel" aria-labelledby="ltv-title">
      <h2 id="ltv-title">{t('ltv.title')}</h2>
      <p className="muted">{t('ltv.explain', { days: ltv.windowDays, asOf: f.date(ltv.asOf) })}</p>
      <div
        className="chart"
        role="img"
        aria-label={t('ltv.chartLabel', { currency: ltv.currency })}
      >
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={chart} margin={{ top: 10, right: 20, bottom: 10, left: 20 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="name" />
            <YAxis />
            <Bar dataKey="mean" fill="#0b5cad" isAnimationActive={false}>
              <ErrorBar dataKey="error" width={8} stroke="#a40e26" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <Table
        caption={t('ltv.tableCaption', { currency: ltv.currency })}
        columns={columns}
        rows={ltv.groups}
        rowKey={(g) => g.key}
        csvName="lifetime-value"
      />
    </section>
  );
}
