import { backgroundRunSteps, streamText, toolCallSteps, type ScenarioStep } from '../../scenarios/index.js';
import { stepsScenario, usage, type SessionPlan } from './session-plan.js';

const message = 'Compare WebSockets and server-sent events for streaming tokens to a browser';

const steps: ScenarioStep[] = [
  { type: 'step-start', stepId: 'research', index: 0, name: 'Research' },
  { type: 'memory-recall-result', query: 'streaming transport', memories: [{ memoryId: 'stack', content: 'The app already uses Socket.IO.', score: 0.82 }] },
  ...streamText('I will check the specs and a few measurements.'),
  ...toolCallSteps({ toolCallId: 'search-sse', tool: 'web_search', stepId: 'research', args: { query: 'server-sent events browser limits', limit: 3 }, outcome: { result: { hits: [{ title: 'HTML Living Standard: server-sent events', url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html' }] } } }),
  ...toolCallSteps({ toolCallId: 'search-ws', tool: 'web_search', stepId: 'research', args: { query: 'WebSocket backpressure browser', limit: 3 }, outcome: { result: { hits: [{ title: 'RFC 6455', url: 'https://www.rfc-editor.org/rfc/rfc6455' }] } } }),
  ...toolCallSteps({ toolCallId: 'fetch-spec', tool: 'fetch_url', stepId: 'research', args: { url: 'https://html.spec.whatwg.org/multipage/server-sent-events.html' }, outcome: { result: { title: 'Server-sent events', words: 4_120 } } }),
  ...backgroundRunSteps({ runId: 'index-sources', label: 'Indexing 3 sources', updates: 3, intervalMs: 300 }),
  ...toolCallSteps({ toolCallId: 'query-index', tool: 'query_index', stepId: 'research', args: { question: 'reconnect and resume' }, outcome: { result: { answer: 'SSE resumes with Last-Event-ID; WebSocket needs its own scheme.' } } }),
  { type: 'step-finish', stepId: 'research', finishReason: 'tool-calls', usage: usage(6_400, 210) },
  ...streamText('\n\n| | WebSocket | SSE |\n| --- | --- | --- |\n| direction | both ways | server to client |\n| resume | your own scheme | `Last-Event-ID` |\n| proxies | sometimes blocked | plain HTTP |\n\nSince the app already runs Socket.IO, keep it and resume from the last event id.'),
  { type: 'finish', finishReason: 'stop', usage: usage(7_900, 380) },
];

/** One research turn: several tool calls inside a step, a memory recall and a background run. */
export const researchTurn: SessionPlan = {
  name: 'research-turn',
  threadId: 'research',
  messages: [message],
  scenarios: new Map([[message, stepsScenario(steps)]]),
};
