import fc from 'fast-check';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { createPropertyReport, recordOutcome } from '../support/simulation/property-report.js';
import { tabsPlanArbitrary } from '../support/simulation/tabs-plan.js';
import {
  expectNoSimulationErrors,
  expectNoTabGetsAnEventTwice,
  expectOneSocketAndNothingStuck,
  expectOneTurnPerSend,
  expectOpenTabsLoseNothing,
  tallyTabsRun,
} from '../support/simulation/tabs-properties.js';
import { runTabsSimulation, type TabsOutcome } from '../support/simulation/tabs-run.js';

const TEST_FILE = 'test/reliability/leader-handover.test.ts';
/** A run takes some 10 to 20 ms; 200 of each keep the file well under 20 s. */
const RUNS = 200;
/** Room for fast-check to shrink a failure. */
const TIMEOUT_MS = 300_000;

const report = createPropertyReport(TEST_FILE);
afterAll(() => report.write());
// The client loads its tab-sharing code on first use, in real time; a simulated run is over in a few real
// milliseconds, so the module is loaded once before any run rather than racing the first one.
beforeAll(() => import('../../src/client/shared-connection/shared-socket.js'));
const world = fc.record({ plan: tabsPlanArbitrary, scheduler: fc.scheduler() });

const holds = async (name: string, check: (outcome: TabsOutcome) => void) => {
  const tally = report.property(name, RUNS);
  await recordOutcome(tally, () =>
    fc.assert(
      fc.asyncProperty(world, async ({ plan, scheduler }) => {
        const outcome = await runTabsSimulation(plan, scheduler);
        tallyTabsRun(tally, outcome, plan.tabCount);
        expectNoSimulationErrors(outcome);
        check(outcome);
      }),
      { numRuns: RUNS },
    ),
  );
};

describe('2 to 4 tabs sharing one connection (Web Locks or channel election), under leader and follower closes, new tabs, network drops and expired windows', () => {
  it('every tab still open ends with the server log, each event once; no tab ever gets an event twice', () =>
    holds('open tabs lose nothing, no tab gets an event twice', (outcome) => {
      expectOpenTabsLoseNothing(outcome);
      expectNoTabGetsAnEventTwice(outcome);
    }), TIMEOUT_MS);
  it('each message sent in a tab starts one server turn; none lost from tabs still open', () =>
    holds('each send starts at most one server turn, exactly one from open tabs', expectOneTurnPerSend), TIMEOUT_MS);
  it('comes to rest with one real socket connected and every thread live in every open tab', () =>
    holds('one socket at rest, nothing stuck', expectOneSocketAndNothingStuck), TIMEOUT_MS);
});
