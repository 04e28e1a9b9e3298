import type { Ack, ServerEvent } from '../../../src/protocol/index.js';
import { createAgent } from './agent-turns.js';
import { createConnection, type ClientBoundPacket, type Connection, type ServerBoundFrame } from './connection.js';
import { countFault, type Fault, type FaultCounts } from './faults.js';
import { createHistoryEndpoint } from './history-endpoint.js';
import type { Network } from './network.js';
import type { HandshakeResult } from './sim-socket.js';
import { createSimThread, type EventBody, type SimThread } from './sim-thread.js';

export const SIM_TOKEN = 'dev-token';
export const REPLAY_WINDOW_MS = 30_000;

/** An acknowledgement with whatever reply fields its command has. */
type AnyAck = Ack<Record<string, unknown>>;

/** What can happen to one scripted event on its way to the client. */
export type LiveFault = 'duplicate' | 'skip' | 'swap';

interface Session {
  connection: Connection;
  joined: Set<string>;
}

export type SimServer = ReturnType<typeof createSimServer>;

/**
 * An in-memory Platos server for one client: threads with epochs and a replay window, the commands of
 * docs/protocol.md, the history endpoint, and the faults of `Fault` applied on request.
 */
export function createSimServer(options: { network: Network; threadIds: readonly string[]; burstSize: () => number }) {
  const { network } = options;
  const threads = new Map<string, SimThread>();
  const faultsApplied: FaultCounts = {};
  const replayFaults = new Map<string, { overlap?: number; gapped?: boolean }>();
  const heldForSwap = new Map<string, ServerEvent>();
  const faultTimes: { kind: string; at: number }[] = [];
  const applied = (kind: Parameters<typeof countFault>[1]) => {
    countFault(faultsApplied, kind);
    faultTimes.push({ kind, at: Date.now() });
  };
  let session: Session | null = null;
  let unreachableUntil = 0;
  let clockSkewMs = 0;
  let connectionCounter = 0;
  let epochCounter = 0;
  let straysWaiting: ClientBoundPacket[] = [];
  let straysInFlight = 0;

  const serverNow = () => Date.now() + clockSkewMs;
  const thread = (threadId: string) => {
    let existing = threads.get(threadId);
    if (!existing) {
      existing = createSimThread(threadId, `ep${epochCounter}`);
      threads.set(threadId, existing);
    }
    return existing;
  };
  options.threadIds.forEach(thread);

  const agent = createAgent({ network, append: (threadId, _turnId, body) => emitLive(thread(threadId).append(body, serverNow()), null) });

  const eventPacket = (event: ServerEvent): ClientBoundPacket => ({ kind: 'event', name: event.type, payload: event });
  const liveSession = (threadId: string) => (session && session.connection.state !== 'closed' && session.joined.has(threadId) ? session : null);

  function emitLive(event: ServerEvent, fault: LiveFault | null) {
    const target = liveSession(event.threadId);
    if (!target) return;
    const open = target.connection.state === 'open';
    if (fault === 'skip' && open) return applied('skip');
    if (fault === 'swap' && open && !heldForSwap.has(event.threadId)) {
      heldForSwap.set(event.threadId, event);
      return applied('swap');
    }
    target.connection.sendToClient(eventPacket(event));
    if (fault === 'duplicate' && open) {
      target.connection.sendToClient(eventPacket(event));
      applied('duplicate');
    }
    const held = heldForSwap.get(event.threadId);
    if (held) {
      heldForSwap.delete(event.threadId);
      target.connection.sendToClient(eventPacket(held));
    }
  }

  function replayFor(threadRecord: SimThread, askedId: string, missed: ServerEvent[]): ServerEvent[] {
    const armed = replayFaults.get(threadRecord.threadId);
    if (!armed) return missed;
    const askedSeq = Number(askedId.slice(askedId.lastIndexOf('-') + 1));
    let replayed = missed;
    if (armed.overlap !== undefined && askedSeq > 0) {
      replayed = threadRecord.eventsAfter(askedSeq - armed.overlap);
      delete armed.overlap;
      applied('overlap-replay');
    }
    // Leave out the first missed event only when a later one follows it, so the hole shows.
    const firstMissed = replayed.findIndex((event) => event.seq > askedSeq);
    if (armed.gapped && firstMissed >= 0 && firstMissed < replayed.length - 1) {
      replayed = [...replayed.slice(0, firstMissed), ...replayed.slice(firstMissed + 1)];
      delete armed.gapped;
      applied('gapped-replay');
    }
    return replayed;
  }

  function subscribe(current: Session, request: { threadId?: unknown; lastEventId?: unknown }): AnyAck {
    if (typeof request.threadId !== 'string' || (request.lastEventId !== undefined && typeof request.lastEventId !== 'string')) {
      return invalid('thread:subscribe');
    }
    const threadRecord = thread(request.threadId);
    const replay = threadRecord.replayAfter(request.lastEventId, serverNow(), REPLAY_WINDOW_MS);
    // Replay, join and ack in one synchronous run: no live frame of the thread can come between them.
    if (replay.resumed) {
      for (const event of replayFor(threadRecord, request.lastEventId!, replay.events)) current.connection.sendToClient(eventPacket(event));
    }
    current.joined.add(request.threadId);
    return { ok: true, resumed: replay.resumed, lastEventId: threadRecord.lastEventId };
  }

  function runCommand(current: Session, name: string, payload: unknown): AnyAck {
    const request = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
    switch (name) {
      case 'thread:subscribe':
        return subscribe(current, request);
      case 'thread:unsubscribe':
        current.joined.delete(String(request['threadId']));
        return { ok: true };
      case 'message:send': {
        const { threadId, clientMessageId, text } = request;
        if (typeof threadId !== 'string' || typeof clientMessageId !== 'string' || typeof text !== 'string') return invalid(name);
        return agent.send(threadId, clientMessageId, text);
      }
      case 'approval:respond': {
        const { approvalId, decision } = request;
        if (typeof approvalId !== 'string' || (decision !== 'approved' && decision !== 'denied')) return invalid(name);
        return agent.respond(approvalId, decision);
      }
      case 'turn:cancel':
        // Scripted turns cannot be cancelled; the simulation never needs it, so it only acknowledges.
        return { ok: true };
      case 'connection:ping':
        return { ok: true, ts: serverNow() };
      default:
        return { ok: false, error: { code: 'unknown_command', message: `Unknown command ${name}.` } };
    }
  }

  function handleFrame(current: Session, frame: ServerBoundFrame) {
    const reply = runCommand(current, frame.name, frame.payload);
    if (frame.ackId !== null) current.connection.sendToClient({ kind: 'ack', ackId: frame.ackId, reply });
  }

  function dropConnection(): ClientBoundPacket[] {
    heldForSwap.clear();
    const dropped = session?.connection.closeFromServer('transport close') ?? [];
    session = null;
    return dropped;
  }

  function handshake(auth: object): HandshakeResult {
    if ((auth as { token?: unknown }).token !== SIM_TOKEN) return { ok: false, reason: 'unauthorized' };
    if (Date.now() < unreachableUntil) return { ok: false, reason: 'unreachable' };
    if (session) dropConnection();
    connectionCounter += 1;
    const connection = createConnection({ id: connectionCounter, network, burstSize: options.burstSize });
    const current: Session = { connection, joined: new Set() };
    session = current;
    connection.onServerFrame((frame) => handleFrame(current, frame));
    network.later(`connection ${connection.id}: the server finishes loading the session`, () => connection.markServerSessionReady());
    for (const stray of straysWaiting.splice(0)) {
      straysInFlight += 1;
      network.later(`connection ${connection.id}: a stray frame of the old epoch`, () => {
        straysInFlight -= 1;
        connection.sendToClient(stray);
        if (connection.state === 'open') applied('stray-frame');
      });
    }
    return { ok: true, connection };
  }

  function inject(fault: Fault, threadId: string | null) {
    switch (fault.kind) {
      case 'drop':
      case 'expire-window':
        if (fault.kind === 'expire-window') clockSkewMs += REPLAY_WINDOW_MS + 1;
        dropConnection();
        unreachableUntil = Math.max(unreachableUntil, Date.now() + fault.outageMs);
        return applied(fault.kind);
      case 'epoch-change': {
        const oldTails = [...threads.values()].flatMap((record) => record.events.slice(-2));
        epochCounter += 1;
        for (const record of threads.values()) record.renumber(`ep${epochCounter}`);
        const undelivered = dropConnection().filter((packet) => packet.kind === 'event');
        if (fault.strays) straysWaiting = [...undelivered, ...oldTails.map(eventPacket)];
        return applied('epoch-change');
      }
      case 'half-open':
        if (session?.connection.state !== 'open') return;
        session.connection.goHalfOpen();
        return applied('half-open');
      case 'overlap-replay':
      case 'gapped-replay': {
        if (threadId === null) return;
        const armed = replayFaults.get(threadId) ?? {};
        if (fault.kind === 'overlap-replay') armed.overlap = fault.extra;
        else armed.gapped = true;
        replayFaults.set(threadId, armed);
        return;
      }
      case 'duplicate':
      case 'skip':
      case 'swap':
        // Applied by `appendScripted`, which knows the event.
        return;
    }
  }

  return {
    handshake,
    fetch: createHistoryEndpoint({ network, token: SIM_TOKEN, history: (threadId) => thread(threadId).history() }),
    agent,
    faultsApplied,
    faultTimes,
    thread,
    threadIds: () => [...threads.keys()],
    /** Appends one scripted event and sends it to the client, through `fault` if any. */
    appendScripted(body: EventBody, fault: LiveFault | null) {
      emitLive(thread(body.threadId).append(body, serverNow()), fault);
    },
    inject,
    /** A swapped event whose successor never came goes out now. */
    releaseHeldFrames() {
      for (const [threadId, held] of [...heldForSwap]) {
        heldForSwap.delete(threadId);
        liveSession(threadId)?.connection.sendToClient(eventPacket(held));
      }
    },
    /** Nothing the server still owes: no held or stray frames, no turn still running. */
    get quiet() {
      return heldForSwap.size === 0 && straysInFlight === 0 && agent.idle && (session?.connection.pendingToClient ?? 0) === 0;
    },
    get connectionState() {
      return session?.connection.state ?? 'closed';
    },
  };
}

function invalid(name: string): AnyAck {
  return { ok: false, error: { code: 'invalid_request', message: `${name}: the request does not match docs/protocol.md.` } };
}
