import type { Page } from '@playwright/test';

/**
 * Problems in the page's DOM that would let model output reach the network or run code, judged without the CSP (which
 * would hide them by blocking the request): images from foreign hosts or with `srcset`, links with other schemes or
 * without `noopener noreferrer nofollow`, active elements or styles with URLs in the message list, artifact frames
 * with a weak sandbox, and artifact documents that still hold a meta refresh or a `<base>`.
 * `scriptsRan` is true once "Run scripts" was used, when a frame may have `allow-scripts`.
 */
export async function auditChatDom(page: Page, ownOrigins: readonly string[], scriptsRan: boolean): Promise<string[]> {
  return page.evaluate(
    ({ ownOrigins, scriptsRan }) => {
      const problems: string[] = [];
      const own = new Set(ownOrigins.map((origin) => new URL(origin).host));
      const isOwnUrl = (value: string) => {
        try {
          const url = new URL(value, document.baseURI);
          return (url.protocol === 'http:' || url.protocol === 'https:') && own.has(url.host);
        } catch {
          return false;
        }
      };
      const rasterData = /^data:image\/(png|jpeg|gif|webp|avif|bmp)[;,]/i;
      const describe = (element: Element) => element.outerHTML.slice(0, 160);

      for (const image of document.querySelectorAll('img')) {
        const src = image.getAttribute('src');
        if (src !== null && !isOwnUrl(src) && !rasterData.test(src)) problems.push(`image from a foreign source: ${describe(image)}`);
        if (image.hasAttribute('srcset')) problems.push(`image with srcset: ${describe(image)}`);
        if (image.closest('.platos-message-list') && image.getAttribute('referrerpolicy') !== 'no-referrer') {
          problems.push(`image without referrerpolicy="no-referrer": ${describe(image)}`);
        }
      }
      for (const link of document.querySelectorAll('a[href]')) {
        const href = link.getAttribute('href')!;
        let protocol = '';
        try {
          protocol = new URL(href, document.baseURI).protocol;
        } catch {
          problems.push(`link with an unparsable href: ${describe(link)}`);
          continue;
        }
        if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(`link with scheme ${protocol}: ${describe(link)}`);
        if (link.closest('.platos-message-list')) {
          const rel = (link.getAttribute('rel') ?? '').split(/\s+/);
          for (const needed of ['noopener', 'noreferrer', 'nofollow']) {
            if (!rel.includes(needed)) problems.push(`link without rel ${needed}: ${describe(link)}`);
          }
        }
      }
      for (const link of document.querySelectorAll('link[href]')) {
        if (!isOwnUrl(link.getAttribute('href')!)) problems.push(`<link> to a foreign host: ${describe(link)}`);
      }
      for (const element of document.querySelectorAll('base, meta[http-equiv]')) problems.push(`${element.localName} in the page: ${describe(element)}`);
      for (const element of document.querySelectorAll('#root *')) {
        for (const attribute of element.getAttributeNames()) {
          if (attribute.startsWith('on')) problems.push(`event handler attribute ${attribute}: ${describe(element)}`);
        }
      }
      const list = document.querySelector('.platos-message-list');
      if (list) {
        const active = 'script, object, embed, base, meta, link, style, video, audio, source, picture, form[action], input[type="image"], svg image, svg use';
        for (const element of list.querySelectorAll(active)) problems.push(`active element in a message: ${describe(element)}`);
        for (const element of list.querySelectorAll('[style]')) {
          if (/url\s*\(|image-set\s*\(/i.test(element.getAttribute('style')!)) problems.push(`style with a URL in a message: ${describe(element)}`);
        }
      }
      for (const frame of document.querySelectorAll('iframe')) {
        const sandbox = frame.getAttribute('sandbox');
        if (sandbox === null) {
          problems.push(`frame without sandbox: ${describe(frame)}`);
          continue;
        }
        const tokens = sandbox.split(/\s+/).filter(Boolean);
        for (const token of tokens) {
          if (token !== 'allow-scripts') problems.push(`frame sandbox allows ${token}: ${describe(frame)}`);
        }
        if (!scriptsRan && (tokens.includes('allow-scripts') || frame.getAttribute('data-scripts') !== 'off')) {
          problems.push(`frame runs scripts before it was asked to: ${describe(frame)}`);
        }
        const src = frame.getAttribute('src');
        if (src !== null && !isOwnUrl(src)) problems.push(`frame loads a foreign page: ${describe(frame)}`);
        const srcdoc = frame.getAttribute('srcdoc') ?? '';
        if (/http-equiv\s*=\s*["']?\s*refresh/i.test(srcdoc)) problems.push(`artifact document keeps a meta refresh: ${frame.title}`);
        if (/<base[\s/>]/i.test(srcdoc)) problems.push(`artifact document keeps a <base>: ${frame.title}`);
      }
      return problems;
    },
    { ownOrigins: [...ownOrigins], scriptsRan },
  );
}
