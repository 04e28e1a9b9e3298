import fc from 'fast-check';
import type { Fault, FaultKind, PlannedFault } from './faults.js';
import type { SimulationTiming } from './simulation-plan.js';

/** Outages shorter than a reconnect, longer than an ack timeout, and longer than the replay window. */
const outageMs = fc.constantFrom(0, 300, 2_000, 12_000, 40_000);

const faultByKind: Record<FaultKind, fc.Arbitrary<Fault>> = {
  drop: fc.record({ kind: fc.constant('drop' as const), outageMs }),
  duplicate: fc.constant({ kind: 'duplicate' as const }),
  swap: fc.constant({ kind: 'swap' as const }),
  skip: fc.constant({ kind: 'skip' as const }),
  'overlap-replay': fc.record({ kind: fc.constant('overlap-replay' as const), extra: fc.integer({ min: 1, max: 3 }) }),
  'gapped-replay': fc.constant({ kind: 'gapped-replay' as const }),
  'expire-window': fc.record({ kind: fc.constant('expire-window' as const), outageMs }),
  'epoch-change': fc.constant({ kind: 'epoch-change' as const, strays: false }),
  'half-open': fc.constant({ kind: 'half-open' as const }),
};

/** An epoch change after which frames of the old epoch still reach the client on the new connection. */
export const epochChangeWithStrays: fc.Arbitrary<Fault> = fc.constant({ kind: 'epoch-change' as const, strays: true });

/** Up to `maxFaults` faults of the given kinds (plus `extra` ones), each before a script step the property picks. */
export function faultScheduleArbitrary(kinds: readonly FaultKind[], maxFaults: number, extra: fc.Arbitrary<Fault>[] = []): fc.Arbitrary<PlannedFault[]> {
  const fault = fc.oneof(...kinds.map((kind) => faultByKind[kind]), ...extra);
  return fc.array(fc.record({ at: fc.nat({ max: 400 }), fault }), { maxLength: maxFaults });
}

export const timingArbitrary: fc.Arbitrary<SimulationTiming> = fc.record({
  burstSizes: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 6 }),
  // A zero lets the clock tick with nothing delivered (timeouts firing first); at least one entry moves things on.
  stepsPerTick: fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 1, maxLength: 6 }).filter((steps) => steps.some((count) => count > 0)),
  clientSeed: fc.integer(),
});
