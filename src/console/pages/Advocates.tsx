import { type FormEvent, useState } from 'react';
import { z } from 'zod';
import { AdvocateFigures } from '../../shared/consoleProtocol';
import {
  type AdminAdvocate,
  AdminAdvocate as AdvocateSchema,
  InviteResponse,
  Tier,
} from '../../shared/protocol';
import { change, getJson } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { canChange, useSession } from '../session';
import { type Column, Table } from '../ui/Table';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { listOf, SkillsEditor } from './SkillsEditor';

const AdvocatesResponse = z.object({ advocates: z.array(AdvocateSchema) });
/** Every trust tier the protocol knows. */
const TIERS = Array.from({ length: (Tier.maxValue ?? 0) + 1 }, (_, n) => n);

export function Advocates() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const editable = canChange(session);
  const advocates = useLoad(() => getJson('/v1/admin/advocates', AdvocatesResponse), []);
  const action = useAction(advocates.reload);
  const [figures, setFigures] = useState<z.infer<typeof AdvocateFigures>>();
  const [editing, setEditing] = useState<string>();
  const patch = (a: AdminAdvocate, body: object, text: string) =>
    action.run(() => change('PATCH', `/v1/admin/advocates/${a.id}`, body), text);
  const saveSkills = (a: AdminAdvocate, body: object) =>
    action.run(
      async () => {
        await change('PATCH', `/v1/admin/advocates/${a.id}`, body);
        setEditing(undefined);
      },
      t('advocates.skillsSet', { name: a.name }),
    );
  const showFigures = (a: AdminAdvocate) =>
    action.run(async () =>
      setFigures(await getJson(`/v1/admin/advocates/${a.id}/figures`, AdvocateFigures)),
    );
  const nameOf = (id: string) => advocates.data?.advocates.find((a) => a.id === id)?.name ?? id;

  const columns: Column<AdminAdvocate>[] = [
    { header: t('advocates.name'), cell: (a) => a.name, csv: (a) => a.name },
    { header: t('advocates.handle'), cell: (a) => a.handle, csv: (a) => a.handle },
    { header: t('advocates.email'), cell: (a) => a.email, csv: (a) => a.email },
    {
      header: t('advocates.tier'),
      cell: (a) =>
        editable ? (
          <select
            aria-label={t('advocates.tierOf', { name: a.name })}
            value={a.tier}
            disabled={action.busy}
            onChange={(e) =>
              patch(a, { tier: Number(e.target.value) }, t('advocates.tierSet', { name: a.name }))
            }
          >
            {TIERS.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        ) : (
          a.tier
        ),
      csv: (a) => String(a.tier),
    },
    {
      header: t('advocates.skills'),
      cell: (a) =>
        editing === a.id ? (
          <SkillsEditor
            advocate={a}
            busy={action.busy}
            onSave={(body) => void saveSkills(a, body)}
            onCancel={() => setEditing(undefined)}
          />
        ) : (
          a.skills.join(', ')
        ),
      csv: (a) => a.skills.join(' '),
    },
    {
      header: t('advocates.languages'),
      cell: (a) => (editing === a.id ? '' : a.languages.join(', ')),
      csv: (a) => a.languages.join(' '),
    },
    {
      header: t('advocates.status'),
      cell: (a) => (a.suspended ? t('advocates.suspended') : t('advocates.active')),
      csv: (a) => (a.suspended ? 'suspended' : 'active'),
    },
    {
      header: t('advocates.joined'),
      cell: (a) => f.date(a.joinedAt),
      csv: (a) => new Date(a.joinedAt).toISOString(),
    },
    {
      header: t('common.actions'),
      cell: (a) => (
        <div className="actions">
          <button
            type="button"
            onClick={() => showFigures(a)}
            aria-label={t('advocates.figuresOf', { name: a.name })}
          >
            {t('advocates.figures')}
          </button>
          {editable && (
            <button
              type="button"
              disabled={editing === a.id}
              onClick={() => setEditing(a.id)}
              aria-label={t('advocates.editSkillsOf', { name: a.name })}
            >
              {t('advocates.editSkills')}
            </button>
          )}
          {editable && (
            <button
              type="button"
              className={a.suspended ? undefined : 'danger'}
              disabled={action.busy}
              onClick={() =>
                patch(
                  a,
                  { suspended: !a.suspended },
                  t(a.suspended ? 'advocates.reinstated' : 'advocates.suspendedDone', {
                    name: a.name,
                  }),
                )
              }
            >
              {a.suspended ? t('advocates.reinstate') : t('advocates.suspend')}
            </button>
          )}
        </div>
      ),
    },
  ];

  return (
    <section aria-labelledby="advocates-title">
      <h1 id="advocates-title">{t('nav.advocates')}</h1>
      {editable && <InviteAdvocate onInvited={advocates.reload} />}
      <ErrorNote error={advocates.error ?? action.error} />
      <Done text={action.done} />
      {figures && (
        <div className="panel" aria-live="polite">
          <h2>{t('advocates.figuresTitle', { name: nameOf(figures.advocateId) })}</h2>
          <p>
            {t('advocates.figuresLine', {
              resolved: figures.resolved,
              escalated: figures.escalated,
              transferred: figures.transferred,
              ratings: figures.ratings,
              csat: figures.csatMean === null ? '—' : f.number(figures.csatMean, 2),
              earned: f.money(figures.earnedMinor, figures.currency),
            })}
          </p>
        </div>
      )}
      {advocates.data ? (
        <Table
          caption={t('advocates.caption')}
          columns={columns}
          rows={advocates.data.advocates}
          rowKey={(a) => a.id}
          csvName="advocates"
        />
      ) : (
        advocates.loading && <Loading />
      )}
    </section>
  );
}

function InviteAdvocate({ onInvited }: { onInvited: () => void }) {
  const t = useT();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [tier, setTier] = useState(0);
  const [skills, setSkills] = useState('');
  const [code, setCode] = useState<string>();
  const action = useAction(onInvited);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(async () => {
      const body = {
        email,
        tier,
        skills: listOf(skills),
        ...(name.trim() ? { name: name.trim() } : {}),
      };
      const res = InviteResponse.parse(await change('POST', '/v1/admin/advocates', body));
      setCode(res.inviteCode);
      setEmail('');
      setName('');
    });
  };
  return (
    <form className="panel inline-form" onSubmit={submit} aria-labelledby="invite-advocate-title">
      <h2 id="invite-advocate-title">{t('advocates.invite')}</h2>
      <label>
        {t('advocates.email')}
        <input type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
      </label>
      <label>
        {t('advocates.name')}
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label>
        {t('advocates.tier')}
        <select value={tier} onChange={(e) => setTier(Number(e.target.value))}>
          {TIERS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('advocates.skillsInput')}
        <input value={skills} onChange={(e) => setSkills(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={action.busy}>
        {t('advocates.inviteSubmit')}
      </button>
      <ErrorNote error={action.error} />
      {code && (
        <p role="status">
          {t('advocates.inviteCode')} <span className="secret">{code}</span>
        </p>
      )}
    </form>
  );
}
