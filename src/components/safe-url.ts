const linkProtocols = new Set(['http:', 'https:', 'mailto:']);

function parseAbsolute(href: string): URL | null {
  try {
    return new URL(href.trim());
  } catch {
    return null;
  }
}

/** The href if it is an absolute http(s) or mailto address, else null: no javascript:, data: or relative links. */
export function safeLinkHref(href: string): string | null {
  const url = parseAbsolute(href);
  return url && linkProtocols.has(url.protocol) ? url.href : null;
}

/** The src if it is an https address or a data:image URL, else null. */
export function safeImageSrc(src: string): string | null {
  const trimmed = src.trim();
  if (/^data:image\/(png|jpeg|gif|webp|avif|bmp);/i.test(trimmed)) return trimmed;
  const url = parseAbsolute(trimmed);
  return url?.protocol === 'https:' ? url.href : null;
}
