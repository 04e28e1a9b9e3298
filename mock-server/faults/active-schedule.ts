import { drawDropPoints, mulberry32 } from './seeded-random.js';
import type { Fault, FaultKind, FaultOf, FaultSchedule } from './fault-schedule.js';

/** A fault of the active schedule and how many more times it may fire. */
export interface ArmedFault<F extends Fault = Fault> {
  fault: F;
  remaining: number;
}

/** The drop points of one `random-drops` fault that no socket has claimed yet, in drawing order. */
export interface RandomDropPool {
  fault: FaultOf<'random-drops'>;
  unclaimedPoints: number[];
}

export type ActiveSchedule = ReturnType<typeof activateSchedule>;

/** The schedule as set, with a budget per fault; random drop points are drawn here, once, from the seed. */
export function activateSchedule(schedule: FaultSchedule, defaultSeed: number) {
  const seed = schedule.seed ?? defaultSeed;
  const random = mulberry32(seed);
  const armed: ArmedFault[] = schedule.faults.map((fault) => ({ fault, remaining: fault.kind === 'random-drops' ? 0 : (fault.times ?? 1) }));
  const randomDropPools: RandomDropPool[] = schedule.faults
    .filter((fault): fault is FaultOf<'random-drops'> => fault.kind === 'random-drops')
    .map((fault) => ({ fault, unclaimedPoints: drawDropPoints(random, fault) }));

  return {
    schedule: { ...schedule, seed },
    randomDropPools,
    of<K extends FaultKind>(kind: K): ArmedFault<FaultOf<K>>[] {
      return armed.filter((entry): entry is ArmedFault<FaultOf<K>> => entry.fault.kind === kind);
    },
    /** Spends one use of the fault; false once its `times` are used up. */
    fire(entry: { remaining: number }): boolean {
      if (entry.remaining <= 0) return false;
      entry.remaining -= 1;
      return true;
    },
  };
}

export const affectsThread = (fault: Fault, threadId: string) => !('threadId' in fault) || fault.threadId === undefined || fault.threadId === threadId;
