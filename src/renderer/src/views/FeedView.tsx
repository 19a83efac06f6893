import { EmptyState } from '../components/EmptyState';

export function FeedView() {
  return (
    <div className="view">
      <h1 className="view__title">Feed</h1>
      <EmptyState title="No tasks yet">
        Open tasks from the brands you work for appear here once you are connected: brand, subject,
        channel, complexity, due time and what each case pays. Filter them, then claim the ones you
        want.
      </EmptyState>
    </div>
  );
}
