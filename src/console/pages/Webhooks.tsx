import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import {
  WebhookCreateResponse,
  WebhookDeliveriesResponse,
  WebhookEndpointsResponse,
  WebhookEvent,
} from '../../shared/consoleProtocol';
import { change, getJson } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { canChange, useSession } from '../session';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

type Endpoint = z.infer<typeof WebhookEndpointsResponse>['endpoints'][number];
type Delivery = z.infer<typeof WebhookDeliveriesResponse>['deliveries'][number];

export function Webhooks() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const endpoints = useLoad(() => getJson('/v1/admin/webhooks', WebhookEndpointsResponse), []);
  const deliveries = useLoad(
    () => getJson('/v1/admin/webhooks/deliveries', WebhookDeliveriesResponse),
    [],
  );
  const action = useAction(endpoints.reload);
  const eventText = (e: string) => t(`webhooks.event.${e}` as MessageId);

  const columns: Column<Endpoint>[] = [
    { header: t('webhooks.url'), cell: (e) => <code>{e.url}</code>, csv: (e) => e.url },
    {
      header: t('webhooks.events'),
      cell: (e) => e.events.map(eventText).join(', '),
      csv: (e) => e.events.join(' '),
    },
    {
      header: t('webhooks.created'),
      cell: (e) => f.dateTime(e.createdAt),
      csv: (e) => new Date(e.createdAt).toISOString(),
    },
    {
      header: t('tasks.status'),
      cell: (e) => (e.disabled ? t('webhooks.disabled') : t('webhooks.enabled')),
      csv: (e) => (e.disabled ? 'disabled' : 'enabled'),
    },
    ...(editable
      ? [
          {
            header: t('common.actions'),
            cell: (e: Endpoint) =>
              !e.disabled && (
                <button
                  type="button"
                  className="danger"
                  disabled={action.busy}
                  aria-label={t('webhooks.disableOne', { url: e.url })}
                  onClick={() =>
                    action.run(
                      () => change('DELETE', `/v1/admin/webhooks/${e.id}`),
                      t('webhooks.disabledDone'),
                    )
                  }
                >
                  {t('webhooks.disable')}
                </button>
              ),
          },
        ]
      : []),
  ];
  const urlOf = (id: string) => endpoints.data?.endpoints.find((e) => e.id === id)?.url ?? id;
  const deliveryColumns: Column<Delivery>[] = [
    {
      header: t('webhooks.created'),
      cell: (d) => f.dateTime(d.createdAt),
      csv: (d) => new Date(d.createdAt).toISOString(),
    },
    {
      header: t('webhooks.url'),
      cell: (d) => <code>{urlOf(d.endpointId)}</code>,
      csv: (d) => urlOf(d.endpointId),
    },
    { header: t('webhooks.event'), cell: (d) => eventText(d.event), csv: (d) => d.event },
    {
      header: t('webhooks.attempts'),
      cell: (d) => f.number(d.attempts),
      csv: (d) => String(d.attempts),
      numeric: true,
    },
    {
      header: t('webhooks.result'),
      cell: (d) =>
        d.deliveredAt !== null
          ? t('webhooks.delivered', { at: f.dateTime(d.deliveredAt), status: d.lastStatus ?? '' })
          : d.nextAttemptAt !== null
            ? t('webhooks.retrying', {
                at: f.dateTime(d.nextAttemptAt),
                error: d.lastError ?? d.lastStatus ?? '',
              })
            : t('webhooks.gaveUp', { error: d.lastError ?? d.lastStatus ?? '' }),
      csv: (d) =>
        d.deliveredAt !== null ? 'delivered' : d.nextAttemptAt !== null ? 'retrying' : 'failed',
    },
  ];

  return (
    <section aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">{t('nav.webhooks')}</h1>
      {editable && <AddWebhook onAdded={endpoints.reload} />}
      <ErrorNote error={endpoints.error ?? action.error} />
      <Done text={action.done} />
      {endpoints.data ? (
        <Table
          caption={t('webhooks.caption')}
          columns={columns}
          rows={endpoints.data.endpoints}
          rowKey={(e) => e.id}
          csvName="webhooks"
        />
      ) : (
        endpoints.loading && <Loading />
      )}
      <ErrorNote error={deliveries.error} />
      {deliveries.data && (
        <Table
          caption={t('webhooks.deliveries')}
          columns={deliveryColumns}
          rows={deliveries.data.deliveries}
          rowKey={(d) => d.id}
          csvName="webhook-deliveries"
        />
      )}
    </section>
  );
}

function AddWebhook({ onAdded }: { onAdded: () => void }) {
  const t = useT();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>([...WebhookEvent.options]);
  const [secret, setSecret] = useState<string>();
  const action = useAction(onAdded);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const res = await change(
        'POST',
        '/v1/admin/webhooks',
        { url, events },
        WebhookCreateResponse,
      );
      setSecret(res.secret);
      setUrl('');
    });
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="add-webhook-title">
      <h2 id="add-webhook-title">{t('webhooks.add')}</h2>
      <label>
        {t('webhooks.url')}
        <input type="url" required value={url} onChange={(e) => setUrl(e.target.value)} dir="ltr" />
      </label>
      <fieldset>
        <legend>{t('webhooks.events')}</legend>
        {WebhookEvent.options.map((ev) => (
          <label key={ev} className="inline">
            <input
              type="checkbox"
              checked={events.includes(ev)}
              onChange={(e) =>
                setEvents(e.target.checked ? [...events, ev] : events.filter((x) => x !== ev))
              }
            />
            {t(`webhooks.event.${ev}` as MessageId)}
          </label>
        ))}
      </fieldset>
      <ErrorNote error={action.error} />
      <button type="submit" className="primary" disabled={action.busy || events.length === 0}>
        {t('webhooks.addSubmit')}
      </button>
      {secret && (
        <p role="status">
          {t('webhooks.secret')} <span className="secret">{secret}</span>
        </p>
      )}
    </form>
  );
}
