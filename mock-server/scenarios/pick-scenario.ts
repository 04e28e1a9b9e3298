import { defaultScenario } from '../../src/testing/scenarios/default-scenario.js';
import { hostileScenario, type HostileCorpus } from './hostile-scenario.js';
import { longScenario } from '../../src/testing/scenarios/long-scenario.js';
import type { Scenario } from '../../src/testing/scenarios/scenario-types.js';
import { approveScenario, echoScenario, failScenario, runScenario, slowScenario } from '../../src/testing/scenarios/simple-scenarios.js';
import { toolsScenario } from '../../src/testing/scenarios/tools-scenario.js';

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

export type ScenarioName = keyof typeof scenariosByFirstWord | 'hostile' | 'default';

/**
 * Picks the scenario by the message's first word (case-insensitive). `hostile NAME` plays `hostileCorpus`'s NAME;
 * without a corpus (the in-browser mock) it answers with an `error` event.
 */
export function pickScenario(userText: string, hostileCorpus?: HostileCorpus): { name: ScenarioName; scenario: Scenario } {
  const [firstWord = '', secondWord] = userText.trim().toLowerCase().split(/\s+/);
  if (firstWord === 'hostile') return { name: 'hostile', scenario: hostileScenario(secondWord, hostileCorpus) };
  if (Object.hasOwn(scenariosByFirstWord, firstWord)) {
    const name = firstWord as keyof typeof scenariosByFirstWord;
    return { name, scenario: scenariosByFirstWord[name] };
  }
  return { name: 'default', scenario: defaultScenario };
}
