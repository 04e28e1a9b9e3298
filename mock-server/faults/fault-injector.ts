import { activateSchedule, affectsThread, type ActiveSchedule, type ArmedFault } from './active-schedule.js';
import { parseFaultSchedule, type FaultKind, type FaultOf, type FaultSchedule } from './fault-schedule.js';
import { createFaultStats, type FaultStats } from './fault-stats.js';
import { createGatewayFaultPipeline, type GatewayFaultableSocket, type GatewayFaultPipeline } from './gateway-fault-pipeline.js';
import { createSocketFaultPipeline, type FaultableSocket, type SocketFaultPipeline } from './socket-fault-pipeline.js';

/** The fault switch of a running mock server (`server.faults`). */
export interface FaultControls {
  /** Replaces the active schedule and resets the stats and every socket's frame count; throws on an invalid one. */
  set(schedule: FaultSchedule): void;
  /** Stops injecting and resets the stats; returns the stats as they were just before. */
  clear(): FaultStats;
  stats(): FaultStats;
  /** The active schedule with its seed filled in, or null. */
  schedule(): FaultSchedule | null;
  /** Now: every thread and gateway session gets a new epoch (same seqs) and every socket is cut. */
  restartEpoch(): void;
  /** Now: every stored event and gateway frame counts as older than the replay window. */
  expireReplay(): void;
  /** Changes the replay window for every later `thread:subscribe` and `connections:subscribe`, and for gateway sessions left from then on. */
  setReplayWindowMs(ms: number): void;
}

/** A log that resumes replay from: the threads, the gateway sessions. */
export interface ReplayLog {
  restartEpoch(): void;
  expireReplay(): void;
}

export interface FaultInjectorDeps {
  replayLogs: readonly ReplayLog[];
  settings: { replayWindowMs: number };
  /** Seeds `random-drops` of schedules that name no seed. */
  defaultSeed: number;
}

export type FaultInjector = ReturnType<typeof createFaultInjector>;

/** Holds the active schedule and every socket's pipeline; the server asks it at each point a fault can act. */
export function createFaultInjector(deps: FaultInjectorDeps) {
  const stats = createFaultStats();
  const pipelines = new Set<SocketFaultPipeline | GatewayFaultPipeline>();
  let active: ActiveSchedule | null = null;
  let restartTimers: ReturnType<typeof setTimeout>[] = [];

  const fireFirst = <K extends FaultKind>(kind: K, applies: (entry: ArmedFault<FaultOf<K>>) => boolean = () => true) => {
    const entry = active?.of(kind).find((candidate) => applies(candidate) && active?.fire(candidate));
    if (entry) stats.injected(kind);
    return entry;
  };

  const restartEpoch = () => {
    for (const log of deps.replayLogs) log.restartEpoch();
    stats.injected('restart-epoch');
    for (const pipeline of [...pipelines]) pipeline.cut();
  };

  const arm = (next: ActiveSchedule | null) => {
    for (const timer of restartTimers) clearTimeout(timer);
    restartTimers = [];
    active = next;
    for (const pipeline of pipelines) pipeline.arm(next);
    if (!next) return;
    for (const entry of next.of('restart-epoch')) {
      if (entry.fault.afterEvents !== undefined) continue;
      const fire = () => {
        if (next.fire(entry)) restartEpoch();
      };
      if ((entry.fault.atMs ?? 0) === 0) fire();
      else restartTimers.push(setTimeout(fire, entry.fault.atMs));
    }
  };

  const controls: FaultControls = {
    set(schedule) {
      const parsed = parseFaultSchedule(schedule);
      if (!parsed.ok) throw new Error(`Invalid fault schedule: ${parsed.reason}`);
      stats.reset();
      arm(activateSchedule(parsed.schedule, deps.defaultSeed));
    },
    clear() {
      const final = stats.snapshot();
      stats.reset();
      arm(null);
      return final;
    },
    stats: () => stats.snapshot(),
    schedule: () => active?.schedule ?? null,
    restartEpoch,
    expireReplay() {
      for (const log of deps.replayLogs) log.expireReplay();
      stats.injected('expire-replay');
    },
    setReplayWindowMs(ms) {
      if (!Number.isFinite(ms) || ms < 0) throw new Error(`The replay window must be a number of ms of at least 0, got ${ms}`);
      deps.settings.replayWindowMs = ms;
    },
  };

  return {
    controls,

    /** A pipeline for a socket that just connected, armed with the active schedule. */
    attach(socket: FaultableSocket): SocketFaultPipeline {
      const pipeline = createSocketFaultPipeline({ socket, stats, restartEpoch });
      pipelines.add(pipeline);
      pipeline.arm(active);
      return pipeline;
    },

    /** A pipeline for a socket of the connections gateway that just connected, armed with the active schedule. */
    attachGateway(socket: GatewayFaultableSocket): GatewayFaultPipeline {
      const pipeline = createGatewayFaultPipeline({ socket, stats });
      pipelines.add(pipeline);
      pipeline.arm(active);
      return pipeline;
    },

    detach(pipeline: SocketFaultPipeline | GatewayFaultPipeline) {
      pipeline.dispose();
      pipelines.delete(pipeline);
    },

    /** True when an `auth-reject` fault takes this (otherwise good) handshake. */
    rejectsHandshake: () => fireFirst('auth-reject') !== undefined,

    /** The session lookup time of a new connection: an `auth-delay` fault's, or the configured one. */
    sessionDelayMs: (configuredMs: number) => fireFirst('auth-delay')?.fault.ms ?? configuredMs,

    /** How many events before the requested id a resumed replay of this thread starts (0 without a fault). */
    earlierReplayBy: (threadId: string) => fireFirst('replay-from-earlier', (entry) => affectsThread(entry.fault, threadId))?.fault.by ?? 0,

    dispose() {
      arm(null);
      for (const pipeline of pipelines) pipeline.dispose();
      pipelines.clear();
    },
  };
}
