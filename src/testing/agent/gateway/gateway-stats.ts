/** What the gateway did since the server started. */
export interface GatewayStats {
  /** Client frames handled by a session (acknowledged or not), whatever the command. */
  framesHandled: number;
  /** `tool:invoke` frames sent: one per invocation. */
  invocations: number;
  /** First answers with `tool:result`. */
  results: number;
  /** First answers with `tool:error`. */
  errors: number;
  /** Repeated answers to an invocation already answered, acknowledged and ignored. */
  duplicateAnswers: number;
  /** Answers to an invocation the session does not hold, answered `invocation_not_found`. */
  unknownAnswers: number;
  /** Tool calls no session offered the tool for (`tool_unavailable`). */
  unavailable: number;
  timeouts: number;
  /** Invocations cancelled because their turn was. */
  turnCancels: number;
  /** Invocations failed because their session was dropped. */
  clientGone: number;
  entityUpdates: number;
  /** Sockets that took a session over from an older socket. */
  takeovers: number;
  sessionsDropped: number;
}

export type GatewayStatsCounter = ReturnType<typeof createGatewayStats>;

export function createGatewayStats() {
  const counts: GatewayStats = {
    framesHandled: 0,
    invocations: 0,
    results: 0,
    errors: 0,
    duplicateAnswers: 0,
    unknownAnswers: 0,
    unavailable: 0,
    timeouts: 0,
    turnCancels: 0,
    clientGone: 0,
    entityUpdates: 0,
    takeovers: 0,
    sessionsDropped: 0,
  };
  return {
    count(key: keyof GatewayStats) {
      counts[key] += 1;
    },
    snapshot: (): GatewayStats => ({ ...counts }),
  };
}
