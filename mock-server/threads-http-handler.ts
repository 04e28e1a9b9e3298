import type { IncomingMessage, ServerResponse } from 'node:http';
import * as v from 'valibot';
import type { ThreadStore } from '../src/testing/agent/thread-store.js';
import { guardLocalSwitch } from './guard-local-switch.js';
import { errorBody, readJsonBody, sendJson } from './http-json.js';
import { seedThread } from './seed-thread.js';

const maxSeededTurns = 5_000;

const seedBodySchema = v.strictObject({
  threadId: v.pipe(v.string(), v.minLength(1)),
  turns: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(maxSeededTurns)),
  agentId: v.optional(v.pipe(v.string(), v.minLength(1))),
});

export const isThreadsSwitchPath = (url: string | undefined) => /^\/__threads(\/|\?|$)/.test(url ?? '');

/**
 * Serves `POST /__threads/seed` with `{ "threadId": "...", "turns": N, "agentId"?: "..." }`: fills a thread that has
 * no events yet with N short finished turns (see `seedThread`), so a browser test can open a long thread at once.
 * Local callers only, like `/__faults`.
 */
export function createThreadsHttpHandler(store: ThreadStore) {
  return async (request: IncomingMessage, response: ServerResponse) => {
    if (guardLocalSwitch(request, response, { name: 'The thread seeder', methods: 'POST' }) === 'answered') return;
    const route = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://mock.local').pathname}`;
    if (route !== 'POST /__threads/seed') return sendJson(response, 404, errorBody('not_found', `No ${route}.`));
    const body = await readJsonBody(request);
    if (!body.ok) return sendJson(response, body.status, errorBody(body.code, body.message));
    const parsed = v.safeParse(seedBodySchema, body.json);
    if (!parsed.success) {
      return sendJson(response, 400, errorBody('invalid_request', `The body must be { "threadId": "<id>", "turns": <1..${maxSeededTurns}>, "agentId"?: "<id>" }.`));
    }
    const { threadId, turns, agentId = 'default' } = parsed.output;
    const thread = store.thread(agentId, threadId);
    if (thread.log.length > 0) return sendJson(response, 409, errorBody('thread_not_empty', `Thread ${threadId} already has events.`));
    const seeded = seedThread(store, thread, turns);
    return sendJson(response, 200, { agentId, threadId, ...seeded });
  };
}
