import { useId, type ReactNode } from 'react';

interface Props {
  title: string;
  /** One sentence under the title: what this group is about. */
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}

/** One group of Settings: every group looks the same (a card with a heading and its controls). */
export function SettingsSection({ title, description, className, children }: Props) {
  const titleId = useId();
  return (
    <section
      className={`settings-section${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
    >
      <h2 id={titleId} className="settings-section__title">
        {title}
      </h2>
      {description ? <p className="settings-section__description muted">{description}</p> : null}
      {children}
    </section>
  );
}
