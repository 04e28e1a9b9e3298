import { DEFAULT_BODY_TEXT, DEFAULT_INTRO_TEXT, DEFAULT_OUTRO_TEXT } from './default-text.js';
import type { ScenarioContext, ScenarioStep } from './scenario-types.js';
import { approvalSteps, backgroundRunSteps, toolCallSteps } from './step-builders.js';
import { streamText } from './stream-text.js';

const ARTIFACT_V1 = `# Summary\n\n- validate frames\n`;
const ARTIFACT_DELTA = `- deduplicate by id\n`;
const ARTIFACT_V3 = `# Summary\n\n- validate frames\n- deduplicate by id\n- resume after reconnects\n`;

/** A realistic turn of about 8 s in which every one of the 17 event types occurs. */
export function defaultScenario(context: ScenarioContext): ScenarioStep[] {
  return [
    { type: 'step-start', stepId: 'step-1', index: 0, name: 'Research', delayMs: 150 },
    { type: 'memory-recall-result', query: context.userText, memories: recalledMemories(), delayMs: 200 },
    ...streamText(DEFAULT_INTRO_TEXT),
    ...toolCallSteps({
      toolCallId: 'call-search',
      tool: 'search_docs',
      stepId: 'step-1',
      args: { query: context.userText.slice(0, 80), limit: 3 },
      outcome: { result: { hits: [{ title: 'Streaming protocol', score: 0.92 }, { title: 'Resume and replay', score: 0.81 }] } },
    }),
    { type: 'error', code: 'rate_limited', message: 'The model provider hit a rate limit; retried after 1.2 s.', retryable: true, delayMs: 250 },
    ...toolCallSteps({
      toolCallId: 'call-fetch',
      tool: 'fetch_url',
      stepId: 'step-1',
      args: { url: 'https://example.com/platos/changelog' },
      outcome: { error: { code: 'http_404', message: 'The page was not found (HTTP 404).' } },
    }),
    { type: 'step-finish', stepId: 'step-1', finishReason: 'tool-calls', usage: { inputTokens: 812, outputTokens: 64 }, delayMs: 100 },
    { type: 'step-start', stepId: 'step-2', index: 1, name: 'Answer', delayMs: 100 },
    ...streamText(DEFAULT_BODY_TEXT),
    { type: 'artifact-created', artifactId: 'summary', kind: 'markdown', title: 'Summary', content: ARTIFACT_V1, version: 1, delayMs: 150 },
    { type: 'artifact-updated', artifactId: 'summary', version: 2, delta: ARTIFACT_DELTA, delayMs: 200 },
    { type: 'artifact-updated', artifactId: 'summary', version: 3, content: ARTIFACT_V3, delayMs: 200 },
    { type: 'memory-write', memoryId: 'memory-streaming-prefs', content: 'Prefers short answers with a code example.', scope: 'user', delayMs: 100 },
    ...backgroundRunSteps({ runId: 'run-index', label: 'Re-indexing the docs', updates: 5 }),
    ...approvalSteps({
      approvalId: 'approval-publish',
      tool: 'publish_summary',
      args: { artifactId: 'summary', channel: '#docs' },
      reason: 'Publishing posts to a shared channel.',
      expiresInMs: 120_000,
    }),
    ...streamText(DEFAULT_OUTRO_TEXT),
    { type: 'step-finish', stepId: 'step-2', finishReason: 'stop', usage: { inputTokens: 1_024, outputTokens: 356 }, delayMs: 50 },
    { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1_836, outputTokens: 420 }, delayMs: 50 },
  ];
}

/** Everything the default scenario streams as text, in order. */
export const DEFAULT_SCENARIO_TEXT = DEFAULT_INTRO_TEXT + DEFAULT_BODY_TEXT + DEFAULT_OUTRO_TEXT;

function recalledMemories() {
  return [
    { memoryId: 'memory-stack', content: 'Works with React 19 and TypeScript.', score: 0.88 },
    { memoryId: 'memory-style', content: 'Likes examples before explanations.', score: 0.64 },
  ];
}
