import { REJECT_REASONS, type RejectReason } from './reject-reason.js';
import type { ClientStats } from './types.js';

export function emptyClientStats(): ClientStats {
  return {
    malformedFrames: 0,
    rejectedFrames: Object.fromEntries(REJECT_REASONS.map((reason) => [reason, 0])) as Record<RejectReason, number>,
    sanitizedFrames: 0,
    duplicateFrames: 0,
    staleFrames: 0,
    outOfOrderFrames: 0,
    gaps: 0,
    resyncs: 0,
    reconnects: 0,
    livenessTimeouts: 0,
    batchedFrames: 0,
  };
}
