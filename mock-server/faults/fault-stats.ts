import { FAULT_KINDS, type FaultKind } from './fault-schedule.js';

/** `expire-replay` is no schedule kind but is counted when the method or endpoint is used. */
export type CountedFault = FaultKind | 'expire-replay';

export type FaultStats = Record<CountedFault, number> & {
  /** Faults injected, all kinds together. */
  total: number;
  /** Thread event frames actually emitted to sockets (a duplicate counts twice, a skipped frame not at all). */
  framesSent: number;
  /** Gateway frames actually emitted to sockets of `/connections` (a duplicate counts twice). */
  gatewayFramesSent: number;
};

/** Counts since the last `set` or `clear`. */
export function createFaultStats() {
  let injected = new Map<CountedFault, number>();
  let framesSent = 0;
  let gatewayFramesSent = 0;

  return {
    injected(kind: CountedFault) {
      injected.set(kind, (injected.get(kind) ?? 0) + 1);
    },
    frameSent() {
      framesSent += 1;
    },
    gatewayFrameSent() {
      gatewayFramesSent += 1;
    },
    reset() {
      injected = new Map();
      framesSent = 0;
      gatewayFramesSent = 0;
    },
    snapshot(): FaultStats {
      const kinds = [...FAULT_KINDS, 'expire-replay'] as const;
      const counts = Object.fromEntries(kinds.map((kind) => [kind, injected.get(kind) ?? 0])) as Record<CountedFault, number>;
      const total = [...injected.values()].reduce((sum, value) => sum + value, 0);
      return { ...counts, total, framesSent, gatewayFramesSent };
    },
  };
}
