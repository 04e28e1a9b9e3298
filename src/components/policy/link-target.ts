import { safeLinkUrl } from './safe-url.js';

/** Where a link from model output goes, as a reader should see it. */
export interface LinkTarget {
  url: URL;
  /** The host (with a port if any) of a web link, the address of a mailto: link. */
  shown: string;
  /** Whether the link's text already names `shown`; if not, the real target is shown beside it. */
  textNamesTarget: boolean;
}

function mailAddress(url: URL): string {
  try {
    return decodeURIComponent(url.pathname).toLowerCase();
  } catch {
    return url.pathname.toLowerCase();
  }
}

function comparableHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
}

/** The host a link text names when it reads as an address (`bank.com`, `https://bank.com/login`), else null. */
function hostNamedBy(text: string): string | null {
  const candidate = text.trim();
  if (!candidate || /\s/.test(candidate)) return null;
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:/i.test(candidate) ? candidate : `https://${candidate}`);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.host : null;
  } catch {
    return null;
  }
}

/**
 * Reads a link from model output: null unless it is an http(s) or mailto address; otherwise its URL, the target to
 * show, and whether `text` (the link's plain text) names that target. Hosts compare as the URL parser writes them,
 * so a lookalike in other scripts never matches the punycode host it goes to.
 */
export function readLinkTarget(href: string, text: string): LinkTarget | null {
  const url = safeLinkUrl(href);
  if (url === null) return null;
  if (url.protocol === 'mailto:') {
    const shown = mailAddress(url);
    const written = text.trim().toLowerCase().replace(/^mailto:/, '');
    return { url, shown, textNamesTarget: written === shown };
  }
  const named = hostNamedBy(text);
  return { url, shown: url.host, textNamesTarget: named !== null && comparableHost(named) === comparableHost(url.host) };
}
