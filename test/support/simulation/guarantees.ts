import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { timingArbitrary } from './arbitraries.js';
import { auditDelivery } from './delivery-audit.js';
import type { PlannedFault } from './faults.js';
import { goldenView } from './golden-view.js';
import { createPropertyReport, recordOutcome, tallyRun } from './property-report.js';
import { runSimulation, type SimulationOutcome } from './run-simulation.js';
import { stepsWithFaults } from './simulation-plan.js';
import { buildScript, scriptPlanArbitrary } from './turn-script.js';

export const PROPERTY_RUNS = 200;
/** A run takes some 50 ms; fast-check may then shrink a failure for a while. */
export const PROPERTY_TIMEOUT_MS = 300_000;
const THREAD_IDS = ['thread-a', 'thread-b'];

/** Fails the run when the simulated world itself threw. */
export function expectNoSimulationErrors(outcome: SimulationOutcome) {
  expect(outcome.errors.map(String)).toEqual([]);
}

export function expectFinalViewsEqualGolden(outcome: SimulationOutcome) {
  expect(outcome.settled).toBe(true);
  for (const thread of outcome.threads) expect(thread.storeThread?.view).toEqual(goldenView(thread.threadId, thread.finalLog));
}

export function expectExactlyOnceDelivery(outcome: SimulationOutcome) {
  expect(outcome.settled).toBe(true);
  for (const thread of outcome.threads) {
    const { lost, doubled } = auditDelivery(thread.updates, thread.finalLog);
    expect({ threadId: thread.threadId, lost, doubled }).toEqual({ threadId: thread.threadId, lost: [], doubled: [] });
  }
}

export function expectSeqRisingByOne(outcome: SimulationOutcome) {
  for (const thread of outcome.threads) {
    const { seqBreaks, turnOrderBreaks } = auditDelivery(thread.updates, thread.finalLog);
    expect({ threadId: thread.threadId, seqBreaks, turnOrderBreaks }).toEqual({ threadId: thread.threadId, seqBreaks: [], turnOrderBreaks: [] });
  }
}

export function expectNothingStuck(outcome: SimulationOutcome) {
  expect({ settled: outcome.settled, connection: outcome.connectionState }).toEqual({ settled: true, connection: 'open' });
  for (const thread of outcome.threads) {
    expect({ threadId: thread.threadId, sync: thread.storeThread?.sync }).toEqual({ threadId: thread.threadId, sync: 'live' });
  }
}

/**
 * The four guarantees of docs/reliability.md as properties over random scripts of valid turns on two threads,
 * random schedules of the given faults, and random interleavings of every network step.
 */
export function describeGuaranteesUnder(options: { testFile: string; title: string; faults: fc.Arbitrary<PlannedFault[]> }) {
  const report = createPropertyReport(options.testFile);
  afterAll(() => report.write());
  const world = fc.record({
    script: scriptPlanArbitrary(THREAD_IDS.length, 3),
    faults: options.faults,
    timing: timingArbitrary,
    scheduler: fc.scheduler(),
  });

  const holds = async (name: string, check: (outcome: SimulationOutcome) => void) => {
    const tally = report.property(name, PROPERTY_RUNS);
    await recordOutcome(tally, () =>
      fc.assert(
        fc.asyncProperty(world, async ({ script, faults, timing, scheduler }) => {
          const steps = stepsWithFaults(buildScript(THREAD_IDS, script), faults);
          const outcome = await runSimulation({ threadIds: THREAD_IDS, steps, timing }, scheduler);
          tallyRun(tally, outcome);
          expectNoSimulationErrors(outcome);
          check(outcome);
        }),
        { numRuns: PROPERTY_RUNS },
      ),
    );
  };

  describe(options.title, () => {
    it('the store ends with the view of a fault-free run', () => holds('final view equals the fault-free fold', expectFinalViewsEqualGolden), PROPERTY_TIMEOUT_MS);
    it('delivers each event at most once between resets, and exactly once after the last reset', () =>
      holds('at most once between resets, exactly once after the last', expectExactlyOnceDelivery), PROPERTY_TIMEOUT_MS);
    it('delivers seqs rising by exactly one between resets, and rising within each turn', () =>
      holds('seq rises by one between resets and within turns', expectSeqRisingByOne), PROPERTY_TIMEOUT_MS);
    it('leaves nothing stuck: connected, and every thread live in the store', () => holds('nothing stuck in subscribing, resyncing or error', expectNothingStuck), PROPERTY_TIMEOUT_MS);
  });
}
