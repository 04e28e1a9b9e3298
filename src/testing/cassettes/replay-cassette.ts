import { startTestServer, type TestClientOptions, type TestServer } from '../create-test-server.js';
import type { RecordedTurn } from './recorded-turn.js';
import { recordingFromSource, type RecordingSource } from './recording-from-source.js';

export interface ReplayCassetteOptions {
  /** Divides the recorded delays; 0 plays every turn back to back, in microtasks. @default 0 */
  speed?: number;
  /** Options of the server's `client`, as for `createTestServer`. */
  client?: TestClientOptions;
}

export interface CassetteReplay extends TestServer {
  /** The recorded turns, in the order they were recorded. */
  readonly turns: readonly RecordedTurn[];
  /**
   * Sends each recorded user message from `client` on its recorded thread, one turn after another, answers the
   * turn's approvals with the recorded decisions, and resolves once the last turn is over. A turn recorded without its
   * user message is sent as an empty message, on thread `recorded` when it has no thread either.
   */
  playRecorded(): Promise<void>;
}

/**
 * A test server that plays a recorded session again (see `createTestServer({ cassette })`), with a way to replay the
 * user's side too.
 * @throws Error when the source holds no valid event
 * @example
 * const replay = replayCassette(await readFile('session.json', 'utf8'));
 * await replay.playRecorded();
 * expect(replay.events('thread-1').at(-1)).toMatchObject({ type: 'finish' });
 * replay.close();
 */
export function replayCassette(source: RecordingSource, options: ReplayCassetteOptions = {}): CassetteReplay {
  const recording = recordingFromSource(source);
  const server = startTestServer({ recordedTurns: recording }, { speed: options.speed ?? 0, ...(options.client ? { client: options.client } : {}) });

  async function playTurn(turn: RecordedTurn): Promise<void> {
    const decisions = recordedDecisions(turn);
    const answers: Promise<void>[] = [];
    const stream = server.client.threads.stream({ threadId: turn.threadId ?? 'recorded', message: turn.userText ?? '' });
    for await (const event of stream) {
      if (event.type !== 'approval-pending') continue;
      const decision = decisions.shift();
      if (decision) answers.push(server.client.respondToApproval(event.approvalId, decision));
    }
    await Promise.all(answers);
    await server.idle();
  }

  return Object.assign(server, {
    turns: recording.turns,
    async playRecorded() {
      for (const turn of recording.turns) await playTurn(turn);
    },
  });
}

/** The user's decision on each approval of the turn, in order; null for one that expired or was cancelled. */
function recordedDecisions(turn: RecordedTurn): ('approved' | 'denied' | null)[] {
  const decisionById = new Map<string, string>();
  for (const { body } of turn.events) if (body.type === 'approval-resolved') decisionById.set(body.approvalId, body.decision);
  return turn.events.flatMap(({ body }) => {
    if (body.type !== 'approval-pending') return [];
    const decision = decisionById.get(body.approvalId);
    return [decision === 'approved' || decision === 'denied' ? decision : null];
  });
}
