import { emptyClientStats } from '../client-stats.js';
import type { ConnectionsStats } from './types.js';

export function emptyConnectionsStats(): ConnectionsStats {
  const { sanitizedFrames: _notCounted, batchedFrames: _notBatched, ...frameCounters } = emptyClientStats();
  return {
    ...frameCounters,
    invocations: 0,
    duplicateInvocations: 0,
    invalidArgs: 0,
    timeouts: 0,
    cancellations: 0,
    answersSent: 0,
    answersAcknowledged: 0,
    answersRejected: 0,
    toolSyncs: 0,
    toolSyncFailures: 0,
    entityUpdates: 0,
    staleEntityUpdates: 0,
    entityPatchFailures: 0,
  };
}

export const copyConnectionsStats = (stats: ConnectionsStats): ConnectionsStats => ({ ...stats, rejectedFrames: { ...stats.rejectedFrames } });
