/** Where the in-browser mock agent pretends to live; nothing is ever sent to this origin. */
export const MOCK_AGENT_URL = 'http://mock-agent.test';

/** The only token the mock agent accepts. */
export const MOCK_AGENT_TOKEN = 'story-token';

/** Delays of the mock are divided by it: 1 plays scenarios in real time, story tests use a high factor. */
export const INTERACTIVE_SPEED = 1;
export const STORY_TEST_SPEED = 40;
