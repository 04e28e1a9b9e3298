/** One thing that goes wrong, injected before script step `at`. */
export type Fault =
  /** The server drops the connection; it cannot be reached again for `outageMs`. */
  | { kind: 'drop'; outageMs: number }
  /** The event of this step reaches the client twice. */
  | { kind: 'duplicate' }
  /** The event of this step reaches the client after the next event of its thread. */
  | { kind: 'swap' }
  /** The event of this step is never sent live (it stays in the log). Never the last event of a thread. */
  | { kind: 'skip' }
  /** The next resumed replay of this step's thread starts `extra` events before the asked one. */
  | { kind: 'overlap-replay'; extra: number }
  /** The next resumed replay of this step's thread leaves out its first missed event. */
  | { kind: 'gapped-replay' }
  /** A drop during which the server clock jumps past the replay window. */
  | { kind: 'expire-window'; outageMs: number }
  /** The server's copy of every thread is renumbered under a new epoch and the connection drops. */
  | { kind: 'epoch-change'; strays: boolean }
  /** The connection stops carrying frames either way without closing. */
  | { kind: 'half-open' };

export type FaultKind = Fault['kind'];

/** A fault and the script step it is injected before. */
export interface PlannedFault {
  at: number;
  fault: Fault;
}

/** Faults that actually took effect, by kind (a skip on an offline connection, say, does not count). */
export type FaultCounts = Partial<Record<FaultKind | 'stray-frame', number>>;

export function countFault(counts: FaultCounts, kind: FaultKind | 'stray-frame'): void {
  counts[kind] = (counts[kind] ?? 0) + 1;
}
