import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timingArbitrary } from '../support/simulation/arbitraries.js';
import { revisionsNotRising } from '../support/simulation/gateway-audit.js';
import { faultStep, TOOL_NAMES, toolsStep, waitStep } from '../support/simulation/gateway-plan.js';
import { GATEWAY_PROPERTY_TIMEOUT_MS, gatewayProperties } from '../support/simulation/gateway-properties.js';

const RUNS = 200;
const holds = gatewayProperties('test/reliability/gateway-tool-sync.test.ts');

/**
 * Some tools registered, then random registers, re-registers and unregisters (by name or through a kept
 * unregister function, several in one task at times), mixed with waits and drops, so that some changes are made
 * offline and some syncs cross a drop or an expired session.
 */
const world = fc.record({
  plan: fc.record({
    initialTools: fc.subarray([...TOOL_NAMES], { minLength: 1 }),
    steps: fc.array(
      fc.oneof(
        { arbitrary: toolsStep, weight: 5 },
        { arbitrary: waitStep, weight: 2 },
        { arbitrary: faultStep(['drop', 'expire-window', 'epoch-change', 'half-open']), weight: 3 },
      ),
      { minLength: 1, maxLength: 30 },
    ),
    timing: timingArbitrary,
  }),
  scheduler: fc.scheduler(),
});

describe('the browser-side tool set over a connections gateway that drops and forgets', () => {
  it("ends with the server holding the client's set at the client's revision, and never taking a lower revision after a higher", () =>
    holds('tool set and revision converge, revisions never go back', RUNS, world, (outcome) => {
      expect({ server: outcome.serverTools, revisionsNotRising: revisionsNotRising(outcome), sameRevisionConflicts: outcome.sameRevisionConflicts }).toEqual({
        server: outcome.clientTools,
        revisionsNotRising: [],
        sameRevisionConflicts: 0,
      });
      expect(outcome.settled).toBe(true);
    }), GATEWAY_PROPERTY_TIMEOUT_MS);
});
