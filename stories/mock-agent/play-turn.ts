import { pickScenario } from '../../mock-server/scenarios/index.js';
import { builtInScenarios } from '../../src/testing/scenarios/built-in-scenarios.js';
import type { TurnRunnerDeps } from '../../src/testing/agent/turn-runner.js';
import type { MockWorld } from './mock-world.js';

/** The mock server's turn runner, fed by the in-browser world. */
export function turnRunnerFor(world: MockWorld): TurnRunnerDeps {
  const script = world.recordedTurns
    ? { recordedTurns: world.recordedTurns }
    : { scenarioFor: (userText: string) => (world.scenario === null ? pickScenario(userText).scenario : builtInScenarios[world.scenario!]) };
  return {
    approvals: world.approvals,
    publish: world.publish,
    ...script,
    clientTools: world.gateway.clientTools,
    // Read at play time: a story may change the speed between turns.
    get speed() {
      return world.speed;
    },
    now: Date.now,
    shutdown: world.shutdown.signal,
  };
}
