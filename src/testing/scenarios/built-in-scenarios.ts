import { browserApproveScenario, browserFailScenario, browserScenario, browserSlowScenario } from './browser-scenarios.js';
import { defaultScenario } from './default-scenario.js';
import { longScenario } from './long-scenario.js';
import type { Scenario } from './scenario-types.js';
import { approveScenario, echoScenario, failScenario, runScenario, slowScenario } from './simple-scenarios.js';
import { toolsScenario } from './tools-scenario.js';

/**
 * The mock server's own scenarios. `default` uses every event type, with an approval; `fail` ends in a
 * non-retryable error; `approve` answers differently for each decision; `browser` and its variants call tools that
 * run in the user's browser over the connections gateway (see docs/mock-server.md), answered by a tool the page offers.
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
  browser: browserScenario,
  'browser-fail': browserFailScenario,
  'browser-approve': browserApproveScenario,
  'browser-slow': browserSlowScenario,
} satisfies Record<string, Scenario>;
