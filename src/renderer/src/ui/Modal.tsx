import { useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import './Modal.css';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** `sheet`: docked to the window's right edge (a detail beside the page) instead of centred. */
  placement?: 'center' | 'sheet';
  /** Puts the title in a header with a Close button. */
  closeLabel?: string;
}

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog on the native `<dialog>` (`showModal`): the page behind it is inert (no focus,
 * no clicks, hidden from assistive tech) and the top layer keeps it above everything. Focus moves
 * into it (the element marked `data-autofocus`, else the first control), Escape or a click on the
 * backdrop closes it, and focus goes back to where it was.
 */
export function Modal({
  title,
  onClose,
  children,
  className,
  placement = 'center',
  closeLabel,
}: Props) {
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  // Layout effect: focus is back in place within the same commit that removes the dialog.
  useLayoutEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    const first =
      dialog?.querySelector<HTMLElement>('[data-autofocus]') ??
      dialog?.querySelector<HTMLElement>(focusable);
    first?.focus();
    return () => {
      if (dialog?.open) dialog.close();
      if (before && before.isConnected) before.focus();
    };
  }, []);
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Escape') {
      // The parent unmounts the dialog; the browser's own close would race it.
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    // The rest of the page is inert; this keeps Tab from leaving for the browser's own UI.
    if (event.key !== 'Tab' || !ref.current) return;
    const items = [...ref.current.querySelectorAll<HTMLElement>(focusable)];
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
    <dialog
      ref={ref}
      className={`modal modal--${placement}${className ? ` ${className}` : ''}`}
      aria-labelledby={titleId}
      onKeyDown={onKeyDown}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      // A click on the backdrop lands on the dialog element itself, outside its box (a click on
      // its scrollbar lands there too, inside the box).
      onMouseDown={(e) => {
        if (e.target !== e.currentTarget) return;
        const r = e.currentTarget.getBoundingClientRect();
        const inside =
          e.clientX >= r.left &&
          e.clientX <= r.right &&
          e.clientY >= r.top &&
          e.clientY <= r.bottom;
        if (!inside) onClose();
      }}
    >
      <div className="modal__content">
        <header className="modal__header">
          <h2 id={titleId} className="modal__title">
            {title}
          </h2>
          {closeLabel ? (
            <button type="button" className="button button--small" onClick={onClose}>
              {closeLabel}
            </button>
          ) : null}
        </header>
        {children}
      </div>
    </dialog>
  );
}
