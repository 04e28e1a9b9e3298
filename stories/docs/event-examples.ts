import type { EventBody } from '../../mock-server/scenarios/index.js';
import type { EventType } from '../../src/protocol/index.js';
import { STORY_TURN } from '../support/thread-script.js';

const { messageId } = STORY_TURN;
const text = (delta: string): EventBody => ({ type: 'text-delta', messageId, delta });
const searchStart: EventBody = { type: 'tool-call-start', toolCallId: 'call-1', tool: 'search_docs' };
const searchArgs: EventBody = { type: 'tool-call-args', toolCallId: 'call-1', delta: '{"query": "reconnects"}' };
const notesCreated: EventBody = {
  type: 'artifact-created',
  artifactId: 'notes',
  kind: 'markdown',
  title: 'Reconnect notes',
  content: '- Resume from the last applied event',
  version: 1,
};
export const publishApproval: EventBody = {
  type: 'approval-pending',
  approvalId: 'approval-1',
  tool: 'publish_summary',
  args: { channel: '#docs', title: 'Reconnect notes' },
  reason: 'Publishing is visible to the whole team.',
};

/**
 * One example per event type: the bodies of a one-turn thread after its `turn-start`, the last of which is the event
 * the example plays. The `turn-start` example has none, so it plays the `turn-start` itself into an empty thread.
 */
export const eventExamples: Record<EventType, readonly EventBody[]> = {
  'turn-start': [],
  'text-delta': [text('Reconnects resume '), text('from the **last applied event**.')],
  'tool-call-start': [searchStart],
  'tool-call-args': [searchStart, { type: 'tool-call-args', toolCallId: 'call-1', delta: '{"query": "recon' }, { type: 'tool-call-args', toolCallId: 'call-1', delta: 'nects"}' }],
  'tool-call-result': [searchStart, searchArgs, { type: 'tool-call-result', toolCallId: 'call-1', result: { hits: ['reliability.md', 'protocol.md'] } }],
  'tool-call-error': [searchStart, searchArgs, { type: 'tool-call-error', toolCallId: 'call-1', error: { code: 'timeout', message: 'The search took too long.' } }],
  'artifact-created': [notesCreated],
  'artifact-updated': [notesCreated, { type: 'artifact-updated', artifactId: 'notes', version: 2, delta: '\n- Rebuild from history beyond the replay window' }],
  'step-start': [{ type: 'step-start', stepId: 'step-1', index: 0, name: 'Search the docs' }],
  'step-finish': [
    { type: 'step-start', stepId: 'step-1', index: 0, name: 'Search the docs' },
    { type: 'step-finish', stepId: 'step-1', finishReason: 'tool-calls', usage: { inputTokens: 310, outputTokens: 42 } },
  ],
  'memory-write': [{ type: 'memory-write', memoryId: 'memory-1', content: 'Prefers short answers', scope: 'user' }],
  'memory-recall-result': [
    {
      type: 'memory-recall-result',
      query: 'answer style',
      memories: [
        { memoryId: 'memory-1', content: 'Prefers short answers', score: 0.92 },
        { memoryId: 'memory-2', content: 'Writes TypeScript', score: 0.81 },
      ],
    },
  ],
  'run-update': [
    { type: 'run-update', runId: 'run-1', status: 'queued', progress: 0, label: 'Indexing the docs' },
    { type: 'run-update', runId: 'run-1', status: 'running', progress: 40, label: 'Indexing the docs', etaMs: 12_000 },
  ],
  'approval-pending': [publishApproval],
  'approval-resolved': [publishApproval, { type: 'approval-resolved', approvalId: 'approval-1', decision: 'approved', resolvedBy: 'user' }],
  error: [text('Looking that up. '), { type: 'error', code: 'rate_limited', message: 'The model was busy; retried after 2 s.', retryable: true }],
  finish: [text('Reconnects resume from the last applied event.'), { type: 'finish', finishReason: 'stop', usage: { inputTokens: 120, outputTokens: 48 }, durationMs: 2_400 }],
};
