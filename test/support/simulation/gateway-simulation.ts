import type fc from 'fast-check';
import { isDeepStrictEqual } from 'node:util';
import { vi } from 'vitest';
import type { ConnectionsStats, EntityRecord, ToolInvocation } from '../../../src/client/connections/types.js';
import { createPlatosClient } from '../../../src/client/create-platos-client.js';
import { CONNECTIONS_NAMESPACE, type EntitySnapshot } from '../../../src/protocol/index.js';
import { byName, createClientTools, type NamedTool } from './gateway-client-tools.js';
import type { GatewayFaultCounts } from './gateway-faults.js';
import { createRebuildWatch } from './gateway-rebuild-watch.js';
import { ENTITIES, type GatewayPlan, type GatewayStep } from './gateway-plan.js';
import { createGatewaySimServer, type GatewayAnswer } from './gateway-sim-server.js';
import { createToolLedger } from './gateway-tools.js';
import { createScheduledNetwork } from './network.js';
import { cycle, MAX_LATENCY_MS, onFakeClock, seededRandom, SETTLE_LIMIT_MS, START_TIME, TICK_MS } from './run-simulation.js';
import { createSimServer, SIM_TOKEN } from './sim-server.js';
import { createSimSocket } from './sim-socket.js';

const GATEWAY_SESSION_ID = 'sim-gateway-session';
const PLAYBACK_LIMIT_MS = 600_000;
const SETTLED_TICKS_REQUIRED = 5;

export interface InvocationOutcome {
  invocationId: string;
  name: string;
  args: unknown;
  cancelled: boolean;
  /** Answers that reached the server, in order; the first is the one that counts. */
  answers: GatewayAnswer[];
  /** `execute` calls for this invocation. */
  executions: number;
  /** What `execute` returned or threw, once it finished. */
  executed: GatewayAnswer | undefined;
  client: ToolInvocation | undefined;
}

export interface GatewayOutcome {
  /** The script ran to its end and the world came to rest: connected, nothing in flight, and the client caught up. */
  settled: boolean;
  settleMs: number;
  invocations: InvocationOutcome[];
  /** The client's tool set as the test made it, and the revision its registry must be at. */
  clientTools: { revision: number; tools: NamedTool[] };
  serverTools: { revision: number; tools: NamedTool[] };
  /** Changes of the tool set the script made while the gateway socket was down. */
  toolChangesWhileOffline: number;
  /** Every revision the server took as its tool set, in order. */
  acceptedRevisions: number[];
  sameRevisionConflicts: number;
  serverEntities: EntitySnapshot[];
  /** `getEntity` for every entity of the pool. */
  clientEntities: (EntityRecord | undefined)[];
  /** Everything an `onEntity` listener heard, in order. */
  entityReports: EntityRecord[];
  faults: GatewayFaultCounts;
  dropsWhileExecuting: number;
  answerAcksLost: number;
  /** See the gateway server's `counters.blindStarts`. */
  blindStarts: number;
  /** Resumed subscribes while the client owed an entity rebuild (see `createRebuildWatch`). */
  abandonedRebuilds: number;
  rebuilds: number;
  stats: ConnectionsStats;
  errors: unknown[];
}

const connectionDrops = new Set(['drop', 'expire-window', 'epoch-change', 'half-open']);

/**
 * Runs the real client's connections gateway against the simulated one (and its chat socket against a server with
 * no threads): plays `plan.steps`, lets fast-check's scheduler order every network step, ticks the fake clock, and
 * returns once the world is at rest or `SETTLE_LIMIT_MS` after the script ended.
 */
export function runGatewaySimulation(plan: GatewayPlan, scheduler: fc.Scheduler): Promise<GatewayOutcome> {
  return onFakeClock(() => run(plan, scheduler));
}

async function run(plan: GatewayPlan, scheduler: fc.Scheduler): Promise<GatewayOutcome> {
  const network = createScheduledNetwork(scheduler);
  const burstSize = cycle(plan.timing.burstSizes);
  const chatServer = createSimServer({ network, threadIds: [], burstSize });
  const chatSocket = createSimSocket({ network, endpoint: chatServer });
  const server = createGatewaySimServer({ network, burstSize });
  const gatewaySocket = createSimSocket({ network, endpoint: server });
  const client = createPlatosClient({
    url: 'http://127.0.0.1:4000',
    token: SIM_TOKEN,
    socketFactory: (url, options) => (new URL(url).pathname === CONNECTIONS_NAMESPACE ? gatewaySocket : chatSocket).factory(url, options),
    fetch: server.fetch,
    random: seededRandom(plan.timing.clientSeed),
    network: null,
    connections: { sessionId: GATEWAY_SESSION_ID },
  });
  const { connections } = client;

  const ledger = createToolLedger();
  const clientTools = createClientTools(connections, ledger, () => gatewaySocket.connected);

  const entityReports: EntityRecord[] = [];
  for (const name of plan.initialTools) clientTools.change({ op: 'register', name });
  if (plan.initialTools.length === 0) connections.onEntity((entity) => entityReports.push(entity));
  await connections.ready();
  const offlineChangesBeforeScript = clientTools.changesWhileOffline;

  const invocationIds: string[] = [];
  let dropsWhileExecuting = 0;
  const perform = (step: GatewayStep) => {
    switch (step.kind) {
      case 'tools':
        return step.changes.forEach(clientTools.change);
      case 'invoke':
        return void invocationIds.push(server.invoke(GATEWAY_SESSION_ID, step.name, step.args, step.fault));
      case 'cancel':
        if (invocationIds.length > 0) server.cancel(invocationIds[step.nth % invocationIds.length]!);
        return;
      case 'entity':
        return server.updateEntity(GATEWAY_SESSION_ID, step.entityType, step.entityId, step.mutation, step.asPatch, step.fault);
      case 'fault':
        if (connectionDrops.has(step.fault.kind) && ledger.running > 0 && server.connectionState(GATEWAY_SESSION_ID) === 'open') dropsWhileExecuting += 1;
        return server.inject(GATEWAY_SESSION_ID, step.fault);
      case 'wait':
        return;
    }
  };
  // Not `scheduleSequence`: the scheduler awaits a builder's promise, and a wait's promise needs the clock to move.
  const playback = { done: false };
  const play = (index: number) => {
    const step = plan.steps[index];
    if (!step) return void (playback.done = true);
    if (step.kind === 'wait') return void setTimeout(() => play(index + 1), step.ms);
    void scheduler.schedule(Promise.resolve(), `script step ${index}: ${JSON.stringify(step)}`).then(() => {
      try {
        perform(step);
      } catch (error) {
        network.errors.push(error);
      }
      play(index + 1);
    });
  };
  play(0);

  const serverTools = () => {
    const held = server.tools(GATEWAY_SESSION_ID);
    return { revision: held.revision, tools: byName(held.tools) };
  };
  const clientEntities = () => ENTITIES.map(({ entityType, entityId }) => connections.getEntity(entityType, entityId));
  const caughtUp = () => {
    const tools = isDeepStrictEqual(clientTools.expected(), serverTools());
    const held = server.entities();
    const entities = clientEntities().every((record, index) => {
      const { entityType, entityId } = ENTITIES[index]!;
      const current = held.find((entity) => entity.entityType === entityType && entity.entityId === entityId);
      return current ? record?.version === current.version && isDeepStrictEqual(record.value, current.snapshot) : record === undefined;
    });
    const answered = invocationIds.every((invocationId) => {
      const entry = server.invocations.get(invocationId)!;
      return entry.cancelled || (entry.answers.length > 0 && connections.getInvocation(invocationId)?.delivery === 'acknowledged');
    });
    return tools && entities && answered;
  };
  const atRest = () =>
    playback.done &&
    server.quiet(GATEWAY_SESSION_ID) &&
    server.connectionState(GATEWAY_SESSION_ID) === 'open' &&
    gatewaySocket.connected &&
    connections.getState() === 'open' &&
    server.fetch.requests.inFlight === 0 &&
    ledger.running === 0 &&
    caughtUp();

  const rebuildWatch = createRebuildWatch({ server, stats: connections.getStats, clientVersion: (entityType, entityId) => connections.getEntity(entityType, entityId)?.version });
  const nextStep = async () => {
    await scheduler.waitNext(1);
    rebuildWatch.check();
  };
  const stepsPerTick = cycle(plan.timing.stepsPerTick);
  let playbackEndedAt: number | null = null;
  let settledTicks = 0;
  while (settledTicks < SETTLED_TICKS_REQUIRED) {
    for (let count = stepsPerTick(); count > 0 && scheduler.count() > 0; count -= 1) await nextStep();
    // A slow network, not a broken one: no step waits past MAX_LATENCY_MS, well inside every client timeout.
    while (scheduler.count() > 0 && Date.now() - (network.oldestWaitingSince() ?? Date.now()) > MAX_LATENCY_MS) await nextStep();
    if (playback.done && playbackEndedAt === null) {
      playbackEndedAt = Date.now();
      server.releaseHeldFrames();
    }
    settledTicks = atRest() ? settledTicks + 1 : 0;
    const outOfTime = playbackEndedAt === null ? Date.now() - START_TIME > PLAYBACK_LIMIT_MS : Date.now() - playbackEndedAt > SETTLE_LIMIT_MS;
    if (outOfTime) break;
    vi.advanceTimersByTime(TICK_MS);
    await new Promise<void>((resolve) => setImmediate(resolve));
    rebuildWatch.check();
  }

  const outcome: GatewayOutcome = {
    settled: settledTicks >= SETTLED_TICKS_REQUIRED,
    settleMs: playbackEndedAt === null ? 0 : Date.now() - playbackEndedAt,
    invocations: invocationIds.map((invocationId) => {
      const entry = server.invocations.get(invocationId)!;
      return {
        invocationId,
        name: entry.request.name,
        args: entry.request.args,
        cancelled: entry.cancelled,
        answers: [...entry.answers],
        executions: ledger.calls.get(invocationId) ?? 0,
        executed: ledger.answers.get(invocationId),
        client: connections.getInvocation(invocationId),
      };
    }),
    clientTools: clientTools.expected(),
    toolChangesWhileOffline: clientTools.changesWhileOffline - offlineChangesBeforeScript,
    serverTools: serverTools(),
    acceptedRevisions: server.acceptedRevisions.map((accepted) => accepted.revision),
    sameRevisionConflicts: server.counters.sameRevisionConflicts,
    serverEntities: server.entities(),
    clientEntities: clientEntities(),
    entityReports,
    faults: { ...server.faultsApplied },
    dropsWhileExecuting,
    answerAcksLost: server.counters.answerAcksLost,
    blindStarts: server.counters.blindStarts,
    abandonedRebuilds: rebuildWatch.abandoned,
    rebuilds: server.fetch.requests.served,
    stats: connections.getStats(),
    errors: network.errors,
  };
  client.close();
  return outcome;
}
