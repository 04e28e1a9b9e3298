import type { IncomingMessage, ServerResponse } from 'node:http';

/** Exact origins (`https://host:port`), or a test of one origin. */
export type AllowedOrigins = readonly string[] | ((origin: string) => boolean);

const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The demo, Storybook and tests run on some localhost port; any of them may call the mock server. */
export function isLocalOrigin(origin: string | undefined): boolean {
  return origin !== undefined && localOrigin.test(origin);
}

/** Turns the `allowedOrigins` option into a test of one origin. */
export function originMatcher(allowed: AllowedOrigins): (origin: string) => boolean {
  if (typeof allowed === 'function') return allowed;
  const exact = new Set(allowed);
  return (origin) => exact.has(origin);
}

/** Lets a page on an accepted origin read the response; other origins get no CORS headers. */
export function allowCorsOrigin(request: IncomingMessage, response: ServerResponse, accepts: (origin: string) => boolean = isLocalOrigin): void {
  const origin = request.headers.origin;
  if (origin === undefined || !accepts(origin)) return;
  response.setHeader('Access-Control-Allow-Origin', origin);
  response.setHeader('Vary', 'Origin');
}
