import type { ReactNode } from 'react';
import './EmptyState.css';

interface Props {
  title: string;
  children: ReactNode;
  action?: ReactNode;
}

/** What a view shows before it has anything: says what will appear here and how to get it. */
export function EmptyState({ title, children, action }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <div className="empty-state__mark" aria-hidden="true" />
      <h2>{title}</h2>
      <p>{children}</p>
      {action ? <div className="empty-state__action">{action}</div> : null}
    </section>
  );
}
