import { isInertUrl, sanitizeArtifactCss } from './sanitize-artifact-css.js';

/**
 * Attributes whose URL the browser loads by itself, on any element. Form targets are not here: the frame's sandbox
 * has no `allow-forms`, and its CSP says `form-action 'none'`.
 */
const resourceAttributes = new Set(['src', 'srcset', 'poster', 'background']);
/** Where `href` is a link to follow on a click, not a resource to load (`<use>`, `<image>`, `<feImage>` load theirs). */
const linkElements = new Set(['a', 'area']);

/** An attribute's URL as the URL parser reads it: C0 controls and spaces trimmed, tabs and newlines dropped. */
export function urlAsParsed(value: string): string {
  return value.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** Whether an attribute's URL loads nothing. */
export function isInertUrlAttribute(value: string): boolean {
  return isInertUrl(urlAsParsed(value));
}

/** Whether every candidate of a `srcset` is inert; a candidate's URL ends at whitespace, or at its trailing commas. */
export function isInertSrcset(srcset: string): boolean {
  let index = 0;
  for (;;) {
    while (index < srcset.length && /[\t\n\f\r ,]/.test(srcset[index]!)) index += 1;
    if (index >= srcset.length) return true;
    let url = /^[^\t\n\f\r ]+/.exec(srcset.slice(index))![0];
    index += url.length;
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      const comma = srcset.indexOf(',', index);
      index = comma === -1 ? srcset.length : comma;
    }
    if (!isInertUrl(url)) return false;
  }
}

export type ResourceRemoval = 'resource-url' | 'css-url';

/**
 * Removes, in place, an element's attributes that would load a URL other than `data:` (or an in-document
 * `#reference`): `src`, `srcset` (unless every candidate is inert), `poster`, `background`, `href` and `xlink:href`
 * on anything but `<a>` and `<area>`, and any other attribute with a CSS `url()` that loads (SVG presentation
 * attributes such as `fill` and `filter`). The `style` attribute keeps its CSS
 * without what loads (see `sanitizeArtifactCss`), or goes when that cannot be done. Returns what kinds it removed.
 */
export function sanitizeResourceAttributes(element: Element): ResourceRemoval[] {
  const removed = new Set<ResourceRemoval>();
  for (const name of element.getAttributeNames()) {
    const lowerName = name.toLowerCase();
    const value = element.getAttribute(name)!;
    if (lowerName === 'style') {
      const sanitized = sanitizeArtifactCss(value);
      if (sanitized === null) element.removeAttribute(name);
      else if (sanitized.css !== value) element.setAttribute(name, sanitized.css);
      if (sanitized === null || sanitized.changed) removed.add('css-url');
      continue;
    }
    const isHref = lowerName === 'href' || lowerName.endsWith(':href');
    const loads =
      lowerName === 'srcset'
        ? !isInertSrcset(value)
        : resourceAttributes.has(lowerName) || (isHref && !linkElements.has(element.localName.toLowerCase()))
          ? !isInertUrlAttribute(value)
          : !isHref && /url\s*\(|\\/i.test(value) && sanitizeArtifactCss(value)?.css !== value;
    if (loads) {
      element.removeAttribute(name);
      removed.add(resourceAttributes.has(lowerName) || isHref ? 'resource-url' : 'css-url');
    }
  }
  return [...removed];
}
