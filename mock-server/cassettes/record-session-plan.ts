import { createPlatosClient } from '../../src/client/create-platos-client.js';
import { recordSession } from '../../src/client/record-session.js';
import type { Cassette } from '../../src/protocol/cassette.js';
import { createMockServer } from '../create-mock-server.js';
import { playMessages, type PlayMessagesOptions } from './play-messages.js';
import { scenarioOfPlan, type SessionPlan } from './sessions/session-plan.js';

export interface RecordPlanOptions {
  /** The mock server's speed; the recording's clock runs this many times faster too, so `at` keeps the scenarios' own pace. */
  speed: number;
  decisions?: PlayMessagesOptions['decisions'];
}

/** How long the user takes, in the scenarios' time: to answer an approval, and to write the next message. */
const thinkingMs = { approval: 1_500, 'next-message': 2_000 };
const token = 'recording';

/**
 * Plays the plan against a mock server in this process, from a real client whose session `recordSession` records,
 * and returns the cassette.
 */
export async function recordSessionPlan(plan: SessionPlan, options: RecordPlanOptions): Promise<Cassette> {
  const { speed } = options;
  if (!(speed >= 1)) throw new Error(`Record at a speed of at least 1, got ${speed}`);
  const server = await createMockServer({ port: 0, tokens: [token], speed, ...(plan.scenarios ? { scenarioFor: scenarioOfPlan(plan.scenarios) } : {}) });
  // Without batches every event arrives on its own, so each frame's `at` is its own arrival time.
  const client = createPlatosClient({ url: server.url, token, transports: ['websocket'], network: null, batchFrames: false });
  const startedAt = Date.now();
  const recording = recordSession(client, { now: () => startedAt + (Date.now() - startedAt) * speed });
  try {
    await playMessages(client, plan.threadId, plan.messages, {
      ...(options.decisions ? { decisions: options.decisions } : {}),
      think: (what) => new Promise((resolve) => setTimeout(resolve, thinkingMs[what] / speed)),
    });
    return recording.stop();
  } finally {
    client.close();
    await server.close();
  }
}
