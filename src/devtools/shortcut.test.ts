import { describe, expect, it } from 'vitest';
import { matchesShortcut, parseShortcut } from './shortcut.js';

const key = (code: string, keyValue: string, modifiers: { alt?: boolean; ctrl?: boolean; meta?: boolean; shift?: boolean }) => ({
  code,
  key: keyValue,
  altKey: modifiers.alt ?? false,
  ctrlKey: modifiers.ctrl ?? false,
  metaKey: modifiers.meta ?? false,
  shiftKey: modifiers.shift ?? false,
});

describe('parseShortcut and matchesShortcut', () => {
  it('matches a letter by its physical key, so Option+Shift+D on a Mac (key Î) still counts', () => {
    const shortcut = parseShortcut('Alt+Shift+D', true);
    expect(matchesShortcut(key('KeyD', 'Î', { alt: true, shift: true }), shortcut)).toBe(true);
    expect(matchesShortcut(key('KeyD', 'D', { alt: true, shift: true }), shortcut)).toBe(true);
    expect(shortcut.aria).toBe('Alt+Shift+D');
  });

  it('needs exactly the modifiers named', () => {
    const shortcut = parseShortcut('Alt+Shift+D', false);
    expect(matchesShortcut(key('KeyD', 'D', { shift: true }), shortcut)).toBe(false);
    expect(matchesShortcut(key('KeyD', 'D', { alt: true, shift: true, ctrl: true }), shortcut)).toBe(false);
    expect(matchesShortcut(key('KeyE', 'E', { alt: true, shift: true }), shortcut)).toBe(false);
  });

  it('reads Mod as Meta on Apple systems and Ctrl elsewhere', () => {
    expect(parseShortcut('Mod+Shift+E', true)).toMatchObject({ meta: true, ctrl: false, shift: true, key: 'e', aria: 'Shift+Meta+E' });
    expect(parseShortcut('mod+shift+e', false)).toMatchObject({ meta: false, ctrl: true, shift: true, key: 'e', aria: 'Control+Shift+E' });
  });

  it('matches named keys by their value', () => {
    const shortcut = parseShortcut('Ctrl+F12', false);
    expect(matchesShortcut(key('F12', 'F12', { ctrl: true }), shortcut)).toBe(true);
    expect(matchesShortcut(key('F11', 'F11', { ctrl: true }), shortcut)).toBe(false);
  });

  it('refuses what is not a shortcut', () => {
    expect(() => parseShortcut('Alt+Shift')).toThrow(/Not a shortcut/);
    expect(() => parseShortcut('Hyper+D')).toThrow(/Not a shortcut/);
    expect(() => parseShortcut('')).toThrow(/Not a shortcut/);
  });
});
