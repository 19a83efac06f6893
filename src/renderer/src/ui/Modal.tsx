import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './Modal.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A small modal dialog: focus moves into it (the element marked `data-autofocus`, else the first
 * control), Tab stays inside, Escape closes, and focus goes back to where it was on close.
 */
export function Modal({ title, onClose, children, className }: Props) {
  const titleId = useId();
  const box = useRef<HTMLDivElement>(null);
  // Layout effect: focus is back in place within the same commit that removes the dialog.
  useLayoutEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const root = box.current;
    const first =
      root?.querySelector<HTMLElement>('[data-autofocus]') ??
      root?.querySelector<HTMLElement>(focusable);
    first?.focus();
    return () => {
      if (before && before.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(focusable)];
    if (items.length === 0) return;
    const first = items[0]!;
    const last = items[items.length - 1]!;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <div
      className="ticket-modal__backdrop"
      onMouseDown={(e) => e.target === e.currentTarget && onClose()}
    >
      <div
        ref={box}
        className={`ticket-modal${className ? ` ${className}` : ''}`}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId} className="ticket-modal__title">
          {title}
        </h2>
        {children}
      </div>
    </div>
  );
}
