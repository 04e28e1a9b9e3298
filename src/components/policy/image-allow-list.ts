import { parseUrlWithScheme, readModelUrl } from './safe-url.js';

/** Where images may load from: URL prefixes (`'https://cdn.example.com/img/'`) or a function of the parsed URL. */
export type ImageAllow = readonly string[] | ((url: URL) => boolean);

/**
 * What an image address from model output may do. `allowed`: load it. `blocked`: an http(s) image from a host the app
 * did not allow; it loads only once the user asks. `unsafe`: never loads (script, SVG, blob, relative addresses).
 */
export type ImageSource =
  | { readonly verdict: 'allowed'; readonly src: string }
  | { readonly verdict: 'blocked'; readonly src: string; readonly origin: string; readonly host: string }
  | { readonly verdict: 'unsafe' };

interface AllowedPrefix {
  readonly origin: string;
  readonly pathname: string;
}

const rasterDataImage = /^data:image\/(png|jpeg|gif|webp|avif|bmp)[;,]/i;
const webSchemes: ReadonlySet<string> = new Set(['http', 'https']);
// Servers that decode these before routing would walk out of an allowed path prefix (`/img/..%2fapi`).
const encodedPathSeparator = /%2e|%2f|%5c/i;

/**
 * Reads one allow-list entry: a whole http(s) origin plus a path ending in `/`, written as the URL parser writes it.
 * Throws on anything else, so a mistyped policy fails when it is built rather than letting too much through.
 */
export function parseImageAllowEntry(entry: string): AllowedPrefix {
  let url: URL;
  try {
    url = new URL(entry);
  } catch {
    throw new Error(`Image allow-list entry "${entry}" is not an absolute URL; write an origin and a path ending in "/", like "https://cdn.example.com/img/".`);
  }
  const problem =
    url.protocol !== 'https:' && url.protocol !== 'http:'
      ? 'must be an http: or https: address'
      : url.username || url.password || url.search || url.hash || entry.includes('?') || entry.includes('#')
        ? 'must not have credentials, a query or a fragment'
        : !entry.endsWith('/')
          ? 'must end in "/" (a path prefix, like "https://cdn.example.com/img/")'
          : url.href !== entry
            ? `is not written as the URL parser writes it; use "${url.href}"`
            : null;
  if (problem) throw new Error(`Image allow-list entry "${entry}" ${problem}.`);
  return { origin: url.origin, pathname: url.pathname };
}

/** A test of parsed http(s) image URLs against an allow list; throws once, here, on an invalid entry. */
export function compileImageAllowList(allow: ImageAllow = []): (url: URL) => boolean {
  if (typeof allow === 'function') return (url) => allow(new URL(url.href)) === true;
  const prefixes = allow.map(parseImageAllowEntry);
  if (prefixes.length === 0) return () => false;
  return (url) =>
    !url.username &&
    !url.password &&
    !encodedPathSeparator.test(url.pathname) &&
    prefixes.some((prefix) => url.origin === prefix.origin && url.pathname.startsWith(prefix.pathname));
}

/** What an image address from model output may do, given the app's allow test (see `ImageSource`). */
export function classifyImageSource(src: string, isAllowed: (url: URL) => boolean): ImageSource {
  const { text } = readModelUrl(src);
  if (rasterDataImage.test(text)) return { verdict: 'allowed', src: text };
  const url = parseUrlWithScheme(src, webSchemes);
  if (url === null || url.username || url.password) return { verdict: 'unsafe' };
  if (isAllowed(url)) return { verdict: 'allowed', src: url.href };
  return { verdict: 'blocked', src: url.href, origin: url.origin, host: url.host };
}

/**
 * Whether an image address may load under an allow list without asking the user: raster `data:image/*` always,
 * http(s) only below an allowed prefix.
 * @example
 * isImageUrlAllowed('https://cdn.example.com/img/a.png', ['https://cdn.example.com/img/']) // true
 */
export function isImageUrlAllowed(src: string, allow: ImageAllow = []): boolean {
  return classifyImageSource(src, compileImageAllowList(allow)).verdict === 'allowed';
}
