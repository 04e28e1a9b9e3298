import { loadHostileCorpus } from './load-hostile-corpus.js';
import { readScenarioFile } from './read-scenario-file.js';
import { pickScenario, type Scenario } from './scenarios/index.js';

/**
 * How the server picks a message's scenario: the scenario file for every message if there is one, else the
 * built-in scenarios by first word, with the hostile corpus loaded from `hostileDirectory`.
 */
export async function loadScenarioChoice(scenarioFile: string | undefined, hostileDirectory?: string): Promise<(userText: string) => Scenario> {
  if (scenarioFile === undefined) {
    const hostileCorpus = await loadHostileCorpus(hostileDirectory);
    return (userText) => pickScenario(userText, hostileCorpus).scenario;
  }
  const steps = await readScenarioFile(scenarioFile, 'scenario file');
  return () => () => steps;
}
