import { type FormEvent, useState } from 'react';
import {
  AccountInviteResponse,
  AccountsResponse,
  AdminRole,
  type AdminAccountView,
} from '../../shared/consoleProtocol';
import { change, getJson } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import type { MessageId } from '../i18n/locales';
import { useSession } from '../session';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

/** The brand's console accounts (owners only): invite, change a role, disable. */
export function Accounts() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const accounts = useLoad(() => getJson('/v1/admin/accounts', AccountsResponse), []);
  const action = useAction(accounts.reload);
  const roleText = (r: string) => t(`role.${r}` as MessageId);
  const patch = (a: AdminAccountView, body: object) =>
    action.run(
      () => change('PATCH', `/v1/admin/accounts/${a.id}`, body),
      t('accounts.changed', { email: a.email }),
    );
  const columns: Column<AdminAccountView>[] = [
    { header: t('advocates.email'), cell: (a) => a.email, csv: (a) => a.email },
    { header: t('advocates.name'), cell: (a) => a.name, csv: (a) => a.name },
    {
      header: t('accounts.role'),
      cell: (a) =>
        a.id === session.account.id ? (
          roleText(a.role)
        ) : (
          <select
            aria-label={t('accounts.roleOf', { email: a.email })}
            value={a.role}
            disabled={action.busy}
            onChange={(e) => patch(a, { role: e.target.value })}
          >
            {AdminRole.options.map((r) => (
              <option key={r} value={r}>
                {roleText(r)}
              </option>
            ))}
          </select>
        ),
      csv: (a) => a.role,
    },
    {
      header: t('tasks.status'),
      cell: (a) =>
        a.disabled
          ? t('accounts.disabled')
          : a.active
            ? t('accounts.active')
            : t('accounts.invited'),
      csv: (a) => (a.disabled ? 'disabled' : a.active ? 'active' : 'invited'),
    },
    {
      header: t('webhooks.created'),
      cell: (a) => f.date(a.createdAt),
      csv: (a) => new Date(a.createdAt).toISOString(),
    },
    {
      header: t('common.actions'),
      cell: (a) =>
        a.id !== session.account.id && (
          <button
            type="button"
            className={a.disabled ? undefined : 'danger'}
            disabled={action.busy}
            aria-label={t(a.disabled ? 'accounts.enableOne' : 'accounts.disableOne', {
              email: a.email,
            })}
            onClick={() => patch(a, { disabled: !a.disabled })}
          >
            {a.disabled ? t('accounts.enable') : t('accounts.disable')}
          </button>
        ),
    },
  ];
  return (
    <section aria-labelledby="accounts-title">
      <h1 id="accounts-title">{t('nav.accounts')}</h1>
      <InviteAccount onInvited={accounts.reload} />
      <ErrorNote error={accounts.error ?? action.error} />
      <Done text={action.done} />
      {accounts.data ? (
        <Table
          caption={t('accounts.caption')}
          columns={columns}
          rows={accounts.data.accounts}
          rowKey={(a) => a.id}
          csvName="accounts"
        />
      ) : (
        accounts.loading && <Loading />
      )}
    </section>
  );
}

function InviteAccount({ onInvited }: { onInvited: () => void }) {
  const t = useT();
  const f = useFormat();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<AdminRole>('admin');
  const [link, setLink] = useState<{ url: string; expiresAt: number }>();
  const action = useAction(onInvited);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const body = { email, role, ...(name.trim() ? { name: name.trim() } : {}) };
      const res = await change('POST', '/v1/admin/accounts', body, AccountInviteResponse);
      setLink({ url: res.inviteUrl, expiresAt: res.expiresAt });
      setEmail('');
      setName('');
    });
  };
  return (
    <form className="panel inline-form" onSubmit={submit} aria-labelledby="invite-account-title">
      <h2 id="invite-account-title">{t('accounts.invite')}</h2>
      <label>
        {t('advocates.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('advocates.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('accounts.role')}
        <select value={role} onChange={(e) => setRole(e.target.value as AdminRole)}>
          {AdminRole.options.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}` as MessageId)}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" className="primary" disabled={action.busy}>
        {t('accounts.inviteSubmit')}
      </button>
      <ErrorNote error={action.error} />
      {link && (
        <p role="status">
          {t('accounts.inviteLink', { expires: f.dateTime(link.expiresAt) })}{' '}
          <span className="secret">{link.url}</span>
        </p>
      )}
    </form>
  );
}
