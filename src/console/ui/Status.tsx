import { ApiError } from '../api';
import { useT } from '../i18n/I18n';

/** A refused request: the server's message and each bad field, announced to screen readers. */
export function ErrorNote({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const message = error instanceof Error ? error.message : String(error);
  const issues = error instanceof ApiError ? error.issues : [];
  return (
    <div role="alert" className="error">
      <strong>{t('common.failed')}</strong> {issues.length === 0 && message}
      {issues.length > 0 && (
        <ul>
          {issues.map((i, n) => (
            <li key={n}>
              {i.index !== undefined && `${t('common.item', { n: i.index + 1 })} · `}
              <code>{i.path}</code>: {i.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  const t = useT();
  return (
    <p role="status" className="muted">
      {t('common.loading')}
    </p>
  );
}

/** A short confirmation after a change, read out by screen readers. */
export function Done({ text }: { text: string | undefined }) {
  return (
    <p role="status" className="done">
      {text ?? ''}
    </p>
  );
}
