import codingSession from '../../mock-server/cassettes/coding-session.json';
import failingTurn from '../../mock-server/cassettes/failing-turn.json';
import hostileTurn from '../../mock-server/cassettes/hostile-turn.json';
import researchTurn from '../../mock-server/cassettes/research-turn.json';
import type { Cassette } from '../../src/protocol/cassette.js';

/** Plays scenarios instead of a cassette. */
export const NO_CASSETTE = 'none';

/** The recorded sessions shipped in mock-server/cassettes, by file name. */
export const fixtureCassettes = {
  'coding-session': codingSession as Cassette,
  'research-turn': researchTurn as Cassette,
  'failing-turn': failingTurn as Cassette,
  'hostile-turn': hostileTurn as Cassette,
};

export type CassetteChoice = typeof NO_CASSETTE | keyof typeof fixtureCassettes;

export const cassetteChoices = [NO_CASSETTE, ...Object.keys(fixtureCassettes)] as CassetteChoice[];
