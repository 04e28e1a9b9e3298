import { approvalSteps, backgroundRunSteps, streamText, toolCallSteps, type Scenario, type ScenarioStep } from '../../scenarios/index.js';
import { stepsScenario, usage, type SessionPlan } from './session-plan.js';

const fence = '```';

const FETCH_JSON_V1 = `export async function fetchJson<T>(url: string, init: RequestInit = {}, retries = 3): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    const response = await fetch(url, init);
    if (response.ok) return (await response.json()) as T;
    if (attempt >= retries || response.status < 500) throw new HttpError(response.status, url);
    await delay(backoffMs(attempt));
  }
}

export const backoffMs = (attempt: number) => Math.min(100 * 2 ** attempt, 5_000) * (0.5 + Math.random() / 2);
`;

const FETCH_JSON_V2_DELTA = `
/** Injected in tests, so the jitter is known. */
export let random = Math.random;
`;

const TEST_V1 = `import { afterEach, expect, it, vi } from 'vitest';
import { fetchJson } from './fetch-json';

afterEach(() => vi.useRealTimers());

it('retries a 503 and resolves with the body', async () => {
  vi.useFakeTimers();
  const fetch = vi.fn().mockResolvedValueOnce(new Response('', { status: 503 })).mockResolvedValue(Response.json({ ok: 1 }));
  vi.stubGlobal('fetch', fetch);
  const result = fetchJson('/api/a');
  await vi.advanceTimersByTimeAsync(100);
  expect(await result).toEqual({ ok: 1 });
});
`;

const TEST_V2 = TEST_V1.replace("vi.useFakeTimers();", "vi.useFakeTimers();\n  vi.spyOn(Math, 'random').mockReturnValue(1);");

const addRetries: ScenarioStep[] = [
  { type: 'step-start', stepId: 'read', index: 0, name: 'Read the code' },
  ...streamText('I will read the helper and its callers first.'),
  ...toolCallSteps({ toolCallId: 'read-helper', tool: 'read_file', stepId: 'read', args: { path: 'src/net/fetch-json.ts' }, outcome: { result: { lines: 14, content: 'export async function fetchJson<T>(url: string, init?: RequestInit): Promise<T> { ... }' } } }),
  ...toolCallSteps({ toolCallId: 'grep-callers', tool: 'grep', stepId: 'read', args: { pattern: 'fetchJson(', path: 'src' }, outcome: { result: { matches: ['src/api/users.ts:12', 'src/api/orders.ts:31', 'src/api/search.ts:8'] } } }),
  { type: 'step-finish', stepId: 'read', finishReason: 'tool-calls', usage: usage(1_840, 96) },
  { type: 'step-start', stepId: 'write', index: 1, name: 'Write the change' },
  ...streamText(`\n\nThree callers use it, none of them retries. Here is the new loop:\n\n${fence}ts\n${FETCH_JSON_V1}${fence}\n\nOnly 5xx answers are retried; a 4xx is the caller's mistake and fails at once.`),
  { type: 'artifact-created', artifactId: 'fetch-json', kind: 'code', language: 'typescript', title: 'src/net/fetch-json.ts', content: FETCH_JSON_V1, version: 1, delayMs: 120 },
  ...toolCallSteps({ toolCallId: 'write-helper', tool: 'write_file', stepId: 'write', args: { path: 'src/net/fetch-json.ts', bytes: FETCH_JSON_V1.length }, outcome: { result: { written: true } } }),
  { type: 'step-finish', stepId: 'write', finishReason: 'stop', usage: usage(2_310, 412) },
  { type: 'finish', finishReason: 'stop', usage: usage(4_150, 508) },
];

const writeTests: ScenarioStep[] = [
  ...streamText('A test with fake timers, so the backoff costs no real time:'),
  { type: 'artifact-created', artifactId: 'fetch-json-test', kind: 'code', language: 'typescript', title: 'src/net/fetch-json.test.ts', content: TEST_V1, version: 1, delayMs: 150 },
  ...toolCallSteps({ toolCallId: 'write-test', tool: 'write_file', args: { path: 'src/net/fetch-json.test.ts', bytes: TEST_V1.length }, outcome: { result: { written: true } } }),
  ...toolCallSteps({ toolCallId: 'run-test', tool: 'run_tests', args: { pattern: 'src/net' }, outcome: { result: { passed: 4, failed: 0, durationMs: 812 } }, workMs: 900 }),
  ...streamText('\n\nAll 4 tests pass. Run them with:\n\n```sh\nnpx vitest run src/net\n```'),
  { type: 'finish', finishReason: 'stop', usage: usage(5_020, 388) },
];

const explainFlake: ScenarioStep[] = [
  ...toolCallSteps({ toolCallId: 'read-ci-log', tool: 'read_ci_log', args: { job: 'unit', run: 4812 }, outcome: { result: { failed: 'retries a 503', error: 'Timeout: result still pending after 100 ms' } } }),
  ...streamText(`The wait is \`100 * (0.5 + random / 2)\` ms, so it is between 50 and 100 ms. When \`Math.random()\` is close to 1 on CI, 100 ms is not always enough once the timers are batched. Pin the randomness in the test:\n\n${fence}ts\nvi.spyOn(Math, 'random').mockReturnValue(1);\n${fence}`),
  { type: 'artifact-updated', artifactId: 'fetch-json-test', version: 2, content: TEST_V2, delayMs: 120 },
  { type: 'finish', finishReason: 'stop', usage: usage(3_870, 240) },
];

const applyAndCommit: Scenario = async function* () {
  yield* streamText('I will also let tests inject the randomness, then commit both files.');
  yield { type: 'artifact-updated', artifactId: 'fetch-json', version: 2, delta: FETCH_JSON_V2_DELTA, delayMs: 100 };
  const [pending, wait] = approvalSteps({ approvalId: 'commit', tool: 'git_commit', args: { message: 'fetchJson: retry 5xx with jittered backoff', files: 2 }, reason: 'Commits to your branch.', expiresInMs: 300_000 });
  yield pending!;
  const outcome = yield wait!;
  if (outcome !== 'approved') {
    yield* streamText(' Nothing was committed.');
    return;
  }
  yield* toolCallSteps({ toolCallId: 'commit', tool: 'git_commit', args: { message: 'fetchJson: retry 5xx with jittered backoff' }, outcome: { result: { sha: '4f2c9e1', files: 2 } } });
  yield* streamText(' Committed as `4f2c9e1`.');
  yield { type: 'finish', finishReason: 'stop', usage: usage(2_240, 120) };
};

const runSuite: ScenarioStep[] = [
  ...streamText('Running the whole suite in the background.'),
  ...backgroundRunSteps({ runId: 'suite', label: 'npm test', updates: 4, intervalMs: 400 }),
  ...toolCallSteps({ toolCallId: 'suite-report', tool: 'read_test_report', args: { run: 'suite' }, outcome: { result: { files: 212, tests: 1_904, failed: 0 } } }),
  ...streamText('\n\n| files | tests | failed |\n| --- | --- | --- |\n| 212 | 1904 | 0 |\n\nEverything passes.'),
  { type: 'finish', finishReason: 'stop', usage: usage(1_610, 96) },
];

const summarize: ScenarioStep[] = [
  { type: 'memory-write', memoryId: 'prefers-fake-timers', content: 'Tests timing code with Vitest fake timers.', scope: 'project' },
  ...streamText(`## Retry 5xx answers in fetchJson\n\n- Retries up to 3 times with exponential backoff and jitter, capped at 5 s.\n- 4xx answers fail at once with \`HttpError\`.\n- Tests pin \`Math.random\`, so the backoff is known.\n\n${fence}sh\nnpx vitest run src/net\n${fence}`),
  { type: 'finish', finishReason: 'stop', usage: usage(2_900, 150) },
];

const turns: [string, Scenario][] = [
  ['Add retries with exponential backoff to fetchJson in src/net/fetch-json.ts', stepsScenario(addRetries)],
  ['Write tests for the retry logic', stepsScenario(writeTests)],
  ['The retry test fails on CI sometimes. Why?', stepsScenario(explainFlake)],
  ['Fix it and commit', applyAndCommit],
  ['Run the whole test suite', stepsScenario(runSuite)],
  ['Summarize the change for the pull request', stepsScenario(summarize)],
];

/** A coding session of six turns: code blocks, tool calls, two artifacts and their updates, an approval, a run. */
export const codingSession: SessionPlan = {
  name: 'coding-session',
  threadId: 'coding-session',
  messages: turns.map(([message]) => message),
  scenarios: new Map(turns),
};
