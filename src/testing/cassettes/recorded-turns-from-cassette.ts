import type { Cassette, CassetteCommand } from '../../protocol/cassette.js';
import { groupEnvelopedEvents } from './group-enveloped-events.js';
import type { RecordedTurns } from './recorded-turn.js';

/**
 * The turns of a cassette, split by thread and turn id, each event's delay taken from the frames' `at`. A turn whose
 * `turn-start` was not recorded gets its user text from the `message:send` the server answered with its turn id.
 */
export function recordedTurnsFromCassette(cassette: Cassette): RecordedTurns {
  const sentTexts = sentTextsByTurnId(cassette.commands);
  const frames = cassette.frames.map((frame, index) => ({ frame: frame.event, time: frame.at, label: `frame ${index}` }));
  return groupEnvelopedEvents(frames, (turnId) => sentTexts.get(turnId));
}

function sentTextsByTurnId(commands: readonly CassetteCommand[]): Map<string, string> {
  const texts = new Map<string, string>();
  for (const command of commands) {
    if (command.name !== 'message:send') continue;
    const text = (command.request as { text?: unknown } | null)?.text;
    const turnId = (command.reply as { turnId?: unknown } | null)?.turnId;
    if (typeof text === 'string' && typeof turnId === 'string') texts.set(turnId, text);
  }
  return texts;
}
