import type { Scenario, ScenarioStep } from '../../src/testing/scenarios/scenario-types.js';

/** Hostile scenarios by name, as read from `mock-server/scenarios/hostile/NAME.json`. */
export type HostileCorpus = ReadonlyMap<string, readonly ScenarioStep[]>;

/** A hostile scenario's name is also its file name, so it may not contain anything that leaves the folder. */
export const HOSTILE_NAME_PATTERN = /^[a-z0-9-]+$/;

/** `hostile NAME`: plays the corpus file NAME, or answers with a non-retryable `error` event saying why it cannot. */
export function hostileScenario(name: string | undefined, corpus: HostileCorpus | undefined): Scenario {
  const steps = name !== undefined && HOSTILE_NAME_PATTERN.test(name) ? corpus?.get(name) : undefined;
  if (steps) return () => [...steps];
  const message = unavailableReason(name, corpus);
  return () => [{ type: 'error', code: 'hostile_scenario_unavailable', message, retryable: false }];
}

function unavailableReason(name: string | undefined, corpus: HostileCorpus | undefined): string {
  if (name === undefined) return 'Name a hostile scenario, as in "hostile markdown-image".';
  if (!HOSTILE_NAME_PATTERN.test(name)) return 'A hostile scenario name is made of a-z, 0-9 and "-" only.';
  if (!corpus) return 'Hostile scenarios are played by the Node mock server only, which loads mock-server/scenarios/hostile/.';
  const known = [...corpus.keys()].sort().join(', ') || 'none';
  return `No hostile scenario "${name}"; known: ${known}.`;
}
