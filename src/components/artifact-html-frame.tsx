import { useEffect, useRef, useState, type ComponentProps } from 'react';
import { classNames } from './class-names';

/** Scripts and styles inline in the document only; no network, no frames, no plugins, images only as data: URLs. */
export const artifactHtmlCsp = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

/**
 * `allow-scripts` without `allow-same-origin`: the document gets an opaque origin, so its scripts
 * cannot reach the chat's DOM, cookies or storage; no forms, popups or top navigation either.
 */
export const artifactHtmlSandbox = 'allow-scripts';

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => htmlEscapes[character]!);

/**
 * The artifact's HTML in a document whose first element is the CSP, so it applies before any of
 * the artifact's markup. The title and language are the chat's, escaped.
 */
export function artifactSrcDoc(html: string, { title, lang }: { title: string; lang: string }): string {
  return `<!doctype html><html lang="${escapeHtml(lang)}"><head><meta http-equiv="Content-Security-Policy" content="${artifactHtmlCsp}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body>${html}</body></html>`;
}

/** The page's language, which the frame's document declares too. */
function pageLanguage(): string {
  return (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'en';
}

/** While an artifact streams, the frame reloads at most this often instead of once per delta. */
const reloadIntervalMs = 400;

export interface ArtifactHtmlFrameProps extends Omit<ComponentProps<'iframe'>, 'children' | 'sandbox' | 'srcDoc' | 'src' | 'title'> {
  html: string;
  title: string;
}

/**
 * Renders untrusted HTML in a sandboxed iframe of fixed height that scrolls on its own. The
 * sandbox and CSP cannot be overridden through props.
 */
export function ArtifactHtmlFrame({ html, title, className, ...rest }: ArtifactHtmlFrameProps) {
  const srcDoc = useThrottledValue(artifactSrcDoc(html, { title, lang: pageLanguage() }), reloadIntervalMs);
  return (
    <iframe
      {...rest}
      title={title}
      sandbox={artifactHtmlSandbox}
      srcDoc={srcDoc}
      referrerPolicy="no-referrer"
      className={classNames('platos-artifact-frame', className)}
    />
  );
}

/** The first value at once, later ones at most once per `intervalMs`, always ending on the latest. */
function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const lastShownAt = useRef(0);
  useEffect(() => {
    if (Object.is(value, shown)) return;
    const wait = lastShownAt.current + intervalMs - Date.now();
    const show = () => {
      lastShownAt.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, shown, intervalMs]);
  return shown;
}
