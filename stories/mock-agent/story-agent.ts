import { createMockAgent } from './create-mock-agent.js';
import { INTERACTIVE_SPEED, MOCK_AGENT_TOKEN, MOCK_AGENT_URL } from './mock-agent-config.js';

/** The one mock agent of the Storybook page; `.storybook/preview.ts` starts the worker with its handlers. */
export const storyAgent = createMockAgent({ url: MOCK_AGENT_URL, tokens: [MOCK_AGENT_TOKEN], speed: INTERACTIVE_SPEED });
