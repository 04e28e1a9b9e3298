import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timingArbitrary } from '../support/simulation/arbitraries.js';
import { auditInvocations } from '../support/simulation/gateway-audit.js';
import { cancelStep, faultStep, invokeStep, TOOL_NAMES, waitStep } from '../support/simulation/gateway-plan.js';
import { GATEWAY_PROPERTY_TIMEOUT_MS, gatewayProperties } from '../support/simulation/gateway-properties.js';

const RUNS = 200;
const holds = gatewayProperties('test/reliability/gateway-invocations.test.ts');

/**
 * The three tools registered, then random invocations (some duplicated, swapped, sent again, cancelled, of a tool
 * nobody offers or with refused arguments) whose `execute` takes random fake time, mixed with waits and drops of
 * every kind: while tools run, while an answer's acknowledgement is on its way, past the replay window.
 */
const world = fc.record({
  plan: fc.record({
    initialTools: fc.constant([...TOOL_NAMES]),
    steps: fc.array(
      fc.oneof(
        { arbitrary: invokeStep, weight: 5 },
        { arbitrary: waitStep, weight: 2 },
        { arbitrary: faultStep(['drop', 'expire-window', 'epoch-change', 'half-open', 'drop-on-answer', 'resend-invocations']), weight: 3 },
        { arbitrary: cancelStep, weight: 1 },
      ),
      { minLength: 1, maxLength: 30 },
    ),
    timing: timingArbitrary,
  }),
  scheduler: fc.scheduler(),
});

describe('browser-side tool invocations over a connections gateway that drops, repeats and forgets', () => {
  it('run each invocation exactly once and leave exactly its answer on the server: none lost, none doubled', () =>
    holds('each invocation executed once, its answer on the server once', RUNS, world, (outcome) => {
      const { lost, answersDoubled, executionsDoubled, executionsMissing, executionsUnexpected, wrongAnswers } = auditInvocations(outcome);
      expect({ lost, answersDoubled, executionsDoubled, executionsMissing, executionsUnexpected, wrongAnswers }).toEqual({
        lost: [],
        answersDoubled: [],
        executionsDoubled: [],
        executionsMissing: [],
        executionsUnexpected: [],
        wrongAnswers: [],
      });
      expect(outcome.settled).toBe(true);
    }), GATEWAY_PROPERTY_TIMEOUT_MS);
});
