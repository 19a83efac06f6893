import { useShownText, useT, type ShownText } from '../../i18n/useT';
import { useId, useState, type FormEvent } from 'react';
import { serverUrlProblem } from '../../../../shared/domain/serverUrl';
import { useSession } from './sessionStore';
import './first-run.css';

export function FirstRun() {
  const explore = useSession((s) => s.explore);
  const connect = useSession((s) => s.connect);
  const openDemo = useSession((s) => s.openDemo);
  const busy = useSession((s) => s.busy);
  const sessionError = useSession((s) => s.error);
  const urlId = useId();
  const codeId = useId();
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [problem, setProblem] = useState<ShownText | null>(null);
  const t = useT();
  const shown = useShownText();

  const issue = problem ?? sessionError;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const urlIssue = serverUrlProblem(url);
    const codeIssue: ShownText | null =
      code.trim().length < 6 ? { id: 'firstRun.codeProblem' } : null;
    setProblem(urlIssue ?? codeIssue);
    if (!urlIssue && !codeIssue) void connect(url.trim(), code.trim());
  };

  return (
    <div className="first-run">
      <header className="first-run__intro">
        <span className="logo logo--large" aria-hidden="true">
          G
        </span>
        <h1>{t('firstRun.welcome')}</h1>
        <p>{t('firstRun.intro')}</p>
      </header>
      <div className="first-run__choices">
        <form className="card" onSubmit={submit} aria-labelledby="connect-title" noValidate>
          <h2 id="connect-title">{t('firstRun.connectTitle')}</h2>
          <p className="muted">{t('firstRun.connectHelp')}</p>
          <label htmlFor={urlId}>{t('firstRun.address')}</label>
          <input
            id={urlId}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder={t('firstRun.addressExample')}
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={problem !== null && serverUrlProblem(url) !== null}
          />
          <label htmlFor={codeId}>{t('firstRun.code')}</label>
          <input
            id={codeId}
            autoComplete="one-time-code"
            spellCheck={false}
            placeholder={t('feed.filters.minPayoutExample', { example: '7KQ2-M9XD-4TPA' })}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {issue ? (
            <p className="form-error" role="alert">
              {shown(issue)}
            </p>
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t('sync.connecting') : t('firstRun.connect')}
          </button>
        </form>
        <section className="card card--demo" aria-labelledby="demo-title">
          <h2 id="demo-title">{t('firstRun.demo')}</h2>
          <p className="muted">{t('firstRun.demoHelp')}</p>
          <button type="button" className="button" onClick={() => void openDemo()} disabled={busy}>
            {t('firstRun.demo')}
          </button>
        </section>
      </div>
      <button type="button" className="link-button" onClick={explore}>
        {t('firstRun.explore')}
      </button>
    </div>
  );
}
