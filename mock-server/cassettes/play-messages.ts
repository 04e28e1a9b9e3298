import type { PlatosClient } from '../../src/client/types.js';
import type { ServerEvent } from '../../src/protocol/index.js';

export interface PlayMessagesOptions {
  /** The user's answers to the approvals, in order. @default all approved */
  decisions?: readonly ('approved' | 'denied')[];
  /** Waits before answering an approval, and before each message after the first. @default no wait */
  think?: (what: 'approval' | 'next-message') => Promise<void>;
}

/**
 * Sends the messages on the thread as a user would, each once the previous turn has finished, answering approvals;
 * resolves with the thread's events once the last turn has finished.
 */
export async function playMessages(client: PlatosClient, threadId: string, messages: readonly string[], options: PlayMessagesOptions = {}): Promise<ServerEvent[]> {
  const think = options.think ?? (() => Promise.resolve());
  const decisions = [...(options.decisions ?? [])];
  const events: ServerEvent[] = [];
  const answers: Promise<void>[] = [];
  const finishes = new Map<string, () => void>();
  const finished = new Set<string>();
  const stopWatching = client.threads.watch(threadId, (update) => {
    if (update.kind !== 'event') return;
    const { event } = update;
    events.push(event);
    if (event.type === 'approval-pending') {
      const decision = decisions.shift() ?? 'approved';
      answers.push(think('approval').then(() => client.respondToApproval(event.approvalId, decision)));
    }
    if (event.type === 'finish') {
      finished.add(event.turnId);
      finishes.get(event.turnId)?.();
    }
  });
  try {
    for (const [index, message] of messages.entries()) {
      if (index > 0) await think('next-message');
      const { turnId } = await client.threads.send(threadId, message);
      if (!finished.has(turnId)) await new Promise<void>((resolve) => finishes.set(turnId, resolve));
    }
    await Promise.all(answers);
    return events;
  } finally {
    stopWatching();
  }
}
