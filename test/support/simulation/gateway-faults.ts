/** A fault of the gateway's world, injected at a script step. */
export type GatewayFault =
  /**
   * The server drops the gateway connection; it cannot be reached again for `outageMs`. An outage past the replay
   * window expires the session: the next one starts with a new epoch and no tool set.
   */
  | { kind: 'drop'; outageMs: number }
  /** A drop during which the server clock jumps past the replay window: the session lives on, its missed frames are too old to replay. */
  | { kind: 'expire-window'; outageMs: number }
  /** The server restarts: the session's frames get ids of a new epoch and the connection drops. */
  | { kind: 'epoch-change'; strays: boolean }
  /** The connection stops carrying frames either way without closing. */
  | { kind: 'half-open' }
  /** Armed: the connection drops right after the server took the next first answer, so its acknowledgement is lost. */
  | { kind: 'drop-on-answer' }
  /** Armed: after the next subscribe that does not resume, the server also sends every open invocation again as a new frame. */
  | { kind: 'resend-invocations' }
  /** Armed: the next entities request is answered 503. */
  | { kind: 'entities-unavailable' };

export type GatewayFaultKind = GatewayFault['kind'];

/** What can happen to the `tool:invoke` frame of one invocation. */
export type InvokeFault =
  /** The same frame reaches the client twice. */
  | 'duplicate'
  /** The frame reaches the client after the next frame. */
  | 'swap'
  /** The server, unsure the first arrived, sends the invocation again a little later as a new frame. */
  | 'reinvoke';

/** What can happen to one entity update. */
export type EntityFault =
  | 'duplicate'
  | 'swap'
  /** The same version is sent again as a new frame. */
  | 'duplicate-version'
  /** The version before it is sent again after it, as a snapshot. */
  | 'stale-version'
  /** This version's frame goes out after the entity's next version. */
  | 'swap-versions'
  /** This version is never sent live (the entities endpoint has it). Only when a later version follows. */
  | 'skip-version';

/** Faults that took effect, and other things the world did, by kind. */
export type GatewayFaultCounts = Record<string, number>;

export function countGatewayFault(counts: GatewayFaultCounts, kind: string): void {
  counts[kind] = (counts[kind] ?? 0) + 1;
}
