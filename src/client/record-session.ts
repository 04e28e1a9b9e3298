import { CASSETTE_VERSION, type Cassette, type CassetteCommand, type CassetteFrame } from '../protocol/cassette.js';
import type { PlatosClient } from './types.js';

export interface RecordSessionOptions {
  /** Frames kept at most; past it the recording stops taking frames and the cassette says `truncated`. @default 100000 */
  maxFrames?: number;
  /** @default Date.now */
  now?: () => number;
}

export interface SessionRecording {
  readonly frameCount: number;
  readonly recording: boolean;
  /** The cassette so far; recording goes on. */
  cassette(): Cassette;
  /** Stops recording and returns the cassette. */
  stop(): Cassette;
}

/**
 * Records every frame the client receives and every command it sends, with timings, as a cassette that the mock
 * server (`--cassette FILE`), `replayCassette` and the stories can play again.
 * @example
 * const recording = recordSession(client);
 * // ... use the app ...
 * const json = JSON.stringify(recording.stop());
 */
export function recordSession(client: PlatosClient, options: RecordSessionOptions = {}): SessionRecording {
  const now = options.now ?? Date.now;
  const maxFrames = options.maxFrames ?? 100_000;
  const startedAt = now();
  const frames: CassetteFrame[] = [];
  const commands: CassetteCommand[] = [];
  const threads = new Set<string>();
  let truncated = false;
  const since = () => now() - startedAt;

  const stopObserving = client.observe({
    frame(name, payload) {
      if (frames.length >= maxFrames) {
        truncated = true;
        return;
      }
      const type = (payload as { type?: unknown } | null)?.type;
      frames.push(type === name ? { at: since(), event: payload } : { at: since(), event: payload, name });
      const threadId = (payload as { threadId?: unknown } | null)?.threadId;
      if (typeof threadId === 'string') threads.add(threadId);
    },
    command(name, request, settled) {
      const entry: CassetteCommand = { at: since(), name, request };
      commands.push(entry);
      settled.then(
        (reply) => Object.assign(entry, { settledAt: since(), reply }),
        (error: { code?: unknown; message?: unknown }) =>
          Object.assign(entry, { settledAt: since(), error: { code: String(error?.code ?? 'error'), message: String(error?.message ?? error) } }),
      );
    },
  });
  let recording = true;

  const cassette = (): Cassette => ({
    version: CASSETTE_VERSION,
    recordedAt: new Date(startedAt).toISOString(),
    agentId: client.agentId,
    threads: [...threads],
    frames: [...frames],
    commands: commands.map((command) => ({ ...command })),
    ...(truncated ? { truncated } : {}),
  });

  return {
    get frameCount() {
      return frames.length;
    },
    get recording() {
      return recording;
    },
    cassette,
    stop() {
      recording = false;
      stopObserving();
      return cassette();
    },
  };
}
