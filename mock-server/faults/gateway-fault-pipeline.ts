import type { ConnectionEvent } from '../../src/protocol/index.js';
import type { ActiveSchedule, ArmedFault } from './active-schedule.js';
import type { FaultOf } from './fault-schedule.js';
import type { CountedFault } from './fault-stats.js';

/** What the pipeline needs of a Socket.IO server socket of `/connections`. */
export interface GatewayFaultableSocket {
  emit(eventName: string, frame: ConnectionEvent): unknown;
  conn: { close(): void };
}

export interface GatewayPipelineDeps {
  socket: GatewayFaultableSocket;
  stats: { injected(kind: CountedFault): void; gatewayFrameSent(): void };
}

export type GatewayFaultPipeline = ReturnType<typeof createGatewayFaultPipeline>;

/**
 * Delivers one gateway socket's frames through the `connections-` faults of the active schedule. Frame N is the N-th
 * frame handed to `deliver` since the socket connected or the schedule was set, replayed frames included.
 */
export function createGatewayFaultPipeline(deps: GatewayPipelineDeps) {
  let state: 'live' | 'cut' = 'live';
  let schedule: ActiveSchedule | null = null;
  let framesCounted = 0;
  let timers: ReturnType<typeof setTimeout>[] = [];

  const emit = (frame: ConnectionEvent, copies: number) => {
    for (let copy = 0; copy < copies; copy += 1) {
      deps.socket.emit(frame.type, frame);
      deps.stats.gatewayFrameSent();
    }
  };

  const stopTimers = () => {
    for (const timer of timers) clearTimeout(timer);
    timers = [];
  };

  const cut = () => {
    if (state === 'cut') return;
    state = 'cut';
    stopTimers();
    deps.socket.conn.close();
  };

  const dropNow = (entry: ArmedFault<FaultOf<'connections-drop'>>) => {
    if (state !== 'live' || !schedule?.fire(entry)) return;
    deps.stats.injected('connections-drop');
    cut();
  };

  return {
    /** Sends one gateway frame to the socket, through the active faults. */
    deliver(frame: ConnectionEvent) {
      if (state !== 'live') return;
      if (!schedule) return emit(frame, 1);
      const active = schedule;
      framesCounted += 1;
      const duplicates = active.of('connections-duplicate').filter((entry) => entry.fault.atEvent === framesCounted && active.fire(entry));
      for (const _ of duplicates) deps.stats.injected('connections-duplicate');
      emit(frame, 1 + duplicates.length);
      const drop = active.of('connections-drop').find((entry) => entry.fault.afterEvents === framesCounted && active.fire(entry));
      if (drop) {
        deps.stats.injected('connections-drop');
        cut();
      }
    },

    /** Replaces the schedule: the count restarts and `atMs` drops are timed from now (0 ms: at once). */
    arm(next: ActiveSchedule | null) {
      stopTimers();
      framesCounted = 0;
      schedule = next;
      if (!next || state !== 'live') return;
      for (const entry of next.of('connections-drop')) {
        if (entry.fault.atMs === undefined) continue;
        if (entry.fault.atMs === 0) dropNow(entry);
        else timers.push(setTimeout(() => dropNow(entry), entry.fault.atMs));
      }
    },

    /** True once cut: commands are ignored and nothing is acknowledged. */
    isSilent: () => state !== 'live',
    cut,

    dispose() {
      stopTimers();
      state = 'cut';
    },
  };
}
