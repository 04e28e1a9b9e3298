import type { ServerEvent } from '../protocol/index.js';
import { createAsyncQueue } from './async-queue.js';
import { PlatosClientError, toClientError } from './client-error.js';
import type { ThreadListener, TurnStream } from './types.js';

export interface TurnStreamDeps {
  threadId: string;
  message: string;
  clientMessageId: string;
  watch(listener: ThreadListener): () => void;
  /** Calls back once the connection is gone for good (closed, offline, unauthorized). */
  onConnectionLost(listener: (error: PlatosClientError) => void): () => void;
  whenLive(): Promise<void>;
  send(): Promise<{ turnId: string }>;
}

const endsTurn = (event: ServerEvent) => event.type === 'finish' || (event.type === 'error' && !event.retryable);

/** Sends one message and yields the events of the turn it started. */
export function createTurnStream(deps: TurnStreamDeps): TurnStream {
  let turnId: string | null = null;
  // Events may arrive before the send is acknowledged; they wait here until the turn id is known.
  const beforeTurnId: ServerEvent[] = [];
  const queue = createAsyncQueue<ServerEvent>(() => stop());

  const accept = (event: ServerEvent) => {
    if (event.turnId !== turnId) return;
    queue.push(event);
    if (endsTurn(event)) {
      queue.end();
      stop();
    }
  };

  const unwatch = deps.watch((update) => {
    if (update.kind === 'reset' && turnId !== null) {
      queue.fail(new PlatosClientError('resynced', 'The thread was rebuilt from history; some events of this turn were not streamed'));
      stop();
    } else if (update.kind === 'event') {
      const { event } = update;
      if (turnId === null && event.type === 'turn-start' && event.userMessage.clientMessageId === deps.clientMessageId) {
        turnId = event.turnId;
      }
      if (turnId === null) beforeTurnId.push(event);
      else accept(event);
    }
  });
  const stopConnectionWatch = deps.onConnectionLost((error) => {
    queue.fail(error);
    stop();
  });
  let stopped = false;
  function stop() {
    if (stopped) return;
    stopped = true;
    unwatch();
    stopConnectionWatch();
  }

  const turnIdPromise = deps
    .whenLive()
    .then(() => deps.send())
    .then(
      (reply) => {
        turnId ??= reply.turnId;
        for (const event of beforeTurnId.splice(0)) accept(event);
        return reply.turnId;
      },
      (error: unknown) => {
        const clientError = toClientError(error);
        queue.fail(clientError);
        stop();
        throw clientError;
      },
    );
  // The rejection reaches iterating callers through the queue; this keeps it from being reported as unhandled.
  turnIdPromise.catch(() => {});

  return {
    clientMessageId: deps.clientMessageId,
    turnId: turnIdPromise,
    close() {
      void queue.return?.();
    },
    [Symbol.asyncIterator]: () => queue,
  };
}
