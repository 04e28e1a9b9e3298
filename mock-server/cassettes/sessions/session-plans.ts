import { codingSession } from './coding-session.js';
import { failingTurn } from './failing-turn.js';
import { hostileTurn } from './hostile-turn.js';
import { researchTurn } from './research-turn.js';

/** The sessions recorded as `mock-server/cassettes/*.json`. */
export const sessionPlans = [codingSession, researchTurn, failingTurn, hostileTurn];
