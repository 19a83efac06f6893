import { type FormEvent, useState } from 'react';
import {
  EscalationOutcome,
  EscalationQueueResponse,
  EscalationState,
  type QueuedEscalation,
} from '../../shared/consoleProtocol';
import { change, getJson, withQuery } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { canChange, useSession } from '../session';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

export function Escalations() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const [state, setState] = useState('new');
  const [closing, setClosing] = useState<QueuedEscalation>();
  const queue = useLoad(
    () => getJson(withQuery('/v1/admin/escalation-queue', { state }), EscalationQueueResponse),
    [state],
  );
  const action = useAction(queue.reload);
  const acknowledge = (e: QueuedEscalation) =>
    action.run(
      () => change('POST', `/v1/admin/escalations/${e.taskId}/acknowledge`, {}),
      t('escalations.acknowledged', { ref: e.externalRef }),
    );

  const columns: Column<QueuedEscalation>[] = [
    { header: t('tasks.ref'), cell: (e) => e.externalRef, csv: (e) => e.externalRef },
    {
      header: t('tasks.subject'),
      cell: (e) => <span dir="auto">{e.subject}</span>,
      csv: (e) => e.subject,
    },
    {
      header: t('escalations.customer'),
      cell: (e) => <span dir="auto">{e.customerName}</span>,
      csv: (e) => e.customerName,
    },
    {
      header: t('escalations.note'),
      cell: (e) => <span dir="auto">{e.handoffNote}</span>,
      csv: (e) => e.handoffNote,
    },
    {
      header: t('escalations.target'),
      cell: (e) => t(`escalations.target.${e.target}` as MessageId),
      csv: (e) => e.target,
    },
    {
      header: t('escalations.at'),
      cell: (e) => f.dateTime(e.escalatedAt),
      csv: (e) => new Date(e.escalatedAt).toISOString(),
    },
    {
      header: t('escalations.state'),
      cell: (e) =>
        t(`escalations.state.${e.state}` as MessageId) +
        (e.outcome ? ` · ${t(`escalations.outcome.${e.outcome}` as MessageId)}` : ''),
      csv: (e) => (e.outcome ? `${e.state}:${e.outcome}` : e.state),
    },
    ...(editable
      ? [
          {
            header: t('common.actions'),
            cell: (e: QueuedEscalation) =>
              e.state !== 'closed' && (
                <div className="actions">
                  {e.state === 'new' && (
                    <button
                      type="button"
                      disabled={action.busy}
                      aria-label={t('escalations.acknowledgeOne', { ref: e.externalRef })}
                      onClick={() => acknowledge(e)}
                    >
                      {t('escalations.acknowledge')}
                    </button>
                  )}
                  <button
                    type="button"
                    disabled={action.busy}
                    aria-label={t('escalations.closeOne', { ref: e.externalRef })}
                    onClick={() => setClosing(e)}
                  >
                    {t('escalations.close')}
                  </button>
                </div>
              ),
          },
        ]
      : []),
  ];

  return (
    <section aria-labelledby="escalations-title">
      <h1 id="escalations-title">{t('nav.escalations')}</h1>
      <div className="toolbar">
        <label className="inline">
          {t('escalations.state')}{' '}
          <select value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('common.all')}</option>
            {EscalationState.options.map((s) => (
              <option key={s} value={s}>
                {t(`escalations.state.${s}` as MessageId)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ErrorNote error={queue.error ?? action.error} />
      <Done text={action.done} />
      {closing && (
        <CloseEscalation
          escalation={closing}
          onDone={(text) => {
            setClosing(undefined);
            void action.run(async () => undefined, text);
          }}
          onCancel={() => setClosing(undefined)}
        />
      )}
      {queue.data ? (
        <Table
          caption={t('escalations.caption')}
          columns={columns}
          rows={queue.data.escalations}
          rowKey={(e) => e.taskId}
          csvName="escalations"
        />
      ) : (
        queue.loading && <Loading />
      )}
    </section>
  );
}

/** The outcome goes back to the advocate who escalated (the server syncs it to their app). */
function CloseEscalation({
  escalation,
  onDone,
  onCancel,
}: {
  escalation: QueuedEscalation;
  onDone: (text: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [outcome, setOutcome] = useState<EscalationOutcome>('resolved');
  const [note, setNote] = useState('');
  const action = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      await change('POST', `/v1/admin/escalations/${escalation.taskId}/close`, {
        outcome,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      onDone(t('escalations.closed', { ref: escalation.externalRef }));
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="close-escalation-title">
      <h2 id="close-escalation-title">
        {t('escalations.closeTitle', { ref: escalation.externalRef })}
      </h2>
      <label>
        {t('escalations.outcome')}
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as EscalationOutcome)}>
          {EscalationOutcome.options.map((o) => (
            <option key={o} value={o}>
              {t(`escalations.outcome.${o}` as MessageId)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('escalations.closeNote')}
        <textarea value={note} onChange={(e) => setNote(e.target.value)} rows={3} />
      </label>
      <ErrorNote error={action.error} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={action.busy}>
          {t('escalations.closeSubmit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
