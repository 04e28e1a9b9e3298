import { defaultFrameLimits, parseHistoryResponse, type FrameLimits, type HistoryResponse } from '../protocol/index.js';
import { PlatosClientError } from './client-error.js';

export interface HistoryFetchOptions {
  baseUrl: string;
  agentId: string;
  threadId: string;
  token: string;
  fetch: typeof fetch;
  signal?: AbortSignal;
  /** Fails the request with `timeout` after this long, body included. */
  timeoutMs?: number;
  /** @default defaultFrameLimits */
  limits?: FrameLimits;
}

/**
 * `GET /api/threads/:threadId/messages`, held to the same limits and contract as live frames: the body is read up
 * to `limits.historyBytes`, then walked and validated in full.
 */
export async function fetchHistory(options: HistoryFetchOptions): Promise<HistoryResponse> {
  const limits = options.limits ?? defaultFrameLimits;
  const url = new URL(`/api/threads/${encodeURIComponent(options.threadId)}/messages`, options.baseUrl);
  url.searchParams.set('agentId', options.agentId);
  const body = await fetchBoundedJson(url, { ...options, maxBytes: limits.historyBytes }, historyNames);
  const parsed = parseHistoryResponse(body, limits);
  if (!parsed.ok) throw malformed(historyNames, `${parsed.reason}: ${parsed.detail}`);
  if (parsed.history.threadId !== options.threadId) throw malformed(historyNames, `invalid: threadId: the history of another thread`);
  return parsed.history;
}

/** How a JSON endpoint's failures are named: `${code}_unreachable`, `${code}_failed`, `${code}_malformed`. */
export interface EndpointNames {
  code: string;
  what: string;
}

const historyNames: EndpointNames = { code: 'history', what: 'History' };

/**
 * GETs `url` with the bearer token and parses the body as JSON, reading at most `maxBytes` of it, all within
 * `timeoutMs` if given. Failures are `PlatosClientError`s named after the endpoint.
 */
export async function fetchBoundedJson(
  url: URL,
  options: { token: string; fetch: typeof fetch; signal?: AbortSignal; timeoutMs?: number; maxBytes: number },
  names: EndpointNames,
): Promise<unknown> {
  const { timeoutMs } = options;
  if (timeoutMs === undefined) return requestBoundedJson(url, options, options.signal, names);
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(new PlatosClientError('timeout', `${names.what} took over ${timeoutMs} ms`)), timeoutMs);
  try {
    return await requestBoundedJson(url, options, options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal, names);
  } finally {
    clearTimeout(timer);
  }
}

async function requestBoundedJson(
  url: URL,
  options: { token: string; fetch: typeof fetch; maxBytes: number },
  signal: AbortSignal | undefined,
  names: EndpointNames,
): Promise<unknown> {
  let response: Response;
  try {
    response = await options.fetch(url, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
      signal,
    });
  } catch (error) {
    throw new PlatosClientError(`${names.code}_unreachable`, `${names.what} request failed: ${(error as Error).message}`);
  }
  if (response.status === 401) throw new PlatosClientError('unauthorized', `${names.what} request was not authorized`);
  if (!response.ok) throw new PlatosClientError(`${names.code}_failed`, `${names.what} request failed with HTTP ${response.status}`);
  const text = await readBoundedText(response, options.maxBytes, names);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw malformed(names, 'invalid: the body is not JSON');
  }
}

export const malformed = (names: EndpointNames, reason: string) =>
  new PlatosClientError(`${names.code}_malformed`, `${names.what} response is malformed: ${reason}`);

/** Reads the body as UTF-8 text, failing as soon as it grows past `maxBytes` instead of buffering all of it. */
async function readBoundedText(response: Response, maxBytes: number, names: EndpointNames): Promise<string> {
  const tooLarge = () => malformed(names, `too-large: the body is over ${maxBytes} bytes`);
  const declared = Number(response.headers.get('content-length'));
  if (declared > maxBytes) {
    void response.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  try {
    if (!response.body) return checkedLength(await response.text());
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let received = 0;
    let text = '';
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return text + decoder.decode();
      received += value.byteLength;
      if (received > maxBytes) {
        void reader.cancel().catch(() => {});
        throw tooLarge();
      }
      text += decoder.decode(value, { stream: true });
    }
  } catch (error) {
    if (error instanceof PlatosClientError) throw error;
    throw new PlatosClientError(`${names.code}_unreachable`, `${names.what} response could not be read: ${(error as Error).message}`);
  }

  function checkedLength(text: string): string {
    if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLarge();
    return text;
  }
}
