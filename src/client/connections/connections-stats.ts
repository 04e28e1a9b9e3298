import { REJECT_REASONS, type RejectReason } from '../reject-reason.js';
import type { ConnectionsStats } from './types.js';

const counters = [
  'malformedFrames', 'duplicateFrames', 'staleFrames', 'outOfOrderFrames', 'gaps', 'resyncs', 'reconnects', 'livenessTimeouts',
  'invocations', 'duplicateInvocations', 'invalidArgs', 'timeouts', 'cancellations', 'answersSent', 'answersAcknowledged',
  'answersRejected', 'toolSyncs', 'toolSyncFailures', 'entityUpdates', 'staleEntityUpdates', 'entityPatchFailures',
] as const satisfies readonly Exclude<keyof ConnectionsStats, 'rejectedFrames'>[];

export function emptyConnectionsStats(): ConnectionsStats {
  return {
    ...(Object.fromEntries(counters.map((counter) => [counter, 0])) as Record<(typeof counters)[number], number>),
    rejectedFrames: Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<RejectReason, number>,
  };
}

export const copyConnectionsStats = (stats: ConnectionsStats): ConnectionsStats => ({ ...stats, rejectedFrames: { ...stats.rejectedFrames } });
