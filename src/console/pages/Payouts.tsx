import { useState } from 'react';
import type { z } from 'zod';
import {
  type AdvocateStatement,
  PayoutRunResponse,
  StatementsResponse,
} from '../../shared/consoleProtocol';
import { change, getJson, getText, withQuery } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { canChange, useSession } from '../session';
import { download } from '../ui/download';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { useAdvocateNames } from '../useAdvocateNames';

type Entry = z.infer<typeof StatementsResponse>['statements'][number]['entries'][number];

/** Runs move ledger entries pending → confirmed → paid; each run is one append-only step. */
export function Payouts() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const statements = useLoad(() => getJson('/v1/admin/payouts/statements', StatementsResponse), []);
  const action = useAction(statements.reload);
  const [open, setOpen] = useState<string>();
  const advocateName = useAdvocateNames();
  const money = (minor: number) =>
    f.money(minor, statements.data?.currency ?? session.brand.currency);
  const run = (to: 'confirmed' | 'paid') =>
    action.run(
      () => change('POST', '/v1/admin/payouts/runs', { to }, PayoutRunResponse),
      (r) =>
        t(to === 'confirmed' ? 'payouts.confirmedDone' : 'payouts.paidDone', {
          entries: r.entries,
          total: f.money(r.totalMinor, r.currency),
        }),
    );
  const csv = (advocateId?: string) =>
    action.run(async () => {
      const text = await getText(
        withQuery('/v1/admin/payouts/statements', { format: 'csv', advocateId }),
      );
      download(advocateId ? `statement-${advocateId}.csv` : 'statements.csv', text);
    });

  const columns: Column<AdvocateStatement>[] = [
    {
      header: t('payouts.advocate'),
      cell: (s) => advocateName(s.advocateId),
      csv: (s) => s.advocateId,
    },
    {
      header: t('payouts.pending'),
      cell: (s) => money(s.pendingMinor),
      csv: (s) => String(s.pendingMinor),
      numeric: true,
    },
    {
      header: t('payouts.confirmed'),
      cell: (s) => money(s.confirmedMinor),
      csv: (s) => String(s.confirmedMinor),
      numeric: true,
    },
    {
      header: t('payouts.paid'),
      cell: (s) => money(s.paidMinor),
      csv: (s) => String(s.paidMinor),
      numeric: true,
    },
    {
      header: t('payouts.entries'),
      cell: (s) => f.number(s.entries.length),
      csv: (s) => String(s.entries.length),
      numeric: true,
    },
    {
      header: t('common.actions'),
      cell: (s) => (
        <div className="actions">
          <button
            type="button"
            aria-expanded={open === s.advocateId}
            onClick={() => setOpen(open === s.advocateId ? undefined : s.advocateId)}
          >
            {t('payouts.statement')}
          </button>
          <button
            type="button"
            onClick={() => csv(s.advocateId)}
            aria-label={t('payouts.csvOne', { id: s.advocateId })}
          >
            {t('payouts.csv')}
          </button>
        </div>
      ),
    },
  ];
  const entryColumns: Column<Entry>[] = [
    { header: t('tasks.ref'), cell: (e) => e.externalRef, csv: (e) => e.externalRef },
    { header: t('payouts.kind'), cell: (e) => e.kind, csv: (e) => e.kind },
    { header: t('tasks.status'), cell: (e) => t(`payouts.${e.status}`), csv: (e) => e.status },
    {
      header: t('payouts.occurred'),
      cell: (e) => f.dateTime(e.occurredAt),
      csv: (e) => new Date(e.occurredAt).toISOString(),
    },
    {
      header: t('payouts.amount'),
      cell: (e) => f.money(e.amountMinor, e.currency),
      csv: (e) => String(e.amountMinor),
      numeric: true,
    },
  ];
  const opened = statements.data?.statements.find((s) => s.advocateId === open);

  return (
    <section aria-labelledby="payouts-title">
      <h1 id="payouts-title">{t('nav.payouts')}</h1>
      <div className="toolbar">
        {editable && (
          <>
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              onClick={() => run('confirmed')}
            >
              {t('payouts.runConfirm')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={action.busy}
              onClick={() => run('paid')}
            >
              {t('payouts.runPay')}
            </button>
          </>
        )}
        <button type="button" disabled={action.busy} onClick={() => csv()}>
          {t('payouts.csvAll')}
        </button>
      </div>
      <ErrorNote error={statements.error ?? action.error} />
      <Done text={action.done} />
      {statements.data ? (
        <>
          <Table
            caption={t('payouts.caption')}
            columns={columns}
            rows={statements.data.statements}
            rowKey={(s) => s.advocateId}
          />
          {opened && (
            <Table
              caption={t('payouts.statementOf', { id: advocateName(opened.advocateId) })}
              columns={entryColumns}
              rows={opened.entries}
              rowKey={(e) => e.entryId}
              csvName={`entries-${opened.advocateId}`}
            />
          )}
        </>
      ) : (
        statements.loading && <Loading />
      )}
    </section>
  );
}
