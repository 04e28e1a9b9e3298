import { http, HttpResponse } from 'msw';
import { ENTITIES_PATH } from '../../src/protocol/index.js';
import { MOCK_OWNER, type MockWorld } from './mock-world.js';

export interface MockEntitiesOptions {
  baseUrl: string;
  world(): MockWorld;
  tokens: ReadonlySet<string>;
}

/** `GET /api/connections/entities?sessionId=...`, answered by the service worker from the mock's gateway. */
export function mockEntitiesHandler({ baseUrl, world, tokens }: MockEntitiesOptions) {
  return http.get(`${baseUrl}${ENTITIES_PATH}`, ({ request }) => {
    const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
    if (!token || !tokens.has(token)) {
      return HttpResponse.json({ error: { code: 'unauthorized', message: 'A valid bearer token is required.' } }, { status: 401 });
    }
    const sessionId = new URL(request.url).searchParams.get('sessionId') || null;
    return HttpResponse.json(world().gateway.entities(MOCK_OWNER, sessionId), { headers: { 'Cache-Control': 'no-store' } });
  });
}
