import { defaultScenario } from './default-scenario.js';
import { longScenario } from './long-scenario.js';
import type { Scenario } from './scenario-types.js';
import { approveScenario, echoScenario, failScenario, runScenario, slowScenario } from './simple-scenarios.js';
import { toolsScenario } from './tools-scenario.js';

/**
 * The mock server's own scenarios. `default` uses every event type, with an approval; `fail` ends in a
 * non-retryable error; `approve` answers differently for each decision (see docs/mock-server.md).
 * @example const server = createTestServer({ scenario: builtInScenarios.fail });
 */
export const builtInScenarios = {
  default: defaultScenario,
  echo: echoScenario,
  fail: failScenario,
  long: longScenario,
  tools: toolsScenario,
  slow: slowScenario,
  approve: approveScenario,
  run: runScenario,
} satisfies Record<string, Scenario>;
