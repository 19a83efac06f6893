import { type FormEvent, useState } from 'react';
import { PayoutRulesDiff, PayoutRuleVersionsResponse } from '../../shared/consoleProtocol';
import { PayoutRulesResponse } from '../../shared/protocol';
import { change, getJson, withQuery } from '../api';
import { useFormat, useT } from '../i18n/I18n';
import { canChange, useSession } from '../session';
import { Done, ErrorNote, Loading } from '../ui/Status';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

const show = (v: unknown) => (v === undefined ? '—' : JSON.stringify(v));

/** The brand's payout rules: the current version, every earlier one, and what changed between. */
export function PayoutRules() {
  const t = useT();
  const f = useFormat();
  const session = useSession();
  const current = useLoad(() => getJson('/v1/admin/payout-rules', PayoutRulesResponse), []);
  const versions = useLoad(
    () => getJson('/v1/admin/payout-rules/versions', PayoutRuleVersionsResponse),
    [],
  );
  const [from, setFrom] = useState<number>();
  const [to, setTo] = useState<number>();
  const list = [...(versions.data?.versions ?? [])].sort((x, y) => x.version - y.version);
  const a = from ?? list.at(-2)?.version;
  const b = to ?? list.at(-1)?.version;
  const diff = useLoad(
    async () =>
      a && b && a !== b
        ? getJson(withQuery('/v1/admin/payout-rules/diff', { from: a, to: b }), PayoutRulesDiff)
        : undefined,
    [a, b],
  );
  const reload = () => {
    current.reload();
    versions.reload();
  };

  const versionPicker = (label: string, value: number | undefined, set: (n: number) => void) => (
    <label className="inline">
      {label}{' '}
      <select value={value ?? ''} onChange={(e) => set(Number(e.target.value))}>
        {list.map((v) => (
          <option key={v.version} value={v.version}>
            {t('rules.versionOption', { version: v.version, at: f.dateTime(v.effectiveAt) })}
          </option>
        ))}
      </select>
    </label>
  );

  return (
    <section aria-labelledby="rules-title">
      <h1 id="rules-title">{t('nav.rules')}</h1>
      <ErrorNote error={current.error ?? versions.error} />
      {current.data ? (
        <p>
          {current.data.version === 0
            ? t('rules.none')
            : t('rules.current', {
                version: current.data.version,
                at: f.dateTime(current.data.effectiveAt ?? 0),
              })}
        </p>
      ) : (
        current.loading && <Loading />
      )}
      <h2>{t('rules.diffTitle')}</h2>
      {list.length < 2 ? (
        <p className="muted">{t('rules.oneVersion')}</p>
      ) : (
        <div className="toolbar">
          {versionPicker(t('rules.from'), a, setFrom)}
          {versionPicker(t('rules.to'), b, setTo)}
        </div>
      )}
      <ErrorNote error={diff.error} />
      {diff.data && (
        <table>
          <caption>{t('rules.diffCaption', { from: diff.data.from, to: diff.data.to })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rules.path')}</th>
              <th scope="col">{t('rules.before')}</th>
              <th scope="col">{t('rules.after')}</th>
            </tr>
          </thead>
          <tbody>
            {diff.data.changes.length === 0 ? (
              <tr>
                <td colSpan={3}>{t('rules.same')}</td>
              </tr>
            ) : (
              diff.data.changes.map((c) => (
                <tr key={c.path}>
                  <td>
                    <code>{c.path}</code>
                  </td>
                  <td>
                    <code>{show(c.before)}</code>
                  </td>
                  <td>
                    <code>{show(c.after)}</code>
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      )}
      {canChange(session) && current.data && (
        <EditRules rules={current.data.rules} onSaved={reload} />
      )}
    </section>
  );
}

/** Identical rules make no new version: the server answers the current one. */
function EditRules({ rules, onSaved }: { rules: unknown; onSaved: () => void }) {
  const t = useT();
  const [text, setText] = useState(() => JSON.stringify(rules ?? {}, null, 2));
  const action = useAction(onSaved);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void action.run(
      async () =>
        change('PUT', '/v1/admin/payout-rules', JSON.parse(text) as unknown, PayoutRulesResponse),
      (r) => t('rules.saved', { version: r.version }),
    );
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="edit-rules-title">
      <h2 id="edit-rules-title">{t('rules.edit')}</h2>
      <label>
        {t('rules.json')}
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={14}
          spellCheck={false}
          dir="ltr"
        />
      </label>
      <ErrorNote error={action.error} />
      <Done text={action.done} />
      <button type="submit" className="primary" disabled={action.busy}>
        {t('rules.save')}
      </button>
    </form>
  );
}
