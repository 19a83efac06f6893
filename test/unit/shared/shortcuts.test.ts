import { describe, expect, it } from 'vitest';
import { shortcutOf, type KeyPress } from '../../../src/shared/domain/shortcuts';

const press = (key: string, code: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key,
  code,
  shiftKey: false,
  ...more,
});

describe('shortcutOf: the shortcut a key press is, on any layout', () => {
  it.each([
    ['US', press('j', 'KeyJ'), 'j'],
    ['Russian', press('о', 'KeyJ'), 'j'],
    ['Greek', press('ξ', 'KeyJ'), 'j'],
    ['Arabic', press('ت', 'KeyJ'), 'j'],
    ['an input method', press('Process', 'KeyR'), 'r'],
    ['Dvorak keeps its printed letters', press('j', 'KeyC'), 'j'],
    ['AZERTY keeps its printed letters', press('a', 'KeyQ'), 'a'],
    ['macOS Option+1', press('¡', 'Digit1'), '1'],
    ['AZERTY unshifted 1', press('&', 'Digit1'), '1'],
    ['the keypad', press('5', 'Numpad5'), '5'],
    ['? on US', press('?', 'Slash', { shiftKey: true }), '?'],
    ['? on German (Shift+ß)', press('?', 'Minus', { shiftKey: true }), '?'],
    ['? on Russian (Shift+7)', press('?', 'Digit7', { shiftKey: true }), '?'],
    ['Shift+1 on US is no digit', press('!', 'Digit1', { shiftKey: true }), '!'],
    ['Shift+J on Russian', press('О', 'KeyJ', { shiftKey: true }), 'J'],
  ])('%s', (_what, event, expected) => {
    expect(shortcutOf(event)).toBe(expected);
  });

  it('is null while an input method composes, and for keys that are no shortcut', () => {
    expect(shortcutOf(press('Process', 'KeyJ', { isComposing: true }))).toBeNull();
    expect(shortcutOf(press('j', 'KeyJ', { isComposing: true }))).toBeNull();
    expect(shortcutOf(press('Enter', 'Enter'))).toBeNull();
    expect(shortcutOf(press('Escape', 'Escape'))).toBeNull();
    expect(shortcutOf(press('ArrowDown', 'ArrowDown'))).toBeNull();
  });
});
