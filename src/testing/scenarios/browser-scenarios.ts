import type { ClientToolOutcome, ScenarioContext, ScenarioStep, StepOutcome } from './scenario-types.js';
import { approvalSteps, clientToolCallSteps, toolCallStartSteps, type ClientToolCallOptions } from './step-builders.js';
import { streamText } from './stream-text.js';
import { describeToolResult } from './describe-tool-result.js';

type BrowserScenario = AsyncGenerator<ScenarioStep, void, StepOutcome | undefined>;

const usage = { inputTokens: 40, outputTokens: 24 };
const finish: ScenarioStep = { type: 'finish', finishReason: 'stop', usage };
const readFilters = (fields: string[]): ClientToolCallOptions => ({ toolCallId: 'call-filters', tool: 'read_filters', args: { fields } });

/** `browser ...`: reads the page's filters with the browser tool `read_filters` and answers with their values. */
export async function* browserScenario(): BrowserScenario {
  yield* streamText('I will read the filters you set on the page.');
  const outcome = yield* callBrowserTool(readFilters(['region', 'budget', 'days']));
  yield* streamText(filtersAnswer(outcome));
  yield finish;
}

/** `browser-fail ...`: asks `read_filters` for a field the page does not have, so the browser answers `invalid_args`. */
export async function* browserFailScenario(): BrowserScenario {
  yield* streamText('I will read the weather filter on the page.');
  const outcome = yield* callBrowserTool(readFilters(['weather']));
  yield* streamText(filtersAnswer(outcome));
  yield finish;
}

/** `browser-approve ...`: asks for approval of the `read_filters` call first and runs it only if approved. */
export async function* browserApproveScenario(): BrowserScenario {
  const toolCall = readFilters(['region', 'budget', 'days']);
  yield* streamText('I need your permission before I read the filters on your page.');
  yield* toolCallStartSteps(toolCall);
  const [pending, wait] = approvalSteps({
    approvalId: 'approval-filters',
    tool: toolCall.tool,
    args: toolCall.args,
    toolCallId: toolCall.toolCallId,
    reason: 'Reading the page shares your filters with the agent.',
    expiresInMs: 60_000,
  });
  if (!pending || !wait) return;
  yield pending;
  const decision = yield wait;
  if (decision !== 'approved') {
    const error = { code: 'not_approved', message: `The call was not approved (${typeof decision === 'string' ? decision : 'no answer'}).` };
    yield { type: 'tool-call-error', toolCallId: toolCall.toolCallId, error };
    yield* streamText(' Understood, I did not read your filters.');
    yield finish;
    return;
  }
  const outcome = yield clientToolWait(toolCall);
  yield* streamText(filtersAnswer(asClientToolOutcome(outcome)));
  yield finish;
}

/** `browser-slow ...`: counts the words of the rest of the message with the browser tool `count_words`. */
export async function* browserSlowScenario(context: ScenarioContext): BrowserScenario {
  const text = context.userText.trim().split(/\s+/).slice(1).join(' ');
  yield* streamText('Counting the words in your browser; this tool takes its time.');
  const outcome = yield* callBrowserTool({ toolCallId: 'call-count', tool: 'count_words', args: { text } });
  const answer = 'result' in outcome ? ` Counted: ${describeToolResult(outcome.result)}.` : ` The count failed: ${outcome.error.message} (${outcome.error.code}).`;
  yield* streamText(answer);
  yield finish;
}

/** Streams the call's arguments, waits for the browser and returns its outcome. */
async function* callBrowserTool(options: ClientToolCallOptions): AsyncGenerator<ScenarioStep, ClientToolOutcome, StepOutcome | undefined> {
  yield* toolCallStartSteps(options);
  return asClientToolOutcome(yield clientToolWait(options));
}

function clientToolWait(options: ClientToolCallOptions): ScenarioStep {
  const wait = clientToolCallSteps(options).at(-1);
  if (!wait) throw new Error('clientToolCallSteps ends with its wait');
  return wait;
}

function filtersAnswer(outcome: ClientToolOutcome): string {
  if ('result' in outcome) return ` Your filters say: ${describeToolResult(outcome.result)}.`;
  return ` I could not read your filters: ${outcome.error.message} (${outcome.error.code}).`;
}

/** A driver that answers the wait with anything else (or nothing) gets an error the answer can report. */
function asClientToolOutcome(outcome: StepOutcome | undefined): ClientToolOutcome {
  if (typeof outcome === 'object' && ('result' in outcome || 'error' in outcome)) return outcome;
  return { error: { code: 'no_answer', message: 'The tool call got no answer.' } };
}
