import { describe, expect, it } from 'vitest';
import { isInertSrcset, isInertUrlAttribute, sanitizeResourceAttributes } from './sanitize-artifact-resources.js';

const png = 'data:image/png;base64,AA==';
const element = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.firstElementChild!;

describe('isInertUrlAttribute', () => {
  it('accepts data: URLs and in-document references the way the URL parser reads them', () => {
    for (const url of [png, ` \u0001${png}\n`, `DATA:text/plain,x`, `da\tta:,x`, '#icon']) expect(isInertUrlAttribute(url)).toBe(true);
    for (const url of ['https://a.example/x.png', '//a.example/x', 'x.png', '', ' ', 'javascript:x', 'blob:https://a.example/1', '\u00a0data:,x']) {
      expect(isInertUrlAttribute(url)).toBe(false);
    }
  });
});

describe('isInertSrcset', () => {
  it('needs every candidate to be a data: URL, commas inside data: URLs included', () => {
    expect(isInertSrcset(`${png} 1x, ${png} 2x`)).toBe(true);
    expect(isInertSrcset(`${png},${png} 2x`)).toBe(true);
    expect(isInertSrcset(`${png} 1x,, ${png},`)).toBe(true);
    expect(isInertSrcset(`${png} 1x, https://a.example/x.png 2x`)).toBe(false);
    expect(isInertSrcset(`${png} 1x (a, b) ,x.png 2x`)).toBe(false);
    expect(isInertSrcset('x.png')).toBe(false);
  });
});

describe('sanitizeResourceAttributes', () => {
  it('removes CSS urls that load from presentation attributes, and keeps in-document ones', () => {
    const rect = element('<svg><rect fill="url(https://a.example/f.svg#g)" stroke="u\\72l(x.svg#g)" mask="url(#m)" title="C:\\dir"/></svg>').firstElementChild!;
    expect(sanitizeResourceAttributes(rect)).toEqual(['css-url']);
    expect(rect.outerHTML).toBe('<rect mask="url(#m)" title="C:\\dir"></rect>');
  });
});
