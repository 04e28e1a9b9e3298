import type { Scenario, ScenarioStep } from '../../scenarios/index.js';

/** A session the recording script plays against the mock server and writes as `mock-server/cassettes/NAME.json`. */
export interface SessionPlan {
  name: string;
  threadId: string;
  /** The user's messages, sent one after another, each once the previous turn is over. */
  messages: string[];
  /** Each message's scenario; without it the server's built-in scenarios answer (the hostile corpus included). */
  scenarios?: ReadonlyMap<string, Scenario>;
}

/** Picks a plan's scenario by message; a message the plan does not know fails its turn, so a typo cannot go unseen. */
export function scenarioOfPlan(scenarios: ReadonlyMap<string, Scenario>): (userText: string) => Scenario {
  return (userText) => {
    const scenario = scenarios.get(userText);
    if (!scenario) throw new Error(`The session has no scenario for "${userText}"`);
    return scenario;
  };
}

export const usage = (inputTokens: number, outputTokens: number) => ({ inputTokens, outputTokens });

/** The steps of a plain list, as a scenario. */
export const stepsScenario = (steps: ScenarioStep[]): Scenario => () => steps;
