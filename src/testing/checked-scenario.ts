import { parseScenarioFile } from './scenarios/parse-scenario-file.js';
import type { Scenario, ScenarioStep, StepOutcome } from './scenarios/scenario-types.js';

/** Steps to play for every message, or a scenario that decides per message. */
export type ScenarioSource = Scenario | readonly ScenarioStep[];

/**
 * The steps of a scenario file's JSON (`JSON.parse` of it, or a `.json` import), checked against the event schemas.
 * @throws Error naming the first step at fault, e.g. `Invalid scenario: step 4: tool-call-args: delta: ...`
 * @example const server = createTestServer({ scenario: scenarioFromJson(bookingTurn) });
 */
export function scenarioFromJson(json: unknown): ScenarioStep[] {
  const parsed = parseScenarioFile(json);
  if (!parsed.ok) throw new Error(`Invalid scenario: ${parsed.reason}`);
  return parsed.steps;
}

/** A scenario whose every step is checked as it is played, so a mistake fails the turn naming the step. */
export function checkedScenario(source: ScenarioSource): Scenario {
  if (typeof source !== 'function') {
    const steps = scenarioFromJson(source);
    return () => [...steps];
  }
  return (context) => {
    const played = source(context);
    if (Array.isArray(played)) return scenarioFromJson(played);
    return (async function* (): AsyncGenerator<ScenarioStep, void, StepOutcome | undefined> {
      try {
        let outcome: StepOutcome | undefined;
        for (let index = 0; ; index += 1) {
          const next = await played.next(outcome);
          if (next.done) return;
          const checked = parseScenarioFile([next.value]);
          if (!checked.ok) throw new Error(`Invalid scenario: ${checked.reason.replace('step 0', `step ${index}`)}`);
          outcome = yield next.value;
        }
      } finally {
        await played.return?.(undefined);
      }
    })();
  };
}
