import type { Ack } from '../../src/protocol/index.js';
import { runCommand } from '../../src/testing/agent/command-handlers.js';
import { MOCK_OWNER, type MockSubscriber, type MockWorld } from './mock-world.js';
import { turnRunnerFor } from './play-turn.js';

const replayWindowMs = 30_000;

/** Runs one client command with the mock server's own handlers; this connection's live audience is `threadIds`. */
export function runMockCommand(world: MockWorld, subscriber: MockSubscriber, name: string, payload: unknown): Ack {
  return runCommand(
    {
      agentId: subscriber.agentId,
      owner: MOCK_OWNER,
      store: world.store,
      approvals: world.approvals,
      turnRunner: turnRunnerFor(world),
      replayWindowMs,
      join(threadId, replayed) {
        for (const event of replayed) subscriber.deliver(event);
        subscriber.threadIds.add(threadId);
      },
      leave: (threadId) => void subscriber.threadIds.delete(threadId),
    },
    name,
    payload,
  );
}
