import type { Cassette } from '../../protocol/cassette.js';
import { parseRecording } from './parse-recording.js';
import type { RecordedTurns } from './recorded-turn.js';

/** A recording to play: a cassette (`recordSession(client).stop()`), its JSON text, or an array of recorded events. */
export type RecordingSource = Cassette | readonly unknown[] | string;

/**
 * The recorded turns of a source.
 * @throws Error saying why it holds no playable turn, e.g. `Invalid cassette: not a cassette: frames: ...`
 */
export function recordingFromSource(source: RecordingSource): RecordedTurns {
  let json: unknown = source;
  if (typeof source === 'string') {
    try {
      json = JSON.parse(source);
    } catch (error) {
      throw new Error(`Invalid cassette: not JSON: ${(error as Error).message}`);
    }
  }
  const parsed = parseRecording(json);
  if (!parsed.ok) throw new Error(`Invalid cassette: ${parsed.reason}`);
  return parsed.recording;
}
