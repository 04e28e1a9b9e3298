import { defaultScenario } from './default-scenario';
import { longScenario } from './long-scenario';
import type { Scenario } from './scenario-types';
import { approveScenario, echoScenario, failScenario, runScenario, slowScenario } from './simple-scenarios';
import { toolsScenario } from './tools-scenario';

/** Scenarios chosen by the first word of the message; anything else gets `default`. */
export const scenariosByFirstWord = {
  echo: echoScenario,
  fail: failScenario,
  long: longScenario,
  tools: toolsScenario,
  slow: slowScenario,
  approve: approveScenario,
  run: runScenario,
} satisfies Record<string, Scenario>;

export type ScenarioName = keyof typeof scenariosByFirstWord | 'default';

export function pickScenario(userText: string): { name: ScenarioName; scenario: Scenario } {
  const firstWord = (userText.trim().split(/\s+/)[0] ?? '').toLowerCase();
  if (Object.hasOwn(scenariosByFirstWord, firstWord)) {
    const name = firstWord as keyof typeof scenariosByFirstWord;
    return { name, scenario: scenariosByFirstWord[name] };
  }
  return { name: 'default', scenario: defaultScenario };
}
