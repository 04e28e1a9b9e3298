import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { NEEDS_APPROVAL } from './agent-turns.js';
import { timingArbitrary } from './arbitraries.js';
import type { PlannedFault } from './faults.js';
import { expectFinalViewsEqualGolden, expectNoSimulationErrors, expectNothingStuck, PROPERTY_RUNS, PROPERTY_TIMEOUT_MS } from './guarantees.js';
import { plannedSendsArbitrary, stepsWithSends } from './offline-sends.js';
import { createPropertyReport, recordOutcome, tallyRun } from './property-report.js';
import { runSimulation, type SimulationOutcome } from './run-simulation.js';

const THREAD_IDS = ['thread-a', 'thread-b'];

/**
 * docs/reliability.md "Sends while offline" as properties: random sends through the store (some asking for an
 * approval the user gives at a random moment) interleaved with random faults, checked on the server's side.
 */
export function describeSendGuaranteesUnder(options: { testFile: string; title: string; faults: fc.Arbitrary<PlannedFault[]> }) {
  const report = createPropertyReport(options.testFile);
  afterAll(() => report.write());
  const world = fc.record({ sends: plannedSendsArbitrary, faults: options.faults, timing: timingArbitrary, scheduler: fc.scheduler() });

  const holds = async (name: string, check: (outcome: SimulationOutcome) => void) => {
    const tally = report.property(name, PROPERTY_RUNS);
    await recordOutcome(tally, () =>
      fc.assert(
        fc.asyncProperty(world, async ({ sends, faults, timing, scheduler }) => {
          const steps = stepsWithSends(THREAD_IDS, sends, faults);
          const outcome = await runSimulation({ threadIds: THREAD_IDS, steps, timing, answerApprovals: true }, scheduler);
          tallyRun(tally, outcome);
          expectNoSimulationErrors(outcome);
          check(outcome);
        }),
        { numRuns: PROPERTY_RUNS },
      ),
    );
  };

  describe(options.title, () => {
    it('start exactly one turn per message on the server, and every send resolves', () =>
      holds('each send starts exactly one server turn', (outcome) => {
        const turnsPerText = outcome.sends.map((send) => ({
          text: send.text,
          whileDisconnected: send.whileDisconnected,
          serverTurns: outcome.agentTurns.filter((turn) => turn.threadId === send.threadId && turn.text === send.text).length,
          ok: send.result !== 'pending' && send.result.ok,
        }));
        expect(turnsPerText).toEqual(turnsPerText.map((entry) => ({ ...entry, serverTurns: 1, ok: true })));
      }), PROPERTY_TIMEOUT_MS);

    it('apply every approval the user gave exactly once, and every turn finishes', () =>
      holds('each approval decided exactly once', (outcome) => {
        expect(outcome.settled).toBe(true);
        const waited = outcome.agentTurns.filter((turn) => turn.text.startsWith(NEEDS_APPROVAL));
        expect(waited.map((turn) => ({ turnId: turn.turnId, decisions: outcome.approvalDecisions.get(`${turn.turnId}-approval`) ?? 0, state: turn.state }))).toEqual(
          waited.map((turn) => ({ turnId: turn.turnId, decisions: 1, state: 'finished' })),
        );
      }), PROPERTY_TIMEOUT_MS);

    it('end with the view of a fault-free run and no message left pending', () =>
      holds('final view equals the fault-free fold, nothing pending', (outcome) => {
        expectNothingStuck(outcome);
        expectFinalViewsEqualGolden(outcome);
        for (const thread of outcome.threads) {
          expect({ threadId: thread.threadId, pending: thread.storeThread?.pendingMessages }).toEqual({ threadId: thread.threadId, pending: [] });
        }
      }), PROPERTY_TIMEOUT_MS);
  });
}
