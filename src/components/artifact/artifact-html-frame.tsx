import { useEffect, useLayoutEffect, useMemo, useRef, type ComponentPropsWithoutRef } from 'react';
import { useFrameState } from '../../react/use-frame-state.js';
import { artifactReadyReplyOrigin, artifactSandboxPageUrl } from './artifact-sandbox-page.js';
import { buildArtifactDocument } from './build-artifact-document.js';
import { classNames } from '../shared/class-names.js';

/** Whether the artifact's scripts run in its frame. */
export type ArtifactFrameScripts = 'on' | 'off';

/**
 * Never `allow-same-origin`: the document gets an opaque origin, so its scripts cannot reach the chat's DOM,
 * cookies or storage. No forms, popups, modals or navigation of other frames in either case.
 */
export const artifactHtmlSandbox: Record<ArtifactFrameScripts, string> = { on: 'allow-scripts', off: '' };

/** The page's language, which the frame's document declares too. */
function pageLanguage(): string {
  return (typeof document === 'undefined' ? '' : document.documentElement.lang) || 'en';
}

/** While an artifact streams, the frame reloads at most this often instead of once per delta. */
const reloadIntervalMs = 400;

export interface ArtifactHtmlFrameProps extends Omit<ComponentPropsWithoutRef<'iframe'>, 'children' | 'sandbox' | 'srcDoc' | 'src' | 'title'> {
  html: string;
  title: string;
  /** @default 'off' */
  scripts?: ArtifactFrameScripts;
  /** The app's sandbox origin (see `ContentPolicy.artifactOrigin`); without it the document goes into `srcdoc`. */
  artifactOrigin?: string;
}

/**
 * Renders untrusted HTML in a sandboxed iframe of fixed height that scrolls on its own. The document is rebuilt
 * from a parse (`buildArtifactDocument`), so it makes no request by itself; sandbox and CSP cannot be overridden
 * through props. Changing `scripts` loads a new frame, since a sandbox applies from the next load only.
 */
export function ArtifactHtmlFrame({ html, title, scripts = 'off', artifactOrigin, className, ...rest }: ArtifactHtmlFrameProps) {
  const shownHtml = useThrottledValue(html, reloadIntervalMs);
  const documentHtml = useMemo(
    () => buildArtifactDocument(shownHtml, { title, lang: pageLanguage(), scripts: scripts === 'on' }).html,
    [shownHtml, title, scripts],
  );
  const pageUrl = artifactOrigin === undefined ? null : artifactSandboxPageUrl(artifactOrigin);
  const frameProps = {
    ...rest,
    title,
    referrerPolicy: 'no-referrer',
    'data-scripts': scripts,
    className: classNames('platos-artifact-frame', className),
  } as const;
  if (pageUrl !== null) return <SandboxPageFrame key={documentHtml} {...frameProps} pageUrl={pageUrl} documentHtml={documentHtml} />;
  return <iframe key={scripts} {...frameProps} sandbox={artifactHtmlSandbox[scripts]} srcDoc={documentHtml} />;
}

interface SandboxPageFrameProps extends Omit<ComponentPropsWithoutRef<'iframe'>, 'children' | 'sandbox' | 'srcDoc' | 'src'> {
  pageUrl: string;
  documentHtml: string;
}

/**
 * The sandbox page on the app's own origin, which needs its script to receive the document: `allow-scripts` even
 * when the artifact's are off (then the document's CSP has no `script-src` and its scripts were removed).
 * Mounted once per document, because the page writes one document per load.
 */
function SandboxPageFrame({ pageUrl, documentHtml, ...rest }: SandboxPageFrameProps) {
  const frameRef = useRef<HTMLIFrameElement>(null);
  // A layout effect: listening must start before the frame can load and say it is ready.
  useLayoutEffect(() => {
    const pageOrigin = new URL(pageUrl).origin;
    const onMessage = (event: MessageEvent) => {
      const frameWindow = frameRef.current?.contentWindow;
      const targetOrigin = artifactReadyReplyOrigin(event, frameWindow, pageOrigin);
      if (targetOrigin !== null) frameWindow!.postMessage({ type: 'platos-artifact', html: documentHtml }, targetOrigin);
    };
    window.addEventListener('message', onMessage);
    return () => window.removeEventListener('message', onMessage);
  }, [pageUrl, documentHtml]);
  return <iframe {...rest} ref={frameRef} sandbox="allow-scripts" src={pageUrl} />;
}

/** The first value at once, later ones at most once per `intervalMs`, always ending on the latest. */
function useThrottledValue<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useFrameState(value);
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
  }, [value, shown, intervalMs, setShown]);
  return shown;
}
