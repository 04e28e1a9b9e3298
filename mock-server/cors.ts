import type { IncomingMessage, ServerResponse } from 'node:http';

const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The demo, Storybook and tests run on some localhost port; any of them may call the mock server. */
export function isLocalOrigin(origin: string | undefined): boolean {
  return origin !== undefined && localOrigin.test(origin);
}

/** Lets a page on a local origin read the response; other origins get no CORS headers. */
export function allowLocalOrigin(request: IncomingMessage, response: ServerResponse): void {
  const origin = request.headers.origin;
  if (!isLocalOrigin(origin)) return;
  response.setHeader('Access-Control-Allow-Origin', origin as string);
  response.setHeader('Vary', 'Origin');
}
