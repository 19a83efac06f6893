import { EmptyState } from '../components/EmptyState';

export function TicketsView() {
  return (
    <div className="view">
      <h1 className="view__title">My tickets</h1>
      <EmptyState title="You have no tickets">
        Tasks you claim from the feed land here, with their SLA countdown. Reply, add internal
        notes, resolve, escalate or transfer them from the ticket view.
      </EmptyState>
    </div>
  );
}
