import { EmptyState } from '../components/EmptyState';

export function EarningsView() {
  return (
    <div className="view">
      <h1 className="view__title">Earnings</h1>
      <EmptyState title="No earnings yet">
        Every case you resolve, escalate or transfer shows here with exactly how its pay was worked
        out, along with your customers&apos; ratings and your totals for today, this week and this
        month.
      </EmptyState>
    </div>
  );
}
