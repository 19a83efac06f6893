import { useState } from 'react';
import { type AdminTask, AdminTaskStatus, TaskListResponse } from '../../shared/consoleProtocol';
import type { UpsertResponse } from '../../shared/protocol';
import { change, getJson, withQuery } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { canChange, useSession } from '../session';
import { FileImport } from '../ui/FileImport';
import { jsonOrNdjson } from '../ui/jsonLines';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

const PAGE = 50;
const CHANNELS = ['email', 'chat', 'social'];
/** The brand may end a task while it is still in the crowd's hands. */
const endable = (s: AdminTask['status']) => s === 'open' || s === 'claimed';

export function Tasks() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [channel, setChannel] = useState('');
  const [skill, setSkill] = useState('');
  const [offset, setOffset] = useState(0);
  const tasks = useLoad(
    () =>
      getJson(
        withQuery('/v1/admin/tasks', { status, q: query, channel, skill, limit: PAGE, offset }),
        TaskListResponse,
      ),
    [status, query, channel, skill, offset],
  );
  const action = useAction(tasks.reload);
  const end = (task: AdminTask, verb: 'withdraw' | 'close') =>
    action.run(
      () => change('POST', `/v1/admin/tasks/${task.id}/${verb}`, {}),
      t(verb === 'withdraw' ? 'tasks.withdrawn' : 'tasks.closed', { ref: task.externalRef }),
    );
  const statusText = (s: string) => t(`taskStatus.${s}` as MessageId);

  const columns: Column<AdminTask>[] = [
    { header: t('tasks.ref'), cell: (x) => x.externalRef, csv: (x) => x.externalRef },
    {
      header: t('tasks.subject'),
      cell: (x) => <span dir="auto">{x.subject}</span>,
      csv: (x) => x.subject,
    },
    { header: t('tasks.status'), cell: (x) => statusText(x.status), csv: (x) => x.status },
    { header: t('groupBy.channel'), cell: (x) => x.channel, csv: (x) => x.channel },
    {
      header: t('advocates.skills'),
      cell: (x) => x.skills.join(', '),
      csv: (x) => x.skills.join(' '),
    },
    {
      header: t('groupBy.complexity'),
      cell: (x) => x.complexity,
      csv: (x) => String(x.complexity),
      numeric: true,
    },
    {
      header: t('tasks.slaDue'),
      cell: (x) => (x.slaDueAt === null ? '—' : f.dateTime(x.slaDueAt)),
      csv: (x) => (x.slaDueAt === null ? '' : new Date(x.slaDueAt).toISOString()),
    },
    {
      header: t('tasks.updated'),
      cell: (x) => f.dateTime(x.updatedAt),
      csv: (x) => new Date(x.updatedAt).toISOString(),
    },
    ...(editable
      ? [
          {
            header: t('common.actions'),
            cell: (x: AdminTask) =>
              endable(x.status) && (
                <div className="actions">
                  <button
                    type="button"
                    disabled={action.busy}
                    aria-label={t('tasks.withdrawOne', { ref: x.externalRef })}
                    onClick={() => end(x, 'withdraw')}
                  >
                    {t('tasks.withdraw')}
                  </button>
                  <button
                    type="button"
                    className="danger"
                    disabled={action.busy}
                    aria-label={t('tasks.closeOne', { ref: x.externalRef })}
                    onClick={() => end(x, 'close')}
                  >
                    {t('tasks.close')}
                  </button>
                </div>
              ),
          },
        ]
      : []),
  ];
  const total = tasks.data?.total ?? 0;

  return (
    <section aria-labelledby="tasks-title">
      <h1 id="tasks-title">{t('nav.tasks')}</h1>
      {editable && (
        <FileImport<UpsertResponse>
          label={t('tasks.pushFile')}
          accept=".json,.ndjson,application/json"
          path="/v1/admin/tasks"
          parse={jsonOrNdjson}
          summary={(r) =>
            t('tasks.pushed', { created: r.created, updated: r.updated, unchanged: r.unchanged })
          }
          onDone={tasks.reload}
        />
      )}
      <form
        className="toolbar"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setQuery(q.trim());
        }}
      >
        <label className="inline">
          {t('tasks.search')}{' '}
          <input type="search" value={q} onChange={(e) => setQ(e.target.value)} />
        </label>
        <button type="submit">{t('tasks.searchSubmit')}</button>
        <label className="inline">
          {t('tasks.status')}{' '}
          <select
            value={status}
            onChange={(e) => {
              setOffset(0);
              setStatus(e.target.value);
            }}
          >
            <option value="">{t('common.all')}</option>
            {AdminTaskStatus.options.map((s) => (
              <option key={s} value={s}>
                {statusText(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('groupBy.channel')}{' '}
          <select value={channel} onChange={(e) => setChannel(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
        <label className="inline">
          {t('groupBy.skill')}{' '}
          <input value={skill} onChange={(e) => setSkill(e.target.value.trim())} size={10} />
        </label>
      </form>
      <ErrorNote error={tasks.error ?? action.error} />
      <Done text={action.done} />
      {tasks.data ? (
        <>
          <Table
            caption={t('tasks.caption', {
              total,
              from: total ? offset + 1 : 0,
              to: offset + tasks.data.tasks.length,
            })}
            columns={columns}
            rows={tasks.data.tasks}
            rowKey={(x) => x.id}
            csvName="tasks"
          />
          <div className="toolbar">
            <button
              type="button"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE))}
            >
              {t('common.previous')}
            </button>
            <button
              type="button"
              disabled={offset + PAGE >= total}
              onClick={() => setOffset(offset + PAGE)}
            >
              {t('common.next')}
            </button>
          </div>
        </>
      ) : (
        tasks.loading && <Loading />
      )}
    </section>
  );
}
