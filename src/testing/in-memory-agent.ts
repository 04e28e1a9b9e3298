import type { CommandRequest, ServerEvent } from '../protocol/index.js';
import type { Activity } from './activity.js';
import { createApprovalRegistry } from './agent/approval-registry.js';
import { runCommand, type CommandContext } from './agent/command-handlers.js';
import { createFrameBatcher } from './agent/frame-batcher.js';
import { createGatewayAgent } from './agent/gateway/gateway-agent.js';
import type { EntityChange } from './agent/gateway/entity-store.js';
import { parseGatewaySessionId } from './agent/gateway/gateway-session-id.js';
import { sleep } from './agent/sleep.js';
import { threadHistory } from './agent/thread-history.js';
import { createThreadStore, type ThreadRecord, type TurnRecord } from './agent/thread-store.js';
import type { TurnRunnerDeps } from './agent/turn-runner.js';
import type { RecordedTurnChoice } from './cassettes/recorded-turn-choice.js';
import type { EventBody } from './scenarios/bind-scenario-event.js';
import type { Scenario } from './scenarios/scenario-types.js';
import type { ClientLink, Handshake, ServerConnection } from './in-memory-socket.js';

/** A message the test server received. */
export interface SentMessage {
  threadId: string;
  text: string;
  clientMessageId: string;
  /** The turn it started. */
  turnId: string;
}

interface Member {
  agentId: string;
  /** Threads this connection subscribed to. */
  threadIds: Set<string>;
  deliver(event: ServerEvent): void;
}

const replayWindowMs = 30_000;
/** How long a browser has to answer a turn's tool call, as on the mock server. */
const clientToolTimeoutMs = 90_000;
/** The test server accepts any token: its clients are one user, whose turns call the tools of their gateway sessions. */
const owner = 'in-memory';

/** What the agent answers every message with: a scenario, or the turns of a recording. */
export type InMemoryAgentScript = { scenario: Scenario } | { recordedTurns: RecordedTurnChoice };

/**
 * The mock server's agent (commands, turns, approvals, replay, the connections gateway) with connections in memory
 * instead of Socket.IO. Every change to its turns is reported to `activity`.
 */
export function createInMemoryAgent(options: InMemoryAgentScript & { speed: number; activity: Activity }) {
  const { activity } = options;
  const store = createThreadStore({ now: () => Date.now() });
  const members = new Set<Member>();
  const shutdown = new AbortController();
  /** Turns that have not finished, whether playing or waiting for an approval. */
  const openTurns = new Set<TurnRecord>();
  const turnErrors: unknown[] = [];
  const sent: SentMessage[] = [];
  let playedTurns = 0;

  const publish = (thread: ThreadRecord, turnId: string, body: EventBody) => {
    const event = store.append(thread, turnId, body);
    for (const member of members) {
      if (member.agentId === thread.agentId && member.threadIds.has(thread.threadId)) member.deliver(event);
    }
    return event;
  };
  const approvals = createApprovalRegistry(publish);
  const gateway = createGatewayAgent({ now: () => Date.now(), replayWindowMs: () => replayWindowMs, clientToolTimeoutMs });
  const turnRunner: TurnRunnerDeps = {
    approvals,
    publish,
    ...('recordedTurns' in options ? { recordedTurns: options.recordedTurns } : { scenarioFor: () => options.scenario }),
    clientTools: gateway.clientTools,
    speed: options.speed,
    now: () => Date.now(),
    shutdown: shutdown.signal,
    // Without delays a turn moves on in microtasks, so it needs no clock at all, fake or real.
    pause: (ms, signal) => (ms === 0 ? Promise.resolve() : sleep(ms, signal)),
    onTurnState(turn) {
      if (turn.state === 'finished') openTurns.delete(turn);
      activity.changed();
    },
    onTurnError(_turn, error) {
      turnErrors.push(error);
      activity.changed();
    },
  };

  /** A window that ends once the microtasks queued so far have run: no timer, so fake timers need not move for it. */
  const microtaskWindow = (flush: () => void) => {
    let open = true;
    const done = activity.start();
    queueMicrotask(() => {
      if (open) flush();
      done();
    });
    return () => {
      open = false;
      done();
    };
  };

  const contextOf = (member: Member): CommandContext => ({
    agentId: member.agentId,
    owner,
    store,
    approvals,
    turnRunner,
    replayWindowMs,
    join(threadId, replayed) {
      for (const event of replayed) member.deliver(event);
      member.threadIds.add(threadId);
    },
    leave: (threadId) => void member.threadIds.delete(threadId),
  });

  const run = (member: Member, name: string, request: unknown) => {
    const ack = runCommand(contextOf(member), name, request);
    if (name === 'message:send' && ack.ok && 'turnId' in ack) noteTurn(member.agentId, request as CommandRequest<'message:send'>, String(ack.turnId));
    return ack;
  };

  function noteTurn(agentId: string, request: CommandRequest<'message:send'>, turnId: string) {
    const turn = store.thread(agentId, request.threadId).turns.get(turnId);
    if (!turn) return;
    if (!sent.some((message) => message.turnId === turnId)) {
      sent.push({ threadId: request.threadId, text: turn.userText, clientMessageId: turn.clientMessageId, turnId });
    }
    if (turn.state !== 'finished') openTurns.add(turn);
  }

  return {
    sent: sent as readonly SentMessage[],
    /** A chat socket; with `batch`, its events go out in `batch` frames gathered over a microtask. */
    connect(agentId: string, link: ClientLink, { batch }: { batch: boolean }): ServerConnection {
      const batcher = batch ? createFrameBatcher({ emit: (frame) => link.send('batch', frame), startWindow: microtaskWindow }) : null;
      const member: Member = { agentId, threadIds: new Set(), deliver: batcher ? batcher.push : (event) => link.send(event.type, event) };
      members.add(member);
      return {
        command(name, request) {
          const ack = run(member, name, request);
          // A resume's replayed events go out before its acknowledgement.
          batcher?.flush();
          return ack;
        },
        close() {
          batcher?.dispose();
          members.delete(member);
        },
      };
    },
    /** A `/connections` socket: it takes over the gateway session its `auth.sessionId` names. */
    connectGateway(auth: object, link: ClientLink): Handshake {
      const sessionId = parseGatewaySessionId(auth);
      if (!sessionId.ok) return { refused: 'invalid_session_id' };
      const session = gateway.connect(owner, sessionId.sessionId, { deliver: (frame) => link.send(frame.type, frame), disconnect: link.disconnect });
      return { command: session.run, close: session.release };
    },
    gateway: {
      updateEntity: (entityType: string, entityId: string, change: EntityChange) => gateway.updateEntity(owner, entityType, entityId, change),
      entities: (sessionId: string | null) => gateway.entities(owner, sessionId),
      sessions: gateway.sessions,
      stats: gateway.stats,
      openInvocations: gateway.openInvocations,
    },
    /** Sends a message from no connection, as another device would. */
    send(agentId: string, threadId: string, text: string): string {
      const nobody: Member = { agentId, threadIds: new Set(), deliver: () => {} };
      const ack = run(nobody, 'message:send', { threadId, clientMessageId: `played-${++playedTurns}`, text });
      if (!ack.ok || !('turnId' in ack)) throw new Error(`The test server refused the message: ${JSON.stringify(ack)}`);
      return String(ack.turnId);
    },
    /** True while a turn plays; a turn waiting for an approval is not playing. */
    isPlaying: () => [...openTurns].some((turn) => turn.state === 'queued' || turn.state === 'running'),
    /** The first error a scenario threw that was not taken yet. */
    takeTurnError: (): { error: unknown } | null => (turnErrors.length > 0 ? { error: turnErrors.shift() } : null),
    events: (agentId: string, threadId: string) => store.thread(agentId, threadId).log.map(({ event }) => structuredClone(event)),
    history: (agentId: string, threadId: string) => threadHistory(store.thread(agentId, threadId)),
    restartEpoch() {
      store.restartEpoch();
      gateway.restartEpoch();
    },
    dispose() {
      shutdown.abort();
      approvals.dispose();
      gateway.dispose();
      members.clear();
    },
  };
}

export type InMemoryAgent = ReturnType<typeof createInMemoryAgent>;
