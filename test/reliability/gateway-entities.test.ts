import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timingArbitrary } from '../support/simulation/arbitraries.js';
import { divergedEntities, versionsNotRising } from '../support/simulation/gateway-audit.js';
import { entityStep, faultStep, waitStep, withNoticeableSkips } from '../support/simulation/gateway-plan.js';
import { GATEWAY_PROPERTY_TIMEOUT_MS, gatewayProperties } from '../support/simulation/gateway-properties.js';

const RUNS = 200;
const holds = gatewayProperties('test/reliability/gateway-entities.test.ts');

/**
 * An entity listener opens the gateway; then random updates of three entities, as snapshots or patches, some
 * duplicated, swapped, sent again at the same or an older version, out of version order or skipped, mixed with
 * waits, drops, expired windows and sessions, epoch changes and an entities endpoint that fails once.
 */
const world = fc.record({
  plan: fc.record({
    initialTools: fc.constant([]),
    steps: fc
      .array(
        fc.oneof(
          { arbitrary: entityStep, weight: 6 },
          { arbitrary: waitStep, weight: 2 },
          { arbitrary: faultStep(['drop', 'expire-window', 'epoch-change', 'half-open', 'entities-unavailable']), weight: 2 },
        ),
        { minLength: 1, maxLength: 30 },
      )
      .map(withNoticeableSkips),
    timing: timingArbitrary,
  }),
  scheduler: fc.scheduler(),
});

describe('entity updates over a connections gateway that drops, repeats, reorders and forgets', () => {
  it("end with the client holding the server's version and value of every entity, and report versions only upwards", () =>
    holds('entities converge, reported versions rise', RUNS, world, (outcome) => {
      expect({ diverged: divergedEntities(outcome), versionsNotRising: versionsNotRising(outcome) }).toEqual({ diverged: [], versionsNotRising: [] });
      expect(outcome.settled).toBe(true);
    }), GATEWAY_PROPERTY_TIMEOUT_MS);
});
