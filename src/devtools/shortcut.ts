/** A parsed key combination such as `Alt+Shift+D` or `Mod+Shift+E` (`Mod` is ⌘ on Apple systems, Ctrl elsewhere). */
export interface Shortcut {
  alt: boolean;
  ctrl: boolean;
  meta: boolean;
  shift: boolean;
  /** The key without modifiers, lower case: `d`, `f2`, `escape`. */
  key: string;
  /** For `aria-keyshortcuts`: `Alt+Shift+D`. */
  aria: string;
}

const modifierNames = new Set(['alt', 'option', 'ctrl', 'control', 'meta', 'cmd', 'command', 'mod', 'shift']);

export function parseShortcut(text: string, isApple = isApplePlatform()): Shortcut {
  const parts = text.split('+').map((part) => part.trim().toLowerCase());
  const key = parts.pop() ?? '';
  if (key === '' || modifierNames.has(key) || parts.some((part) => !modifierNames.has(part))) {
    throw new Error(`Not a shortcut: ${JSON.stringify(text)} (write it like "Alt+Shift+D")`);
  }
  const has = (...names: string[]) => parts.some((part) => names.includes(part));
  const shortcut = {
    alt: has('alt', 'option'),
    ctrl: has('ctrl', 'control') || (has('mod') && !isApple),
    meta: has('meta', 'cmd', 'command') || (has('mod') && isApple),
    shift: has('shift'),
    key,
  };
  const aria = [shortcut.ctrl && 'Control', shortcut.alt && 'Alt', shortcut.shift && 'Shift', shortcut.meta && 'Meta', key.length === 1 ? key.toUpperCase() : key]
    .filter(Boolean)
    .join('+');
  return { ...shortcut, aria };
}

/**
 * Whether a keydown is the shortcut. Letters and digits are matched by their physical key (`event.code`), since
 * Alt/Option with Shift turns `event.key` into another character on macOS and on many layouts.
 */
export function matchesShortcut(event: Pick<KeyboardEvent, 'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'key' | 'code'>, shortcut: Shortcut): boolean {
  if (event.altKey !== shortcut.alt || event.ctrlKey !== shortcut.ctrl || event.metaKey !== shortcut.meta || event.shiftKey !== shortcut.shift) return false;
  if (/^[a-z]$/.test(shortcut.key)) return event.code === `Key${shortcut.key.toUpperCase()}`;
  if (/^[0-9]$/.test(shortcut.key)) return event.code === `Digit${shortcut.key}`;
  return event.key.toLowerCase() === shortcut.key;
}

function isApplePlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}
