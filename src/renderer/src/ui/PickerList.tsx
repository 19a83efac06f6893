import { useEffect, useId, useMemo, useState, type ReactNode } from 'react';
import './PickerList.css';

interface Props<T> {
  items: readonly T[];
  filter: (items: readonly T[], query: string) => T[];
  idOf: (item: T) => string;
  inputLabel: string;
  listLabel: string;
  placeholder: string;
  /** Shown when nothing matches. */
  empty: string;
  render: (item: T) => ReactNode;
  /** Why an item cannot be chosen now; null or undefined when it can. */
  disabledReason?: (item: T) => string | null | undefined;
  onChoose: (item: T) => void;
}

/** A filter box over a list (combobox + listbox): type to filter, ↑/↓ to move, Enter to choose. */
export function PickerList<T>(p: Props<T>) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const { filter, items } = p;
  const shown = useMemo(() => filter(items, query), [filter, items, query]);
  const current = shown[Math.min(active, shown.length - 1)];
  const activeId = current !== undefined ? `${listId}-${p.idOf(current)}` : undefined;
  // The active option is always in view, however long the list and wherever ↑/↓ took it.
  useEffect(() => {
    if (activeId) document.getElementById(activeId)?.scrollIntoView({ block: 'nearest' });
  }, [activeId]);
  const choose = (item: T | undefined) => {
    if (item !== undefined && !p.disabledReason?.(item)) p.onChoose(item);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const delta = event.key === 'ArrowDown' ? 1 : -1;
      setActive((a) => Math.max(0, Math.min(shown.length - 1, a + delta)));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      choose(current);
    }
  };
  return (
    <>
      <input
        data-autofocus
        type="text"
        className="picker__input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-label={p.inputLabel}
        placeholder={p.placeholder}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      {shown.length === 0 ? (
        <p className="muted">{p.empty}</p>
      ) : (
        <ul id={listId} role="listbox" aria-label={p.listLabel} className="picker__list">
          {shown.map((item) => {
            const disabled = p.disabledReason?.(item);
            return (
              <li
                key={p.idOf(item)}
                id={`${listId}-${p.idOf(item)}`}
                role="option"
                aria-selected={item === current}
                aria-disabled={disabled ? true : undefined}
                className={`picker__item${item === current ? ' picker__item--active' : ''}${disabled ? ' picker__item--disabled' : ''}`}
                onMouseDown={(e) => {
                  e.preventDefault();
                  choose(item);
                }}
              >
                {p.render(item)}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
