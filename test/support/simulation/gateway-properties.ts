import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { tallyGatewayRun } from './gateway-audit.js';
import type { GatewayPlan } from './gateway-plan.js';
import { runGatewaySimulation, type GatewayOutcome } from './gateway-simulation.js';
import { createPropertyReport, recordOutcome } from './property-report.js';

/** Generous: a run takes some tens of ms, and fast-check may then shrink a failure for a while. */
export const GATEWAY_PROPERTY_TIMEOUT_MS = 300_000;

/** A plan and the scheduler that orders its network steps. */
export type GatewayWorld = { plan: GatewayPlan; scheduler: fc.Scheduler };

/**
 * One test file's gateway properties: each runs the simulation for every world fast-check draws, adds the run to
 * the shared property report (counterexample and seed included when it fails), and applies `check`. Runs `check`
 * leaves out with `fc.pre` are counted in the report too, and as `runsLeftOut`.
 */
export function gatewayProperties(testFile: string) {
  const report = createPropertyReport(testFile);
  afterAll(() => report.write());
  return async (name: string, runs: number, world: fc.Arbitrary<GatewayWorld>, check: (outcome: GatewayOutcome) => void) => {
    const tally = report.property(name, runs);
    await recordOutcome(tally, () =>
      fc.assert(
        fc.asyncProperty(world, async ({ plan, scheduler }) => {
          const outcome = await runGatewaySimulation(plan, scheduler);
          tallyGatewayRun(tally, outcome);
          expect(outcome.errors.map(String)).toEqual([]);
          try {
            check(outcome);
          } catch (error) {
            if (fc.PreconditionFailure.isFailure(error)) tally.gateway!.runsLeftOut += 1;
            throw error;
          }
        }),
        { numRuns: runs },
      ),
    );
  };
}
