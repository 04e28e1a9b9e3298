import type { ServerEvent } from '../../src/index.js';

export const BENCH_THREAD_ID = 'bench-thread';
/** Events per turn: a step, 458 text deltas around a tool call, a run, an artifact and a memory write. */
export const EVENTS_PER_TURN = 500;

const words = ['stream ', 'frames ', 'resume ', 'offset ', 'replay ', 'socket ', 'render ', 'commit '];

/**
 * `count` events of one long session, as separate log entries (each applied in its own flush), in turns of 500: the
 * turn's view grows the way a real agent turn's does, with 200 thread messages at 100,000 events.
 */
export function* sessionEvents(count: number, startTs = Date.now()): Generator<ServerEvent> {
  let seq = 0;
  const envelope = (turn: number) => {
    seq += 1;
    return { id: `e1-${seq}`, seq, threadId: BENCH_THREAD_ID, turnId: `turn-${turn}`, ts: startTs + seq * 5 };
  };
  for (let turn = 1; seq < count; turn += 1) {
    const messageId = `a${turn}`;
    const turnEvents = (): ServerEvent[] => {
      const text = (n: number) => Array.from({ length: n }, (_, index): ServerEvent => ({ ...envelope(turn), type: 'text-delta', messageId, delta: words[index % words.length]! }));
      return [
        { ...envelope(turn), type: 'turn-start', messageId, userMessage: { id: `u${turn}`, text: `Question ${turn}` } },
        { ...envelope(turn), type: 'step-start', stepId: `step-${turn}`, index: 0, name: 'Answer' },
        ...text(200),
        { ...envelope(turn), type: 'tool-call-start', toolCallId: `call-${turn}`, tool: 'search_docs', stepId: `step-${turn}` },
        ...Array.from({ length: 20 }, (): ServerEvent => ({ ...envelope(turn), type: 'tool-call-args', toolCallId: `call-${turn}`, delta: '{"q":1}' })),
        { ...envelope(turn), type: 'tool-call-result', toolCallId: `call-${turn}`, result: { hits: 3 } },
        ...Array.from({ length: 10 }, (_, index): ServerEvent => ({ ...envelope(turn), type: 'run-update', runId: `run-${turn}`, status: index === 9 ? 'succeeded' : 'running', progress: (index + 1) * 10, label: 'Indexing' })),
        { ...envelope(turn), type: 'artifact-created', artifactId: `doc-${turn}`, kind: 'markdown', title: 'Notes', content: '# Notes\n', version: 1 },
        ...Array.from({ length: 4 }, (_, index): ServerEvent => ({ ...envelope(turn), type: 'artifact-updated', artifactId: `doc-${turn}`, version: index + 2, delta: '- a line\n' })),
        { ...envelope(turn), type: 'memory-write', memoryId: `memory-${turn}`, content: 'Likes short answers' },
        ...text(258),
        { ...envelope(turn), type: 'step-finish', stepId: `step-${turn}`, finishReason: 'stop' },
        { ...envelope(turn), type: 'finish', finishReason: 'stop', usage: { inputTokens: 100, outputTokens: 458 }, durationMs: 2_000 },
      ];
    };
    for (const event of turnEvents()) {
      if (event.seq > count) return;
      yield event;
    }
  }
}
