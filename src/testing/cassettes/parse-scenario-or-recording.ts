import { looksLikeCassette } from '../../protocol/cassette.js';
import { parseScenarioFile } from '../scenarios/parse-scenario-file.js';
import type { ScenarioStep } from '../scenarios/scenario-types.js';
import { parseRecording } from './parse-recording.js';
import type { RecordedTurns } from './recorded-turn.js';

export type ParseScenarioOrRecordingResult =
  | { ok: true; kind: 'steps'; steps: ScenarioStep[] }
  | { ok: true; kind: 'recording'; recording: RecordedTurns }
  | { ok: false; reason: string };

/**
 * A scenario file's JSON: steps (the scenario format), or else a recording: a cassette, or an array of recorded
 * events. An array that passes as steps is played as steps; one that fails is read as recorded events only if
 * something in it only a recording has (an envelope, a `turn-start`, a `text-delta` with its `messageId`), so a
 * mistake in a scenario file is reported as one rather than played as a recording without the bad steps.
 */
export function parseScenarioOrRecording(json: unknown): ParseScenarioOrRecordingResult {
  if (looksLikeCassette(json)) return asRecording(json);
  const steps = parseScenarioFile(json);
  if (steps.ok) return { ok: true, kind: 'steps', steps: steps.steps };
  if (!Array.isArray(json) || !json.some(onlyInRecordings)) return steps;
  const recording = parseRecording(json);
  if (recording.ok) return { ok: true, kind: 'recording', recording: recording.recording };
  return { ok: false, reason: `as scenario steps, ${steps.reason}; as recorded events, ${recording.reason}` };
}

function asRecording(json: unknown): ParseScenarioOrRecordingResult {
  const parsed = parseRecording(json);
  return parsed.ok ? { ok: true, kind: 'recording', recording: parsed.recording } : parsed;
}

const envelopeKeys = ['id', 'seq', 'threadId', 'turnId', 'ts'];

function onlyInRecordings(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  if (envelopeKeys.some((key) => key in item)) return true;
  const type = 'type' in item ? item.type : undefined;
  return type === 'turn-start' || (type === 'text-delta' && 'messageId' in item);
}
