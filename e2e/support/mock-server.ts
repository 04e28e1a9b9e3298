import { expect, type APIRequestContext } from '@playwright/test';
import type { HistoryResponse } from '../../src/protocol/index.js';

/** Token the demo uses by default; the mock server accepts it. */
export const DEV_TOKEN = 'dev-token';

/** `POST /__faults/expire-replay`: from now on a resume that needs any event stored so far gets `resumed: false`. */
export async function expireReplay(request: APIRequestContext, serverUrl: string): Promise<void> {
  const response = await request.post(`${serverUrl}/__faults/expire-replay`);
  expect(response.status(), `POST ${serverUrl}/__faults/expire-replay`).toBe(200);
  const body = (await response.json()) as { stats: Record<string, number> };
  expect(body.stats['expire-replay']).toBeGreaterThanOrEqual(1);
}

/** The thread's history as the server has it now. */
export async function threadHistory(request: APIRequestContext, serverUrl: string, threadId: string): Promise<HistoryResponse> {
  const response = await request.get(`${serverUrl}/api/threads/${encodeURIComponent(threadId)}/messages`, {
    headers: { authorization: `Bearer ${DEV_TOKEN}` },
  });
  expect(response.status()).toBe(200);
  return (await response.json()) as HistoryResponse;
}

/** The states of the approvals in the thread's history, in order. */
export async function historyApprovalStates(request: APIRequestContext, serverUrl: string, threadId: string): Promise<string[]> {
  const history = await threadHistory(request, serverUrl, threadId);
  return history.messages.flatMap((message) =>
    message.role === 'assistant' ? message.parts.flatMap((part) => (part.type === 'approval' ? [part.approval.state] : [])) : [],
  );
}
