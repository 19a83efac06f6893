/** What a keydown carries that says which key it was (a KeyboardEvent satisfies it). */
export interface KeyPress {
  key: string;
  code: string;
  shiftKey: boolean;
  isComposing?: boolean;
}

/** Printable ASCII: what a Latin layout types for the key (letters, digits, '?', …). */
const LATIN = /^[\x21-\x7e]$/;

/**
 * Which single-key shortcut a key press is ('j', 'r', '1', '?'; null for none), the same on
 * every keyboard layout, on macOS and with an input method — the one rule every shortcut of the
 * app is matched by (the action table's `shortcut`, j/k, Alt+1..5, Ctrl+K, …):
 * - a digit is the digit key pressed without Shift (number row or keypad), so AZERTY's '&' is
 *   '1' (with Shift, what it types counts: Russian Shift+7 is '?');
 * - a Latin character as typed is itself, so AZERTY or Dvorak users keep the letters printed on
 *   their keys;
 * - anything else is read off the physical key (`code`, its place on a US keyboard): a
 *   Cyrillic, Greek or Arabic letter, macOS Option+1's '¡', an input method's 'Process';
 * - a key that is part of an input method's composition is text being written, not a shortcut.
 */
export function shortcutOf(press: KeyPress): string | null {
  if (press.isComposing) return null;
  const digit = /^(?:Digit|Numpad)([0-9])$/.exec(press.code);
  if (digit && !press.shiftKey) return digit[1]!;
  if (LATIN.test(press.key)) return press.key;
  const letter = /^Key([A-Z])$/.exec(press.code);
  if (letter) return press.shiftKey ? letter[1]! : letter[1]!.toLowerCase();
  if (press.code === 'Slash' && press.shiftKey) return '?';
  return null;
}
