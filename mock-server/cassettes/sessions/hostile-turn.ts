import type { SessionPlan } from './session-plan.js';

/** A turn of the security corpus, `tool-call-result-image`, as the built-in `hostile NAME` scenario plays it. */
export const hostileTurn: SessionPlan = {
  name: 'hostile-turn',
  threadId: 'hostile',
  messages: ['hostile tool-call-result-image'],
};
