import { sanitizeArtifactCss } from './sanitize-artifact-css.js';
import { sanitizeResourceAttributes, urlAsParsed } from './sanitize-artifact-resources.js';

/** A kind of thing taken out of an artifact's document. */
export type ArtifactRemoval =
  | 'meta-refresh'
  | 'meta-http-equiv'
  | 'base'
  | 'link'
  | 'embedded-frame'
  | 'ping'
  | 'script'
  | 'event-handler'
  | 'javascript-url'
  | 'noscript'
  | 'resource-url'
  | 'css-url'
  | 'unstable-markup';

/** Nested browsing contexts and plugins: each could load a URL of its own. */
const embeddedSelector = 'iframe, frame, frameset, object, embed, applet, portal, fencedframe';

/** Attributes that make a request of their own: hyperlink auditing and attribution reporting. */
const requestAttributes = ['ping', 'attributionsrc'];

const javascriptUrl = /^javascript:/i;

/**
 * Removes, in place, what could make a request or navigate without a script: every `<meta http-equiv>` (refresh,
 * a CSP of the artifact's own, dns-prefetch control) and `<meta name="referrer">`, `<base>`, every `<link>`,
 * frames, objects and embeds, `ping` and `attributionsrc`, and every URL that would load without a click, in
 * attributes and in CSS, unless it is `data:` (see `sanitizeResourceAttributes` and `sanitizeArtifactCss`). Without
 * scripts, also `<script>`, `on*` handlers and `javascript:` URLs; with them, scripts that have a URL. `<noscript>`
 * is unwrapped without scripts and dropped with them, so it cannot parse one way here (scripting disabled) and
 * another in a frame that runs scripts. The artifact's own `<title>`, charset and
 * viewport go; the builder writes the chat's. Template contents are sanitized too. Returns what kinds it removed.
 */
export function sanitizeArtifactDocument(document: Document, { scripts }: { scripts: boolean }): ArtifactRemoval[] {
  const removed: ArtifactRemoval[] = [];
  const note = (removal: ArtifactRemoval) => {
    if (!removed.includes(removal)) removed.push(removal);
  };
  if (document.body === null || document.body.localName !== 'body') {
    document.body?.remove();
    note('embedded-frame');
    document.documentElement.append(document.createElement('body'));
  }
  for (const element of document.head.querySelectorAll('title, meta[charset], meta[name="viewport" i]')) element.remove();
  sanitizeTree(document, scripts, note);
  return removed;
}

function sanitizeTree(root: Document | DocumentFragment, scripts: boolean, note: (removal: ArtifactRemoval) => void) {
  const removeAll = (selector: string, removal: ArtifactRemoval) => {
    for (const element of root.querySelectorAll(selector)) {
      element.remove();
      note(removal);
    }
  };
  for (const meta of root.querySelectorAll('meta[http-equiv]')) {
    meta.remove();
    note(meta.getAttribute('http-equiv')!.trim().toLowerCase() === 'refresh' ? 'meta-refresh' : 'meta-http-equiv');
  }
  removeAll('meta[name="referrer" i]', 'meta-http-equiv');
  removeAll('base', 'base');
  removeAll('link', 'link');
  removeAll(embeddedSelector, 'embedded-frame');
  if (!scripts) removeAll('script', 'script');
  // The CSP refuses script URLs, but only once the browser has asked for them.
  for (const script of root.querySelectorAll('script')) {
    if (!script.getAttributeNames().some((name) => /^(?:src|href|.*:href)$/i.test(name))) continue;
    script.remove();
    note('script');
  }

  for (const noscript of root.querySelectorAll('noscript')) {
    if (scripts) noscript.remove();
    else noscript.replaceWith(...noscript.childNodes);
    note('noscript');
  }

  for (const style of root.querySelectorAll('style')) {
    const css = style.textContent ?? '';
    const sanitized = sanitizeArtifactCss(css);
    if (sanitized === null) style.remove();
    else if (sanitized.css !== css) style.textContent = sanitized.css;
    if (sanitized === null || sanitized.changed) note('css-url');
  }

  for (const element of root.querySelectorAll('*')) {
    for (const name of element.getAttributeNames()) {
      const lowerName = name.toLowerCase();
      if (requestAttributes.includes(lowerName)) {
        element.removeAttribute(name);
        note('ping');
      } else if (!scripts && lowerName.startsWith('on')) {
        element.removeAttribute(name);
        note('event-handler');
      } else if (!scripts && javascriptUrl.test(urlAsParsed(element.getAttribute(name)!))) {
        element.removeAttribute(name);
        note('javascript-url');
      }
    }
    for (const removal of sanitizeResourceAttributes(element)) note(removal);
  }

  for (const template of root.querySelectorAll('template')) sanitizeTree((template as HTMLTemplateElement).content, scripts, note);
}
