import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { timingArbitrary } from '../support/simulation/arbitraries.js';
import { expectFinalViewsEqualGolden, expectNoSimulationErrors, PROPERTY_RUNS, PROPERTY_TIMEOUT_MS } from '../support/simulation/guarantees.js';
import { createPropertyReport, recordOutcome, tallyRun } from '../support/simulation/property-report.js';
import { MAX_LATENCY_MS, runSimulation, TICK_MS, type SimulationOutcome } from '../support/simulation/run-simulation.js';
import { stepsWithFaults } from '../support/simulation/simulation-plan.js';
import { buildScript, scriptPlanArbitrary } from '../support/simulation/turn-script.js';

const THREAD_IDS = ['thread-a', 'thread-b'];
/**
 * docs/reliability.md "Liveness": 5 s of quiet, 5 s for the ping's answer, a first reconnect within 500 ms; then
 * the handshake's own latency, and the fake clock's tick.
 */
const NOTICED_AND_REPLACED_WITHIN_MS = 5_000 + 5_000 + 500 + MAX_LATENCY_MS + 2 * TICK_MS;
const report = createPropertyReport('test/reliability/half-open-connections.test.ts');
afterAll(() => report.write());

/** One half-open spell somewhere in a script, nothing else going wrong. */
const world = fc.record({
  script: scriptPlanArbitrary(THREAD_IDS.length, 3),
  at: fc.nat({ max: 400 }),
  timing: timingArbitrary,
  scheduler: fc.scheduler(),
});

async function holds(name: string, check: (outcome: SimulationOutcome, halfOpenAt: number) => void) {
  const tally = report.property(name, PROPERTY_RUNS);
  await recordOutcome(tally, () =>
    fc.assert(
      fc.asyncProperty(world, async ({ script, at, timing, scheduler }) => {
        const steps = stepsWithFaults(buildScript(THREAD_IDS, script), [{ at, fault: { kind: 'half-open' } }]);
        const outcome = await runSimulation({ threadIds: THREAD_IDS, steps, timing }, scheduler);
        tallyRun(tally, outcome);
        expectNoSimulationErrors(outcome);
        const halfOpenAt = outcome.faultTimes.find((fault) => fault.kind === 'half-open')?.at;
        // Injected before the first connection was up, the fault has nothing to act on.
        fc.pre(halfOpenAt !== undefined);
        check(outcome, halfOpenAt);
      }),
      { numRuns: PROPERTY_RUNS },
    ),
  );
}

describe('a half-open connection', () => {
  it('is noticed by the liveness ping and replaced within about 10 s, not after the 45 s heartbeat', async () => {
    await holds('replaced within the liveness bound', (outcome, halfOpenAt) => {
      const replacedAt = outcome.connectedAt.find((time) => time > halfOpenAt);
      expect({ replacedAfterMs: replacedAt === undefined ? 'never' : replacedAt - halfOpenAt, livenessTimeouts: outcome.stats.livenessTimeouts }).toEqual({
        replacedAfterMs: expect.any(Number),
        livenessTimeouts: 1,
      });
      expect(replacedAt! - halfOpenAt).toBeLessThanOrEqual(NOTICED_AND_REPLACED_WITHIN_MS);
    });
  }, PROPERTY_TIMEOUT_MS);

  it('costs a live thread with a resume point no rebuild: it resumes by replay, and ends with the fault-free view', async () => {
    await holds('live threads resume by replay', (outcome, halfOpenAt) => {
      for (const thread of outcome.threads) {
        const before = thread.updates.filter((_, index) => thread.updateTimes[index]! < halfOpenAt);
        const lastSync = before.findLast((update) => update.kind === 'sync');
        // Without an event or a history behind it, a thread has no lastEventId to resume from (docs/protocol.md).
        const hasResumePoint = before.some((update) => update.kind === 'event' || (update.kind === 'reset' && update.history.lastEventId !== null));
        if (lastSync?.kind !== 'sync' || lastSync.state !== 'live' || !hasResumePoint) continue;
        const resetsAfter = thread.updates.filter((update, index) => update.kind === 'reset' && thread.updateTimes[index]! >= halfOpenAt).length;
        expect({ threadId: thread.threadId, resetsAfter }).toEqual({ threadId: thread.threadId, resetsAfter: 0 });
      }
      expectFinalViewsEqualGolden(outcome);
    });
  }, PROPERTY_TIMEOUT_MS);
});
