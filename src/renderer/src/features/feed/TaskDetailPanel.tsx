import { X } from 'lucide-react';
import type { TaskDetail } from '../../../../shared/contract/feed';
import { FormattedMessage } from 'react-intl';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/useT';
import { useTaskLabels } from './format';

interface Props {
  task: TaskDetail;
  now: number;
  onClose: () => void;
  onClaim: () => void;
}

/** A task's conversation so far, to decide whether to take it. */
export function TaskDetailPanel({ task, now, onClose, onClaim }: Props) {
  const claimable = task.status === 'open' && !task.pendingClaim;
  const t = useT();
  const format = useFormat();
  const labels = useTaskLabels();
  const bonus = labels.ageingBonus(task, now);
  return (
    <aside className="task-detail" aria-label={t('feed.detail.label', { subject: task.subject })}>
      <header className="task-detail__header">
        <div>
          <p className="muted">
            {task.brandName} · {labels.channel(task.channel)} ·{' '}
            {t('feed.complexity', { level: task.complexity })} · {labels.due(task.slaDueAt, now)}
          </p>
          <h2 dir="auto">{task.subject}</h2>
          <p>
            <strong>{labels.payout(task.payoutMinor, task.currency)}</strong>{' '}
            <span className="muted">
              <FormattedMessage
                id="feed.detail.ifResolved"
                values={{ customer: <bdi>{task.customerName}</bdi> }}
              />
            </span>
          </p>
          {bonus && <p className="task-detail__bonus">{bonus.why}</p>}
        </div>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label={t('feed.detail.close')}
          title={t('feed.detail.close')}
        >
          <X aria-hidden="true" size={16} />
        </button>
      </header>
      <ol className="task-detail__messages" tabIndex={0} aria-label={t('feed.detail.conversation')}>
        {task.messages.map((m) => (
          <li key={m.id} className={`message${m.internal ? ' message--internal' : ''}`}>
            <p className="message__meta">
              <bdi>{m.authorName}</bdi> · {format.dateTime(m.createdAt)}
              {m.internal ? ` · ${t('feed.detail.internal')}` : ''}
            </p>
            <p className="message__body" dir="auto">
              {m.body}
            </p>
          </li>
        ))}
      </ol>
      <footer className="task-detail__footer">
        {task.pendingClaim ? (
          <span className="pill pill--pending">{t('feed.detail.pendingClaim')}</span>
        ) : claimable ? (
          <button type="button" className="button button--primary" onClick={onClaim}>
            {t('feed.detail.claim')}
          </button>
        ) : (
          <span className="muted">{t('feed.detail.status', { status: task.status })}</span>
        )}
      </footer>
    </aside>
  );
}
