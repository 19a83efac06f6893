import type { FeedTask } from '../../../../shared/contract/feed';
import { useT } from '../../i18n/useT';
import { useTaskLabels } from './format';

interface Props {
  task: FeedTask;
  selected: boolean;
  now: number;
  /** Position in the whole feed (1-based) and its length: the list is virtualized. */
  position: number;
  total: number;
  onOpen: () => void;
  onClaim: () => void;
}

/**
 * One task of the feed: a button that opens it (its name is everything the row shows) and the
 * Claim button beside it, never inside it.
 */
export function FeedRow({ task, selected, now, position, total, onOpen, onClaim }: Props) {
  const overdue = task.slaDueAt !== null && task.slaDueAt < now;
  const t = useT();
  const labels = useTaskLabels();
  const bonus = labels.ageingBonus(task, now);
  return (
    <div
      className={`feed-row${selected ? ' feed-row--selected' : ''}`}
      role="listitem"
      aria-current={selected ? 'true' : undefined}
      aria-posinset={position}
      aria-setsize={total}
      data-task-id={task.id}
    >
      <button
        type="button"
        className="feed-row__open"
        tabIndex={selected ? 0 : -1}
        data-feed-row={position - 1}
        onClick={onOpen}
      >
        <span className="feed-row__main">
          <span className="feed-row__top">
            <span className="feed-row__brand">{task.brandName}</span>
            <span className="tag">{labels.channel(task.channel)}</span>
            <span className="tag" title={t('feed.complexityScale')}>
              {t('feed.complexity', { level: task.complexity })}
            </span>
            {task.skills.map((skill) => (
              <span key={skill} className="tag tag--skill">
                {skill}
              </span>
            ))}
          </span>
          <span className="feed-row__subject" dir="auto">
            {task.subject}
          </span>
        </span>
        <span className="feed-row__side">
          <span className="feed-row__payout" title={t('feed.row.payoutTitle')}>
            {labels.payout(task.payoutMinor, task.currency)}
          </span>
          {bonus && (
            <span className="feed-row__bonus" title={bonus.why}>
              {bonus.row}
            </span>
          )}
          <span className={`feed-row__due${overdue ? ' feed-row__due--late' : ''}`}>
            {labels.due(task.slaDueAt, now)}
          </span>
        </span>
      </button>
      {task.pendingClaim ? (
        <span className="pill pill--pending" title={t('feed.row.pendingTitle')}>
          {t('feed.row.pending')}
        </span>
      ) : (
        <button type="button" className="button button--small" tabIndex={-1} onClick={onClaim}>
          {t('action.claim.label')}
          <span className="visually-hidden"> {task.subject}</span>
        </button>
      )}
    </div>
  );
}
