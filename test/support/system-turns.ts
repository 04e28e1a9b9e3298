import { parseEventId } from '../../src/protocol/index.js';
import type { PlatosClient, ThreadUpdate } from '../../src/client/types.js';
import type { PlatosStore } from '../../src/store/types.js';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` every 10 ms; the failure message is built only when it times out. */
export async function until(condition: () => boolean, what: string | (() => string), timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${typeof what === 'string' ? what : what()}`);
    await sleep(10);
  }
}

export interface DeliveryAudit {
  delivered: number;
  doubled: number;
  skipped: number;
  resets: number;
}

/** Checks every update of a thread as it arrives: between resets, seqs rise by exactly one. */
export function auditDeliveries(client: PlatosClient, threadId: string): DeliveryAudit {
  const audit = { delivered: 0, doubled: 0, skipped: 0, resets: 0 };
  let lastSeq: number | null = null;
  client.threads.watch(threadId, (update: ThreadUpdate) => {
    if (update.kind === 'reset') {
      audit.resets += 1;
      lastSeq = update.history.lastEventId === null ? 0 : parseEventId(update.history.lastEventId)!.seq;
    } else if (update.kind === 'event') {
      audit.delivered += 1;
      const { seq } = update.event;
      if (lastSeq !== null && seq <= lastSeq) audit.doubled += 1;
      if (lastSeq !== null && seq > lastSeq + 1) audit.skipped += 1;
      lastSeq = seq;
    }
  });
  return audit;
}

/** Answers every pending approval of the thread once, as a user clicking Approve would. */
export function approvePending(store: PlatosStore, threadId: string) {
  const thread = store.getState().threads[threadId];
  for (const approval of Object.values(thread?.view.approvals ?? {})) {
    if (approval.state === 'pending' && !thread?.approvalResponses[approval.id]) {
      void store.respondToApproval(threadId, approval.id, 'approved');
    }
  }
}

/** What a stuck thread looks like, for failure messages. */
export function describeThread(store: PlatosStore, client: PlatosClient, threadId: string): string {
  const thread = store.getState().threads[threadId];
  return JSON.stringify({
    sync: thread?.sync,
    connection: client.connection.getState(),
    activeTurnId: thread?.view.activeTurnId,
    lastEventId: thread?.view.lastEventId,
    clientLastEventId: client.threads.lastEventId(threadId),
    approvals: Object.values(thread?.view.approvals ?? {}).map((approval) => approval.state),
    responses: thread?.approvalResponses,
    pending: thread?.pendingMessages,
    stats: client.getStats(),
  });
}

/** Sends a message through the store and waits until its turn has finished, approving what it asks. */
export async function runTurn(store: PlatosStore, client: PlatosClient, threadId: string, text: string, timeoutMs = 30_000) {
  const sent = await store.send(threadId, text);
  if (!sent.ok) throw new Error(`send failed: ${sent.error.code} ${sent.error.message}`);
  await until(
    () => {
      approvePending(store, threadId);
      const thread = store.getState().threads[threadId];
      return thread?.view.turns[sent.turnId] !== undefined && thread.view.activeTurnId === null;
    },
    () => `turn ${sent.turnId} of ${threadId}: ${describeThread(store, client, threadId)}`,
    timeoutMs,
  );
  return sent.turnId;
}
