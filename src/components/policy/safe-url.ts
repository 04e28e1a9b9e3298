import { decodeEntities } from '../../text/decode-entities.js';

/** Characters a browser skips in a URL's scheme, or that a reader cannot see: controls, whitespace, format characters. */
const hiddenCharacters = /[\p{Cc}\p{Cf}\p{Z}\s]/gu;

/**
 * A URL from model output as the browser would read it: character references decoded (`&#106;avascript:`), with its
 * scheme worked out after dropping hidden characters (`java\tscript:`, `\u0000`). `scheme` is lowercased, without the
 * colon, and null for relative and protocol-relative addresses.
 */
export function readModelUrl(raw: string): { text: string; scheme: string | null } {
  const text = decodeEntities(raw).trim();
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text.replace(hiddenCharacters, ''))?.[1]?.toLowerCase() ?? null;
  return { text, scheme };
}

/** The parsed URL when its scheme is one of `schemes` both before and after parsing, else null. */
export function parseUrlWithScheme(raw: string, schemes: ReadonlySet<string>): URL | null {
  const { text, scheme } = readModelUrl(raw);
  if (scheme === null || !schemes.has(scheme)) return null;
  try {
    const url = new URL(text);
    return url.protocol === `${scheme}:` ? url : null;
  } catch {
    return null;
  }
}

const linkSchemes: ReadonlySet<string> = new Set(['http', 'https', 'mailto']);

/** The link as a URL if it is an absolute http(s) or mailto address, else null: no javascript:, data: or relative links. */
export function safeLinkUrl(href: string): URL | null {
  return parseUrlWithScheme(href, linkSchemes);
}
