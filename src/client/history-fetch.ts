import * as v from 'valibot';
import type { HistoryResponse } from '../protocol';
import { PlatosClientError } from './client-error';

const historyShape = v.object({
  threadId: v.string(),
  lastEventId: v.nullable(v.string()),
  messages: v.array(
    v.looseObject({ id: v.string(), role: v.picklist(['user', 'assistant']), turnId: v.string() }),
  ),
});

export interface HistoryFetchOptions {
  baseUrl: string;
  agentId: string;
  threadId: string;
  token: string;
  fetch: typeof fetch;
  signal?: AbortSignal;
}

/** `GET /api/threads/:threadId/messages`, validated at the boundary. */
export async function fetchHistory(options: HistoryFetchOptions): Promise<HistoryResponse> {
  const url = new URL(`/api/threads/${encodeURIComponent(options.threadId)}/messages`, options.baseUrl);
  url.searchParams.set('agentId', options.agentId);
  let response: Response;
  try {
    response = await options.fetch(url, {
      headers: { authorization: `Bearer ${options.token}`, accept: 'application/json' },
      signal: options.signal,
    });
  } catch (error) {
    throw new PlatosClientError('history_unreachable', `History request failed: ${(error as Error).message}`);
  }
  if (response.status === 401) throw new PlatosClientError('unauthorized', 'History request was not authorized');
  if (!response.ok) throw new PlatosClientError('history_failed', `History request failed with HTTP ${response.status}`);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = v.safeParse(historyShape, body);
  if (!parsed.success) throw new PlatosClientError('history_malformed', `History response is malformed: ${parsed.issues[0].message}`);
  return body as HistoryResponse;
}
