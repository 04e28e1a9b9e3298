import { createReadStream, existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { Server, type Socket } from 'socket.io';
import { longAnswer } from '../../test/support/long-answer.fixture.js';
import { seededAnswers, seqOffsetOf, threadIdOf, tokenCount, tokensOf, type Workload } from './workload.js';

// A minimal Platos agent server for the browser bench: serves the built page, answers the commands the kit sends,
// and streams a precomputed workload on a timer when the runner calls `start`. Same origin for page and socket.

export const BATCH_WINDOW_MS = 16;
export const BATCH_MAX_EVENTS = 500;

interface BenchEvent {
  type: string;
  id: string;
  seq: number;
  threadId: string;
  turnId: string;
  ts: number;
  [field: string]: unknown;
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

/** Events of one socket gathered for up to `BATCH_WINDOW_MS` from the first, sent as one `batch` event. */
function createBatcher(socket: Socket) {
  let pending: BenchEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    if (pending.length === 0) return;
    const events = pending;
    pending = [];
    socket.emit('batch', { events });
  };
  return {
    flush,
    push(event: BenchEvent) {
      pending.push(event);
      if (pending.length >= BATCH_MAX_EVENTS) flush();
      else timer ??= setTimeout(flush, BATCH_WINDOW_MS);
    },
  };
}

/** A finished transcript of `seededAnswers(workload)` long markdown answers, as the history endpoint returns it. */
export function seededTranscript(threadId: string, workload: Workload) {
  const answers = seededAnswers(workload);
  const turns = Math.floor((workload.seedMessages ?? 0) / 2);
  const toolTurns = Array.from({ length: turns }, (_, index) => {
    const turnId = `${threadId}-m${index}`;
    const messageId = `${threadId}-ma${index}`;
    const parts: object[] = [{ type: 'text', text: `Step ${index}: I looked this up and here is what I found, with **one** detail and \`code\`.` }];
    if (index % 5 === 0) {
      parts.push({
        type: 'tool-call',
        toolCall: { id: `${threadId}-call${index}`, turnId, messageId, tool: 'search', argsText: JSON.stringify({ query: `topic ${index}` }), status: 'succeeded', result: { hits: [`result ${index}a`, `result ${index}b`] } },
      });
    }
    if (index % 10 === 0) {
      parts.push({
        type: 'artifact',
        artifact: { id: `${threadId}-art${index}`, turnId, messageId, kind: 'code', title: `snippet-${index}.ts`, language: 'ts', versions: [`export const value${index} = ${index};\n`], version: 1 },
      });
    }
    return [
      { id: `${threadId}-mu${index}`, role: 'user', turnId, text: `Question ${index}` },
      { id: messageId, role: 'assistant', turnId, parts, status: 'finished', finishReason: 'stop' },
    ];
  }).flat();
  const messages = Array.from({ length: answers }, (_, index) => [
    { id: `${threadId}-su${index}`, role: 'user', turnId: `${threadId}-s${index}`, text: `Tell me more, part ${index + 1}` },
    { id: `${threadId}-sa${index}`, role: 'assistant', turnId: `${threadId}-s${index}`, parts: [{ type: 'text', text: longAnswer }], status: 'finished', finishReason: 'stop' },
  ]).flat();
  return { messages: [...toolTurns, ...messages], lastSeq: seqOffsetOf(workload) };
}

export interface LoadServer {
  url: string;
  /** Seeds the history of the threads of `runId` (for workloads with `seedTokens`); call before the page loads. */
  prepare(runId: string, workload: Workload): void;
  /** Streams `workload` to the threads of `runId` once every thread has a subscriber; resolves when all is sent. */
  start(runId: string, workload: Workload): Promise<{ startedAt: number; sentAt: number }>;
  close(): Promise<void>;
}

export async function startLoadServer(options: { staticDir: string; token?: string }): Promise<LoadServer> {
  const token = options.token ?? 'bench-token';
  const epoch = 'bench';
  const batchers = new Map<string, ReturnType<typeof createBatcher>>();
  const seeds = new Map<string, ReturnType<typeof seededTranscript>>();
  const lastEventIdOf = (threadId: string) => {
    const seed = seeds.get(threadId);
    return seed && seed.lastSeq > 0 ? `${epoch}-${seed.lastSeq}` : null;
  };

  const http = createServer((request, response) => serveHttp(request, response, options.staticDir, (threadId) => ({
    threadId,
    messages: seeds.get(threadId)?.messages ?? [],
    lastEventId: lastEventIdOf(threadId),
  })));
  const io = new Server(http, { path: '/streaming', serveClient: false, cors: { origin: true } });
  const namespaces = [io.of('/'), io.of(/^\/agents\/[^/]+\/chat\/stream$/)];
  for (const namespace of namespaces) {
    namespace.use((socket, next) => (socket.handshake.auth?.['token'] === token ? next() : next(new Error('unauthorized'))));
    namespace.on('connection', (socket) => {
      const batcher = socket.handshake.auth?.['batch'] === true ? createBatcher(socket) : undefined;
      if (batcher) batchers.set(socket.id, batcher);
      socket.on('disconnect', () => batchers.delete(socket.id));
      socket.onAny((name: string, request: Record<string, unknown> | undefined, ack?: (reply: unknown) => void) => {
        if (typeof ack !== 'function') return;
        const reply = (value: unknown) => {
          // The pending batch goes out before any acknowledgement, so an ack never overtakes an event.
          batcher?.flush();
          ack(value);
        };
        const threadId = typeof request?.['threadId'] === 'string' ? request['threadId'] : '';
        switch (name) {
          case 'thread:subscribe':
            void socket.join(threadId);
            return reply({ ok: true, resumed: false, lastEventId: lastEventIdOf(threadId) });
          case 'thread:unsubscribe':
            void socket.leave(threadId);
            return reply({ ok: true });
          case 'message:send':
            return reply({ ok: true, turnId: `${threadId}-turn` });
          case 'connection:ping':
            return reply({ ok: true, ts: Date.now() });
          case 'turn:cancel':
            return reply({ ok: true });
          default:
            return reply({ ok: false, error: { code: 'unknown_command', message: name } });
        }
      });
    });
  }

  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  const url = `http://127.0.0.1:${address.port}`;

  function deliver(threadId: string, event: BenchEvent) {
    for (const namespace of namespaces) {
      const room = namespace.adapter.rooms.get(threadId);
      if (!room) continue;
      for (const socketId of room) {
        const socket = namespace.sockets.get(socketId);
        if (!socket) continue;
        const batcher = batchers.get(socketId);
        if (batcher) batcher.push(event);
        else socket.emit(event.type, event);
      }
    }
  }

  const subscribers = (threadId: string) => namespaces.reduce((sum, namespace) => sum + (namespace.adapter.rooms.get(threadId)?.size ?? 0), 0);

  async function start(runId: string, workload: Workload) {
    const threadIds = Array.from({ length: workload.threads }, (_, thread) => threadIdOf(runId, thread));
    const waitUntil = Date.now() + 20_000;
    while (threadIds.some((threadId) => subscribers(threadId) === 0)) {
      if (Date.now() > waitUntil) throw new Error(`threads of ${runId} were not subscribed within 20 s`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const count = tokenCount(workload);
    const streams = threadIds.map((threadId, thread) => {
      const turnId = `${threadId}-turn`;
      const offset = seeds.get(threadId)?.lastSeq ?? 0;
      const envelope = (seq: number, type: string) => ({ type, id: `${epoch}-${seq + offset}`, seq: seq + offset, threadId, turnId, ts: 0 });
      const deltas = tokensOf(thread, count, workload.paragraphEvery).map((delta, index) => ({ ...envelope(index + 2, 'text-delta'), messageId: `${threadId}-a`, delta }));
      return {
        threadId,
        first: { ...envelope(1, 'turn-start'), messageId: `${threadId}-a`, userMessage: { id: `${threadId}-u`, text: 'go' } },
        deltas,
        last: { ...envelope(count + 2, 'finish'), finishReason: 'stop', usage: { inputTokens: 1, outputTokens: count }, durationMs: workload.durationMs },
      };
    });
    const startedAt = Date.now();
    for (const stream of streams) deliver(stream.threadId, { ...stream.first, ts: startedAt });
    const intervalMs = 1_000 / workload.tokensPerSecond;
    let sent = 0;
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = Date.now();
        const due = Math.min(count, Math.floor((now - startedAt) / intervalMs) + 1);
        for (; sent < due; sent += 1) {
          for (const stream of streams) {
            const event = stream.deltas[sent]!;
            event.ts = now;
            deliver(stream.threadId, event);
          }
        }
        if (sent < count) setTimeout(tick, Math.max(1, Math.min(intervalMs, 4)));
        else resolve();
      };
      tick();
    });
    const sentAt = Date.now();
    for (const stream of streams) deliver(stream.threadId, { ...stream.last, ts: sentAt });
    return { startedAt, sentAt };
  }

  function prepare(runId: string, workload: Workload) {
    if (!workload.seedTokens && !workload.seedMessages) return;
    for (let thread = 0; thread < workload.threads; thread += 1) {
      const threadId = threadIdOf(runId, thread);
      seeds.set(threadId, seededTranscript(threadId, workload));
    }
  }

  return {
    url,
    prepare,
    start,
    close: () =>
      new Promise<void>((resolve) => {
        void io.close(() => resolve());
      }),
  };
}

function serveHttp(request: IncomingMessage, response: ServerResponse, staticDir: string, historyOf: (threadId: string) => object) {
  const url = new URL(request.url ?? '/', 'http://bench.local');
  const history = /^\/api\/threads\/([^/]+)\/messages$/.exec(url.pathname);
  if (history) {
    response.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    response.end(JSON.stringify(historyOf(decodeURIComponent(history[1]!))));
    return;
  }
  const path = normalize(join(staticDir, url.pathname === '/' ? 'index.html' : url.pathname));
  if (!path.startsWith(staticDir) || !existsSync(path)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': contentTypes[extname(path)] ?? 'application/octet-stream' });
  createReadStream(path).pipe(response);
}
