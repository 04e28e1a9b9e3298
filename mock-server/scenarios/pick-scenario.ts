import { builtInScenarios } from '../../src/testing/scenarios/built-in-scenarios.js';
import { hostileScenario, type HostileCorpus } from './hostile-scenario.js';
import type { Scenario } from '../../src/testing/scenarios/scenario-types.js';

const { default: defaultScenario, ...byFirstWord } = builtInScenarios;

/** Scenarios chosen by the first word of the message; anything else gets `default`. */
export const scenariosByFirstWord = byFirstWord;

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
