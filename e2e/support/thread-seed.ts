import { expect, type APIRequestContext } from '@playwright/test';

/** The mock server the demo talks to; Playwright's webServer sets the port from its "listening on" line. */
export function mockServerUrl(): string {
  const port = process.env.VITE_PLATOS_MOCK_PORT;
  if (!port) throw new Error('VITE_PLATOS_MOCK_PORT is not set: run the spec through playwright.config.ts');
  return `http://127.0.0.1:${port}`;
}

/** `POST /__threads/seed`: the thread gets `turns` finished turns, "Seeded question N" answered "Seeded answer N.". */
export async function seedThread(request: APIRequestContext, threadId: string, turns: number): Promise<{ messages: number; lastEventId: string }> {
  const response = await request.post(`${mockServerUrl()}/__threads/seed`, { data: { threadId, turns } });
  expect(response.status(), `POST /__threads/seed ${threadId}`).toBe(200);
  return (await response.json()) as { messages: number; lastEventId: string };
}
