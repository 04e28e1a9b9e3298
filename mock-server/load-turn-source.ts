import { looksLikeCassette } from '../src/protocol/cassette.js';
import { parseRecording } from '../src/testing/cassettes/parse-recording.js';
import { parseScenarioOrRecording } from '../src/testing/cassettes/parse-scenario-or-recording.js';
import { createRecordedTurnChoice, type RecordedTurnChoice } from '../src/testing/cassettes/recorded-turn-choice.js';
import type { RecordedTurns } from '../src/testing/cassettes/recorded-turn.js';
import { loadHostileCorpus } from './load-hostile-corpus.js';
import { readJsonFile } from './read-json-file.js';
import { pickScenario, type Scenario } from './scenarios/index.js';

/** What answers the server's messages: a scenario per message, or the turns of a recording. */
export type TurnSource = { scenarioFor(userText: string): Scenario } | { recordedTurns: RecordedTurnChoice };

export interface TurnSourceOptions {
  scenarioFile?: string | undefined;
  cassetteFile?: string | undefined;
  hostileDirectory?: string | undefined;
  scenarioFor?: ((userText: string) => Scenario) | undefined;
}

/**
 * How the server answers messages: the cassette's turns, or the scenario file (steps, or a recording) for every
 * message, or the given `scenarioFor`, else the built-in scenarios by first word with the hostile corpus loaded from
 * `hostileDirectory`. A file that cannot be played stops the server here, at startup.
 */
export async function loadTurnSource(options: TurnSourceOptions): Promise<TurnSource> {
  const { scenarioFile, cassetteFile } = options;
  const chosen = [scenarioFile && 'a scenario file', cassetteFile && 'a cassette', options.scenarioFor && 'scenarioFor'].filter(Boolean);
  if (chosen.length > 1) throw new Error(`Give the mock server one of a scenario file, a cassette and scenarioFor, not ${chosen.join(' and ')}`);
  if (cassetteFile !== undefined) return recordedSource(await readCassetteFile(cassetteFile), `cassette ${cassetteFile}`);
  if (scenarioFile !== undefined) return readScenarioOrRecordingFile(scenarioFile);
  if (options.scenarioFor) return { scenarioFor: options.scenarioFor };
  const hostileCorpus = await loadHostileCorpus(options.hostileDirectory);
  return { scenarioFor: (userText) => pickScenario(userText, hostileCorpus).scenario };
}

async function readCassetteFile(path: string): Promise<RecordedTurns> {
  const json = await readJsonFile(path, 'cassette');
  if (!looksLikeCassette(json)) throw new Error(`Invalid cassette ${path}: not a cassette (a JSON object with "frames", as recordSession writes)`);
  const parsed = parseRecording(json);
  if (!parsed.ok) throw new Error(`Invalid cassette ${path}: ${parsed.reason}`);
  return parsed.recording;
}

async function readScenarioOrRecordingFile(path: string): Promise<TurnSource> {
  const parsed = parseScenarioOrRecording(await readJsonFile(path, 'scenario file'));
  if (!parsed.ok) throw new Error(`Invalid scenario file ${path}: ${parsed.reason}`);
  if (parsed.kind === 'recording') return recordedSource(parsed.recording, `scenario file ${path}`);
  const { steps } = parsed;
  return { scenarioFor: () => () => steps };
}

function recordedSource(recording: RecordedTurns, what: string): TurnSource {
  if (recording.invalidFrames > 0) {
    console.warn(`mock server: ${what}: left out ${recording.invalidFrames} frames that are not valid events, the first for ${recording.firstInvalidReason}`);
  }
  return { recordedTurns: createRecordedTurnChoice(recording.turns) };
}
