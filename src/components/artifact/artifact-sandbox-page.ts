/** The path the sandbox page is expected at when `artifactOrigin` is a bare origin. */
export const artifactSandboxPagePath = '/platos-artifact.html';

/**
 * The page an app serves on its own sandbox origin (`artifactOrigin`), as a static file with no CSP of its own
 * that restricts scripts (a written document keeps the page's policies, so they would block the artifact's
 * scripts too); `Content-Security-Policy: frame-ancestors <app origin>` is worth sending. Once loaded in a frame it
 * tells its parent `{ type: 'platos-artifact-ready' }`, then writes the first `{ type: 'platos-artifact', html }`
 * that comes from its parent window (`event.source === parent`; the parent is the only window that can send as
 * that source) over itself with `document.open/write/close`. Writing ends its listeners, so it writes one document
 * per load; the frame is reloaded for the next one.
 * @example
 * // Express, on the sandbox host only
 * app.get('/platos-artifact.html', (request, response) => response.type('html').send(artifactSandboxPageHtml));
 */
export const artifactSandboxPageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="referrer" content="no-referrer">
<title>Artifact</title>
<script>
addEventListener('message', function receive(event) {
  var data = event.data;
  if (event.source !== parent || parent === window) return;
  if (!data || data.type !== 'platos-artifact' || typeof data.html !== 'string') return;
  removeEventListener('message', receive);
  document.open();
  document.write(data.html);
  document.close();
});
if (parent !== window) parent.postMessage({ type: 'platos-artifact-ready' }, '*');
</script>
</head>
<body></body>
</html>
`;

/**
 * The sandbox page's URL for an `artifactOrigin`: the URL itself when it has a path other than `/`
 * (`https://sandbox.example-usercontent.com/chat/artifact.html`), else that origin plus `/platos-artifact.html`.
 * `null` when it is not an absolute http(s) or blob URL.
 */
export function artifactSandboxPageUrl(artifactOrigin: string): string | null {
  let url: URL;
  try {
    url = new URL(artifactOrigin);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:' && url.protocol !== 'blob:') return null;
  if (url.protocol === 'blob:' || (url.pathname !== '/' && url.pathname !== '')) return url.href;
  return `${url.origin}${artifactSandboxPagePath}`;
}

/**
 * Whether a message is the sandbox page's ready signal, and if so the `targetOrigin` to send the document with.
 * The sender must be the frame's own window. Its origin must be the sandbox page's origin or `"null"`: the frame is
 * sandboxed without `allow-same-origin`, so its document has an opaque origin, posts as `"null"`, and can only be
 * reached with `targetOrigin: '*'`. That is safe here because the reply goes to the window that just proved to be
 * the frame, at once, and the frame holds nothing but the page that asked.
 */
export function artifactReadyReplyOrigin(
  event: Pick<MessageEvent, 'data' | 'origin' | 'source'>,
  frameWindow: Window | null | undefined,
  pageOrigin: string,
): string | null {
  if (!frameWindow || event.source !== frameWindow) return null;
  const data = event.data as { type?: unknown } | null;
  if (typeof data !== 'object' || data === null || data.type !== 'platos-artifact-ready') return null;
  if (event.origin === 'null') return '*';
  return event.origin === pageOrigin ? pageOrigin : null;
}
