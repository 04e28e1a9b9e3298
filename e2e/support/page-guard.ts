import type { BrowserContext, Page, Request } from '@playwright/test';

/** One `securitypolicyviolation` event of the page's own document. */
export interface CspViolation {
  directive: string;
  blockedURI: string;
  sourceFile: string;
  line: number;
  sample: string;
}

declare global {
  interface Window {
    __cspViolations?: CspViolation[];
    __platosPwned?: unknown;
  }
}

export interface ForeignRequest {
  url: string;
  frame: 'page' | 'frame';
  /** `request.failure()`, once known: the route's abort, the CSP, or null if it went through. */
  failure: string | null;
}

/** A request as one line: its URL, where it came from, how it ended. */
export const describeRequest = (request: ForeignRequest) => `${request.url} (${request.frame}, ${request.failure ?? 'sent'})`;

/** What a page did that model output must never make it do. */
export interface PageGuard {
  /**
   * Requests of the page or any of its frames to a host that is not one of the app's, from `page.on('request')`, with
   * how they failed: Chromium reports a request its CSP blocked too (`net::ERR_BLOCKED_BY_CSP`), which never left the
   * browser but shows that nothing before the CSP stopped it.
   */
  readonly foreignRequests: ForeignRequest[];
  /** Foreign requests that reached the context route, which aborts them so nothing leaves the machine. */
  readonly abortedRequests: string[];
  /** WebSockets opened to a foreign host. */
  readonly foreignSockets: string[];
  /** Requests to the app's own origins, for the record (a leak to an own host is judged by the test). */
  readonly ownRequests: string[];
  readonly dialogs: string[];
  readonly popups: string[];
  /** Navigations of the main frame after `markLoaded()`. */
  readonly pageNavigations: string[];
  /** Every URL a child frame navigated to. */
  readonly frameNavigations: string[];
  /** From now on, any navigation of the main frame counts. */
  markLoaded(): void;
  /** CSP violations reported in the page's own document (not in its frames). */
  cspViolations(): Promise<CspViolation[]>;
  isOwn(url: string): boolean;
}

const networkSchemes = new Set(['http:', 'https:', 'ws:', 'wss:']);

/**
 * Watches a page for anything that leaves the app: every request (frames included) is sorted into own and foreign,
 * and a context route aborts the foreign ones; dialogs are dismissed and popups closed, both recorded; main-frame
 * navigations after load and every frame navigation are recorded; CSP violations of the top document are collected
 * by an init script. Call before `page.goto`.
 */
export async function guardPage(page: Page, context: BrowserContext, ownOrigins: readonly string[]): Promise<PageGuard> {
  const own = new Set(ownOrigins.map((origin) => new URL(origin).host));
  const isNetwork = (url: string) => networkSchemes.has(new URL(url).protocol);
  const isOwn = (url: string) => !isNetwork(url) || own.has(new URL(url).host);
  const guard = {
    foreignRequests: [] as ForeignRequest[],
    abortedRequests: [] as string[],
    foreignSockets: [] as string[],
    ownRequests: [] as string[],
    dialogs: [] as string[],
    popups: [] as string[],
    pageNavigations: [] as string[],
    frameNavigations: [] as string[],
  };
  let loaded = false;

  await context.route('**/*', async (route) => {
    const url = route.request().url();
    if (isOwn(url)) return route.fallback();
    guard.abortedRequests.push(url);
    return route.abort('blockedbyclient');
  });
  const pending = new Map<Request, ForeignRequest>();
  page.on('request', (request) => {
    const url = request.url();
    if (!isNetwork(url)) return;
    if (isOwn(url)) {
      guard.ownRequests.push(url);
      return;
    }
    const foreign: ForeignRequest = { url, frame: request.frame() === page.mainFrame() ? 'page' : 'frame', failure: null };
    guard.foreignRequests.push(foreign);
    pending.set(request, foreign);
  });
  page.on('requestfailed', (request) => {
    const foreign = pending.get(request);
    if (foreign) foreign.failure = request.failure()?.errorText ?? 'failed';
  });
  page.on('websocket', (socket) => {
    if (!isOwn(socket.url())) guard.foreignSockets.push(socket.url());
  });
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => {});
  });
  page.on('popup', (popup) => {
    guard.popups.push(popup.url());
    void popup.close().catch(() => {});
  });
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) {
      if (loaded) guard.pageNavigations.push(frame.url());
    } else {
      guard.frameNavigations.push(frame.url());
    }
  });
  // Init scripts run in every frame, before the page's own scripts and whatever its CSP says; only the top document
  // records, since violations inside artifact frames are the sandbox doing its job.
  await page.addInitScript(() => {
    if (window.top !== window) return;
    const violations: CspViolation[] = [];
    Object.defineProperty(window, '__cspViolations', { value: violations });
    document.addEventListener('securitypolicyviolation', (event) => {
      violations.push({
        directive: event.effectiveDirective,
        blockedURI: event.blockedURI,
        sourceFile: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
      });
    });
  });

  return {
    ...guard,
    markLoaded() {
      loaded = true;
    },
    cspViolations: () => page.evaluate(() => [...(window.__cspViolations ?? [])]),
    isOwn,
  };
}
