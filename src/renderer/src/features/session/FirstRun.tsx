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
  const [problem, setProblem] = useState<string | null>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const urlIssue = serverUrlProblem(url);
    const codeIssue =
      code.trim().length < 6 ? 'Enter the invite code from your brand’s email.' : null;
    setProblem(urlIssue ?? codeIssue);
    if (!urlIssue && !codeIssue) void connect(url.trim(), code.trim());
  };

  return (
    <div className="first-run">
      <header className="first-run__intro">
        <span className="logo logo--large" aria-hidden="true">
          G
        </span>
        <h1>Welcome to Gigdesk</h1>
        <p>
          Answer support tickets for the brands you love, in your own hours, and see exactly what
          every case earns you.
        </p>
      </header>
      <div className="first-run__choices">
        <form className="card" onSubmit={submit} aria-labelledby="connect-title" noValidate>
          <h2 id="connect-title">Connect to a brand server</h2>
          <p className="muted">
            Use the address and invite code from your brand’s invitation email.
          </p>
          <label htmlFor={urlId}>Server address</label>
          <input
            id={urlId}
            type="url"
            inputMode="url"
            autoComplete="url"
            placeholder="https://feed.yourbrand.com"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            aria-invalid={problem !== null && serverUrlProblem(url) !== null}
          />
          <label htmlFor={codeId}>Invite code</label>
          <input
            id={codeId}
            autoComplete="one-time-code"
            spellCheck={false}
            placeholder="e.g. 7KQ2-M9XD-4TPA"
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
          {problem || sessionError ? (
            <p className="form-error" role="alert">
              {problem ?? sessionError}
            </p>
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? 'Connecting…' : 'Connect'}
          </button>
        </form>
        <section className="card card--demo" aria-labelledby="demo-title">
          <h2 id="demo-title">Open the demo workspace</h2>
          <p className="muted">
            Try Gigdesk with a sample brand: a feed of realistic tasks, a help center and payout
            rules. Nothing you do there reaches a real customer.
          </p>
          <button type="button" className="button" onClick={() => void openDemo()} disabled={busy}>
            Open the demo workspace
          </button>
        </section>
      </div>
      <button type="button" className="link-button" onClick={explore}>
        Look around first
      </button>
    </div>
  );
}
