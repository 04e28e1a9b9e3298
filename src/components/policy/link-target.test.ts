import { describe, expect, it } from 'vitest';
import { readLinkTarget } from './link-target.js';

describe('readLinkTarget', () => {
  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#0000106avascript:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\u0000script:alert(1)',
    ' javascript:alert(1)',
    'java\u200bscript:alert(1)',
    'java\\script:alert(1)',
    'vbscript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'blob:https://example.com/uuid',
    'file:///etc/passwd',
    '/relative',
    '//protocol-relative.example/x',
    'example.com',
    '',
  ])('refuses %j', (href) => {
    expect(readLinkTarget(href, 'text')).toBeNull();
  });

  it('keeps http, https and mailto, with their real target', () => {
    expect(readLinkTarget('https://example.com/a', 'docs')).toMatchObject({ shown: 'example.com', textNamesTarget: false });
    expect(readLinkTarget('http://example.com:8080/a', 'docs')?.url.href).toBe('http://example.com:8080/a');
    expect(readLinkTarget('https&#58;//example.com/a', 'docs')?.url.href).toBe('https://example.com/a');
    expect(readLinkTarget('mailto:Team@Example.com?subject=hi', 'team@example.com')).toMatchObject({ shown: 'team@example.com', textNamesTarget: true });
    expect(readLinkTarget('mailto:attacker@evil.example', 'support@bank.com')).toMatchObject({ shown: 'attacker@evil.example', textNamesTarget: false });
  });

  it.each([
    ['bank.com', 'https://evil.example'],
    ['https://bank.com', 'https://evil.example/login'],
    ['https://bank.com/login', 'https://bank.com.evil.example/login'],
    ['bank.com', 'https://bank.com@evil.example/'],
    ['ex\u0430mple.com', 'https://example.com'],
    ['example.com', 'https://ex\u0430mple.com'],
    ['click here', 'https://example.com'],
    ['example.com:8443', 'https://example.com'],
  ])('sees that %j does not name the target of %s', (text, href) => {
    expect(readLinkTarget(href, text)?.textNamesTarget).toBe(false);
  });

  it.each([
    ['https://example.com/docs', 'https://example.com/docs'],
    ['example.com', 'https://example.com/any/path'],
    ['www.example.com', 'http://www.example.com'],
    ['Example.COM/docs', 'https://example.com/docs'],
    ['example.com', 'https://www.example.com/'],
  ])('sees that %j names the target of %s', (text, href) => {
    expect(readLinkTarget(href, text)?.textNamesTarget).toBe(true);
  });

  it('shows a lookalike host as punycode', () => {
    expect(readLinkTarget('https://ex\u0430mple.com', 'example.com')?.shown).toMatch(/^xn--/);
  });
});
