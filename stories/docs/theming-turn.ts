import type { EventBody } from '../../mock-server/scenarios/index.js';
import { STORY_TURN } from '../support/thread-script.js';
import { publishApproval } from './event-examples.js';

const searchCall: readonly EventBody[] = [
  { type: 'tool-call-start', toolCallId: 'call-1', tool: 'search_docs' },
  { type: 'tool-call-args', toolCallId: 'call-1', delta: '{"query": "reconnects"}' },
  { type: 'tool-call-result', toolCallId: 'call-1', result: { hits: ['reliability.md', 'protocol.md'] } },
];

/** A turn still running, with most kinds of part, so a theme shows on all of them. */
export const themingTurn: readonly EventBody[] = [
  { type: 'step-start', stepId: 'step-1', index: 0, name: 'Search the docs' },
  ...searchCall,
  { type: 'step-finish', stepId: 'step-1', finishReason: 'tool-calls' },
  {
    type: 'text-delta',
    messageId: STORY_TURN.messageId,
    delta: 'Reconnects resume from the **last applied event**, so nothing is lost or shown twice:\n\n```ts\nclient.reconnect();\n```\n',
  },
  { type: 'memory-write', memoryId: 'memory-1', content: 'Prefers short answers', scope: 'user' },
  { type: 'run-update', runId: 'run-1', status: 'running', progress: 60, label: 'Indexing the docs', etaMs: 8_000 },
  publishApproval,
];

/** Just a tool call and an approval: the two parts the replaced-parts example changes. */
export const toolAndApprovalTurn: readonly EventBody[] = [...searchCall, publishApproval];
