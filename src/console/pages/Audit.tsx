import { AuditResponse, type AuditEntry } from '../../shared/consoleProtocol';
import { getJson } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { type Column, Table } from '../ui/Table';
import { ErrorNote, Loading } from '../ui/Status';
import { useLoad } from '../ui/useLoad';

/** Every change made under the brand, newest first: who, what, and how it answered. */
export function Audit() {
  const t = useT();
  const f = useFormat();
  const audit = useLoad(() => getJson('/v1/admin/audit?limit=500', AuditResponse), []);
  const columns: Column<AuditEntry>[] = [
    {
      header: t('audit.at'),
      cell: (e) => f.dateTime(e.at),
      csv: (e) => new Date(e.at).toISOString(),
    },
    {
      header: t('audit.actor'),
      cell: (e) => `${e.actorLabel} (${e.actorKind})`,
      csv: (e) => e.actorLabel,
    },
    { header: t('audit.action'), cell: (e) => <code>{e.action}</code>, csv: (e) => e.action },
    {
      header: t('audit.status'),
      cell: (e) => e.status,
      csv: (e) => String(e.status),
      numeric: true,
    },
    {
      header: t('audit.detail'),
      cell: (e) => <code dir="ltr">{JSON.stringify(e.detail)}</code>,
      csv: (e) => JSON.stringify(e.detail),
    },
  ];
  const entries = [...(audit.data?.entries ?? [])].sort((a, b) => b.at - a.at);
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">{t('nav.audit')}</h1>
      <ErrorNote error={audit.error} />
      {audit.data ? (
        <Table
          caption={t('audit.caption')}
          columns={columns}
          rows={entries}
          rowKey={(e) => e.id}
          csvName="audit"
        />
      ) : (
        audit.loading && <Loading />
      )}
    </section>
  );
}
