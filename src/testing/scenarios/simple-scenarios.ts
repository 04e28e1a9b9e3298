import type { ScenarioContext, ScenarioStep, StepOutcome } from './scenario-types.js';
import { approvalSteps, backgroundRunSteps } from './step-builders.js';
import { streamText } from './stream-text.js';

const usage = { inputTokens: 20, outputTokens: 10 };

/** `echo ...`: streams the message back at once. */
export function echoScenario(context: ScenarioContext): ScenarioStep[] {
  return [...streamText(context.userText, 0), { type: 'finish', finishReason: 'stop', usage }];
}

/** `fail ...`: a little text, then a non-retryable error; the server follows it with `finish { finishReason: 'error' }`. */
export function failScenario(): ScenarioStep[] {
  return [
    ...streamText('Let me try that for you...'),
    { type: 'error', code: 'model_unavailable', message: 'The model is unavailable right now.', retryable: false, delayMs: 300 },
  ];
}

/** `slow ...`: a short answer at about 5 tokens per second. */
export function slowScenario(): ScenarioStep[] {
  const text = 'This answer arrives slowly, one small piece at a time, so you can watch the stream and try cancelling it.';
  return [...streamText(text, 200), { type: 'finish', finishReason: 'stop', usage }];
}

/** `approve ...`: one approval; the answer depends on the decision. */
export async function* approveScenario(): AsyncGenerator<ScenarioStep, void, StepOutcome | undefined> {
  yield* streamText('I need your permission before deleting the file.');
  const [pending, wait] = approvalSteps({
    approvalId: 'approval-delete',
    tool: 'delete_file',
    args: { path: '/tmp/report.csv' },
    reason: 'Deleting files cannot be undone.',
    expiresInMs: 60_000,
  });
  if (!pending || !wait) return;
  yield pending;
  const outcome = yield wait;
  const decision = typeof outcome === 'string' ? outcome : 'no answer';
  const answer = decision === 'approved' ? ' Done: the file is deleted.' : ` Understood, nothing was deleted (${decision}).`;
  yield* streamText(answer);
  yield { type: 'finish', finishReason: 'stop', usage };
}

/** `run ...`: a background run only, from queued to succeeded. */
export function runScenario(): ScenarioStep[] {
  return [
    ...streamText('Starting the export in the background.'),
    ...backgroundRunSteps({ runId: 'run-export', label: 'Exporting the thread', updates: 10, intervalMs: 300 }),
    { type: 'finish', finishReason: 'stop', usage },
  ];
}
