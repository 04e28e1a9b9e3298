// @ts-expect-error jsdom ships no types (and @types/jsdom is not installed); only its constructor is used.
import { JSDOM as UntypedJsdom } from 'jsdom';
import { describe, expect, it, vi } from 'vitest';
import { artifactReadyReplyOrigin, artifactSandboxPageHtml, artifactSandboxPageUrl } from './artifact-sandbox-page.js';

interface JsdomOptions {
  runScripts: 'dangerously';
  url: string;
}
const Jsdom = UntypedJsdom as new (html: string, options: JsdomOptions) => { window: Window & typeof globalThis };

/**
 * The sandbox page running in a frame of an app page. The test environment's own window runs no scripts, so this
 * is a separate jsdom that does; its postMessage sets no source, so messages to the page are dispatched.
 */
function loadSandboxPage() {
  const app = new Jsdom('<!doctype html><iframe></iframe>', { runScripts: 'dangerously', url: 'https://app.example/' });
  const postToApp = vi.fn();
  app.window.postMessage = postToApp;
  const frameWindow = app.window.document.querySelector('iframe')!.contentWindow! as Window & typeof globalThis;
  frameWindow.document.open();
  frameWindow.document.write(artifactSandboxPageHtml);
  frameWindow.document.close();
  const send = (data: unknown, source: unknown) => frameWindow.dispatchEvent(new frameWindow.MessageEvent('message', { data, source: source as Window }));
  return { app: app.window, frameWindow, postToApp, send };
}

describe('artifactSandboxPageHtml', () => {
  it('says it is ready to its parent, then writes the first document its parent sends, once', () => {
    const { app, frameWindow, postToApp, send } = loadSandboxPage();
    expect(postToApp).toHaveBeenCalledWith({ type: 'platos-artifact-ready' }, '*');

    send({ type: 'platos-artifact', html: '<p>from elsewhere</p>' }, frameWindow);
    send({ type: 'platos-artifact', html: '<p>from elsewhere</p>' }, null);
    send({ type: 'other', html: '<p>wrong type</p>' }, app);
    send({ type: 'platos-artifact', html: 42 }, app);
    expect(frameWindow.document.body.textContent!.trim()).toBe('');
    expect(frameWindow.document.title).toBe('Artifact');

    send({ type: 'platos-artifact', html: '<!doctype html><html><head><title>Chart</title></head><body><p>written</p></body></html>' }, app);
    expect(frameWindow.document.title).toBe('Chart');
    expect(frameWindow.document.body.innerHTML).toBe('<p>written</p>');
    send({ type: 'platos-artifact', html: '<p>second</p>' }, app);
    expect(frameWindow.document.body.innerHTML).toBe('<p>written</p>');
  });
});

describe('artifactSandboxPageUrl', () => {
  it('appends /platos-artifact.html to a bare origin and keeps a URL with a path', () => {
    expect(artifactSandboxPageUrl('https://sandbox.example-usercontent.com')).toBe('https://sandbox.example-usercontent.com/platos-artifact.html');
    expect(artifactSandboxPageUrl('https://sandbox.example-usercontent.com/')).toBe('https://sandbox.example-usercontent.com/platos-artifact.html');
    expect(artifactSandboxPageUrl('https://sandbox.example-usercontent.com/chat/frame.html')).toBe('https://sandbox.example-usercontent.com/chat/frame.html');
    expect(artifactSandboxPageUrl('javascript:alert(1)')).toBeNull();
    expect(artifactSandboxPageUrl('sandbox.example.com')).toBeNull();
  });
});

describe('artifactReadyReplyOrigin', () => {
  const frameWindow = {} as Window;
  const ready = { type: 'platos-artifact-ready' };
  const origin = 'https://sandbox.example-usercontent.com';

  it('answers only the frame window, with * to an opaque origin and the exact origin otherwise', () => {
    expect(artifactReadyReplyOrigin({ data: ready, origin: 'null', source: frameWindow }, frameWindow, origin)).toBe('*');
    expect(artifactReadyReplyOrigin({ data: ready, origin, source: frameWindow }, frameWindow, origin)).toBe(origin);
    expect(artifactReadyReplyOrigin({ data: ready, origin: 'https://attacker.example', source: frameWindow }, frameWindow, origin)).toBeNull();
    expect(artifactReadyReplyOrigin({ data: ready, origin: 'null', source: {} as Window }, frameWindow, origin)).toBeNull();
    expect(artifactReadyReplyOrigin({ data: ready, origin: 'null', source: null }, null, origin)).toBeNull();
    expect(artifactReadyReplyOrigin({ data: { type: 'other' }, origin: 'null', source: frameWindow }, frameWindow, origin)).toBeNull();
    expect(artifactReadyReplyOrigin({ data: null, origin: 'null', source: frameWindow }, frameWindow, origin)).toBeNull();
  });
});
