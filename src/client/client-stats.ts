import type { ClientStats } from './types';

export function emptyClientStats(): ClientStats {
  return {
    malformedFrames: 0,
    duplicateFrames: 0,
    staleFrames: 0,
    outOfOrderFrames: 0,
    gaps: 0,
    resyncs: 0,
    reconnects: 0,
    livenessTimeouts: 0,
  };
}
