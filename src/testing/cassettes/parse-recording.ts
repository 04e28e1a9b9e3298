import { looksLikeCassette, parseCassette } from '../../protocol/cassette.js';
import type { RecordedTurns } from './recorded-turn.js';
import { recordedTurnsFromCassette } from './recorded-turns-from-cassette.js';
import { recordedTurnsFromEvents } from './recorded-turns-from-events.js';

export type ParseRecordingResult = { ok: true; recording: RecordedTurns } | { ok: false; reason: string };

/**
 * The recorded turns of a cassette's JSON, or of a plain array of recorded events (with or without their envelopes).
 * Frames that are not valid events are left out and counted; a recording without a single valid event is refused.
 */
export function parseRecording(json: unknown): ParseRecordingResult {
  let recording: RecordedTurns;
  if (looksLikeCassette(json)) {
    const parsed = parseCassette(json);
    if (!parsed.ok) return parsed;
    recording = recordedTurnsFromCassette(parsed.cassette);
  } else if (Array.isArray(json)) {
    recording = recordedTurnsFromEvents(json);
  } else {
    return { ok: false, reason: 'expected a cassette (an object with "frames") or an array of recorded events' };
  }
  if (recording.turns.length === 0) return { ok: false, reason: `it holds no valid event${leftOutNote(recording)}` };
  return { ok: true, recording };
}

function leftOutNote({ invalidFrames, firstInvalidReason }: RecordedTurns): string {
  if (invalidFrames === 0) return '';
  return ` (${invalidFrames} ${invalidFrames === 1 ? 'frame' : 'frames'} left out, the first for ${firstInvalidReason})`;
}
