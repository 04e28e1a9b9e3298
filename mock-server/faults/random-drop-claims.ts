import type { RandomDropPool } from './active-schedule.js';
import type { Fault } from './fault-schedule.js';

interface ClaimedDropPoint {
  pool: RandomDropPool;
  point: number;
}

/**
 * One socket's share of the `random-drops` points. A socket takes the next point of a pool with its first frame
 * that counts for it, so idle sockets take none; points it never reached go back to the front of their pools.
 */
export function createRandomDropClaims(countFor: (fault: Fault, threadId: string) => number | undefined) {
  let claims: ClaimedDropPoint[] = [];
  const poolsAsked = new Set<RandomDropPool>();

  return {
    claimOnFirstFrame(pools: readonly RandomDropPool[], threadId: string) {
      for (const pool of pools) {
        if (poolsAsked.has(pool) || countFor(pool.fault, threadId) === undefined) continue;
        poolsAsked.add(pool);
        const point = pool.unclaimedPoints.shift();
        if (point !== undefined) claims.push({ pool, point });
      }
    },

    /** True, and the point is spent, when this frame is the one a claimed point drops after. */
    reachedPoint(threadId: string): boolean {
      const reached = claims.find((claim) => countFor(claim.pool.fault, threadId) === claim.point);
      claims = claims.filter((claim) => claim !== reached);
      return reached !== undefined;
    },

    /** Gives the unreached points back and forgets which pools were asked (a new schedule or a gone socket). */
    release() {
      for (const claim of [...claims].reverse()) claim.pool.unclaimedPoints.unshift(claim.point);
      claims = [];
      poolsAsked.clear();
    },
  };
}
