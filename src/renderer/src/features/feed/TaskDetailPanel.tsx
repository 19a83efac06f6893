import type { TaskDetail } from '../../../../shared/contract/feed';
import { channelLabel, dueLabel, payoutLabel } from './format';

interface Props {
  task: TaskDetail;
  now: number;
  onClose: () => void;
  onClaim: () => void;
}

/** A task's conversation so far, to decide whether to take it. */
export function TaskDetailPanel({ task, now, onClose, onClaim }: Props) {
  const claimable = task.status === 'open' && !task.pendingClaim;
  return (
    <aside className="task-detail" aria-label={`Task: ${task.subject}`}>
      <header className="task-detail__header">
        <div>
          <p className="muted">
            {task.brandName} · {channelLabel[task.channel] ?? task.channel} · Complexity{' '}
            {task.complexity} · {dueLabel(task.slaDueAt, now)}
          </p>
          <h2>{task.subject}</h2>
          <p>
            <strong>{payoutLabel(task.payoutMinor, task.currency)}</strong>{' '}
            <span className="muted">if resolved · customer {task.customerName}</span>
          </p>
        </div>
        <button
          type="button"
          className="button button--ghost"
          onClick={onClose}
          aria-label="Close task"
        >
          ×
        </button>
      </header>
      <ol className="task-detail__messages" tabIndex={0} aria-label="Conversation so far">
        {task.messages.map((m) => (
          <li key={m.id} className={`message${m.internal ? ' message--internal' : ''}`}>
            <p className="message__meta">
              {m.authorName} · {new Date(m.createdAt).toLocaleString()}
              {m.internal ? ' · internal' : ''}
            </p>
            <p className="message__body">{m.body}</p>
          </li>
        ))}
      </ol>
      <footer className="task-detail__footer">
        {task.pendingClaim ? (
          <span className="pill pill--pending">Pending claim: waiting for the server</span>
        ) : claimable ? (
          <button type="button" className="button button--primary" onClick={onClaim}>
            Claim this task (c)
          </button>
        ) : (
          <span className="muted">This task is {task.status}.</span>
        )}
      </footer>
    </aside>
  );
}
