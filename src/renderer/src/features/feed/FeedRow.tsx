import type { FeedTask } from '../../../../shared/contract/feed';
import { channelLabel, dueLabel, payoutLabel } from './format';

interface Props {
  task: FeedTask;
  selected: boolean;
  now: number;
  onOpen: () => void;
  onClaim: () => void;
}

export function FeedRow({ task, selected, now, onOpen, onClaim }: Props) {
  const overdue = task.slaDueAt !== null && task.slaDueAt < now;
  return (
    <div
      className={`feed-row${selected ? ' feed-row--selected' : ''}`}
      role="option"
      aria-selected={selected}
      aria-label={task.subject}
      data-task-id={task.id}
      onClick={onOpen}
    >
      <div className="feed-row__main">
        <div className="feed-row__top">
          <span className="feed-row__brand">{task.brandName}</span>
          <span className="tag">{channelLabel[task.channel] ?? task.channel}</span>
          <span className="tag" title="Complexity 1 (simple) to 5 (hard)">
            Complexity {task.complexity}
          </span>
          {task.skills.map((skill) => (
            <span key={skill} className="tag tag--skill">
              {skill}
            </span>
          ))}
        </div>
        <div className="feed-row__subject">{task.subject}</div>
      </div>
      <div className="feed-row__side">
        <span className="feed-row__payout" title="Estimated payout if you resolve it">
          {payoutLabel(task.payoutMinor, task.currency)}
        </span>
        <span className={`feed-row__due${overdue ? ' feed-row__due--late' : ''}`}>
          {dueLabel(task.slaDueAt, now)}
        </span>
      </div>
      {task.pendingClaim ? (
        <span className="pill pill--pending" title="Waiting for the server to confirm your claim">
          Pending claim
        </span>
      ) : (
        <button
          type="button"
          className="button button--small"
          tabIndex={-1}
          onClick={(e) => {
            e.stopPropagation();
            onClaim();
          }}
        >
          Claim
        </button>
      )}
    </div>
  );
}
