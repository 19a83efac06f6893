import { fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PickerList } from '../../../src/renderer/src/ui/PickerList';

const items = Array.from({ length: 40 }, (_, i) => `Command ${i + 1}`);

afterEach(() => vi.restoreAllMocks());

describe('PickerList (combobox)', () => {
  it('keeps the active option in view as ↑/↓ move it', () => {
    const scrolled: { id: string; options: unknown }[] = [];
    vi.spyOn(HTMLElement.prototype, 'scrollIntoView').mockImplementation(function (
      this: HTMLElement,
      options?: boolean | ScrollIntoViewOptions,
    ) {
      scrolled.push({ id: this.id, options });
    });
    render(
      <PickerList
        items={items}
        filter={(all, q) => all.filter((c) => c.includes(q))}
        idOf={(c) => c.replace(/\s/g, '-')}
        inputLabel="Type a command"
        listLabel="Commands"
        placeholder="Type…"
        empty="Nothing"
        render={(c) => c}
        onChoose={() => undefined}
      />,
    );
    const input = screen.getByRole('combobox');
    for (let i = 0; i < 25; i++) fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = input.getAttribute('aria-activedescendant');
    expect(document.getElementById(active!)?.textContent).toBe('Command 26');
    expect(scrolled.at(-1)).toEqual({ id: active, options: { block: 'nearest' } });
  });
});
