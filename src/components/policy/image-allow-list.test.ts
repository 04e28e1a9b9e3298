import { describe, expect, it, vi } from 'vitest';
import { classifyImageSource, compileImageAllowList, isImageUrlAllowed, parseImageAllowEntry } from './image-allow-list.js';

const cdn = ['https://cdn.example.com/img/'];

describe('isImageUrlAllowed', () => {
  it('allows addresses below an allowed prefix', () => {
    expect(isImageUrlAllowed('https://cdn.example.com/img/cat.png', cdn)).toBe(true);
    expect(isImageUrlAllowed('https://cdn.example.com/img/a/b/c.png?w=200#x', cdn)).toBe(true);
    expect(isImageUrlAllowed('https://CDN.example.com:443/img/cat.png', cdn)).toBe(true);
    expect(isImageUrlAllowed('  https://cdn.example.com/img/cat.png\n', cdn)).toBe(true);
  });

  it.each([
    ['a lookalike suffix host', 'https://cdn.example.com.evil/img/x'],
    ['credentials before the real host', 'https://cdn.example.com@evil.example/img/x'],
    ['credentials on the allowed host', 'https://user:pw@cdn.example.com/img/x'],
    ['a dot-dot segment out of the prefix', 'https://cdn.example.com/img/../x'],
    ['a percent-encoded dot-dot segment', 'https://cdn.example.com/img/%2e%2e/x'],
    ['a mixed-case encoded dot-dot segment', 'https://cdn.example.com/img/%2E./x'],
    ['an encoded slash after dot-dot', 'https://cdn.example.com/img/..%2fx'],
    ['an encoded backslash', 'https://cdn.example.com/img/..%5Cx'],
    ['a backslash the parser turns into a slash', 'https://cdn.example.com/img\\..\\x'],
    ['a path that only starts like the prefix', 'https://cdn.example.com/img-x'],
    ['the prefix without its slash', 'https://cdn.example.com/img'],
    ['another scheme', 'http://cdn.example.com/img/x'],
    ['another port', 'https://cdn.example.com:444/img/x'],
    ['an IDN lookalike host (Cyrillic a)', 'https://cdn.ex\u0430mple.com/img/x'],
    ['the punycode of that lookalike', 'https://cdn.xn--exmple-4nf.com/img/x'],
    ['a protocol-relative address', '//cdn.example.com/img/x'],
    ['a relative address', '/img/x.png'],
    ['a blob: address', 'blob:https://cdn.example.com/5b3c-uuid'],
    ['javascript:', 'javascript:alert(1)'],
    ['an SVG data URL', 'data:image/svg+xml;base64,PHN2Zz48L3N2Zz4='],
    ['an SVG data URL with odd case', 'DATA:image/SVG+xml,<svg></svg>'],
    ['a data URL of another type', 'data:text/html,<script>alert(1)</script>'],
    ['an empty string', ''],
  ])('rejects %s', (_, src) => {
    expect(isImageUrlAllowed(src, cdn)).toBe(false);
  });

  it('shows the lookalike host as punycode, so it can never equal the real origin', () => {
    const source = classifyImageSource('https://cdn.ex\u0430mple.com/img/x', compileImageAllowList(cdn));
    expect(source).toMatchObject({ verdict: 'blocked' });
    expect(source.verdict === 'blocked' && source.host.startsWith('cdn.xn--')).toBe(true);
  });

  it('always allows raster data images, and nothing else of data:', () => {
    for (const type of ['png', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'PNG']) expect(isImageUrlAllowed(`data:image/${type};base64,AAAA`)).toBe(true);
    expect(isImageUrlAllowed('data:image/png,raw')).toBe(true);
    expect(isImageUrlAllowed('data:image/svg+xml,<svg onload=alert(1)>')).toBe(false);
    expect(isImageUrlAllowed('data:image/pngx;base64,AAAA')).toBe(false);
    expect(isImageUrlAllowed(' data:image/svg+xml,<svg/>')).toBe(false);
  });

  it('allows nothing foreign without an allow list', () => {
    expect(isImageUrlAllowed('https://cdn.example.com/img/cat.png')).toBe(false);
  });

  it('passes a copy of the parsed URL to an allow function', () => {
    const allow = vi.fn((url: URL) => {
      url.hostname = 'changed.example';
      return url.hostname === 'changed.example';
    });
    const source = classifyImageSource('https://pics.example/a.png', compileImageAllowList(allow));
    expect(allow).toHaveBeenCalledTimes(1);
    expect(allow.mock.calls[0]?.[0]).toBeInstanceOf(URL);
    expect(source).toEqual({ verdict: 'allowed', src: 'https://pics.example/a.png' });
    expect(isImageUrlAllowed('https://pics.example/a.png', () => false)).toBe(false);
    expect(isImageUrlAllowed('javascript:alert(1)', () => true)).toBe(false);
    expect(isImageUrlAllowed('data:image/svg+xml,<svg/>', () => true)).toBe(false);
  });
});

describe('classifyImageSource', () => {
  const isAllowed = compileImageAllowList(cdn);

  it('tells a blocked web image (with its origin and host) from one that may never load', () => {
    expect(classifyImageSource('https://attacker.example/leak?d=secret', isAllowed)).toEqual({
      verdict: 'blocked',
      src: 'https://attacker.example/leak?d=secret',
      origin: 'https://attacker.example',
      host: 'attacker.example',
    });
    expect(classifyImageSource('http://attacker.example:8080/x', isAllowed)).toMatchObject({ verdict: 'blocked', host: 'attacker.example:8080' });
    expect(classifyImageSource('javascript:alert(1)', isAllowed)).toEqual({ verdict: 'unsafe' });
    expect(classifyImageSource('java\tscript:alert(1)', isAllowed)).toEqual({ verdict: 'unsafe' });
    expect(classifyImageSource('&#106;avascript:alert(1)', isAllowed)).toEqual({ verdict: 'unsafe' });
    expect(classifyImageSource('https://user@attacker.example/x', isAllowed)).toEqual({ verdict: 'unsafe' });
  });

  it('decodes character references before judging', () => {
    expect(classifyImageSource('https&#58;//cdn.example.com/img/a.png', isAllowed)).toEqual({ verdict: 'allowed', src: 'https://cdn.example.com/img/a.png' });
  });
});

describe('parseImageAllowEntry', () => {
  it('reads an origin and a path prefix', () => {
    expect(parseImageAllowEntry('https://cdn.example.com/img/')).toEqual({ origin: 'https://cdn.example.com', pathname: '/img/' });
    expect(parseImageAllowEntry('http://localhost:5173/')).toEqual({ origin: 'http://localhost:5173', pathname: '/' });
  });

  it.each([
    ['https://cdn.example.com', /must end in "\/"/],
    ['https://cdn.example.com/img', /must end in "\/"/],
    ['cdn.example.com/img/', /not an absolute URL/],
    ['/img/', /not an absolute URL/],
    ['ftp://cdn.example.com/img/', /http: or https:/],
    ['data:image/png/', /http: or https:/],
    ['https://cdn.example.com/img/?v=1/', /query or a fragment/],
    ['https://user@cdn.example.com/img/', /credentials/],
    ['https://cdn.example.com/a/../img/', /use "https:\/\/cdn.example.com\/img\/"/],
    ['https://CDN.example.com/img/', /use "https:\/\/cdn.example.com\/img\/"/],
    ['https://cdn.example.com:443/img/', /use "https:\/\/cdn.example.com\/img\/"/],
    ['https://cdn.ex\u0430mple.com/img/', /use "https:\/\/cdn.xn--/],
  ])('throws on %s', (entry, message) => {
    expect(() => parseImageAllowEntry(entry)).toThrow(message);
  });

  it('throws when the allow list is compiled, not when an image is checked', () => {
    expect(() => compileImageAllowList(['https://cdn.example.com/img/', 'https://cdn.example.com'])).toThrow(/must end in "\/"/);
  });
});
