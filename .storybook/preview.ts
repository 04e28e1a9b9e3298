import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import { INTERACTIVE_SPEED, STORY_TEST_SPEED } from '../stories/mock-agent/mock-agent-config';
import { storyAgent } from '../stories/mock-agent/story-agent';

const worker = setupWorker(...storyAgent.handlers);
// socket.io-client keeps the WebSocket constructor it finds when first imported, and only stories
// import it: MSW's interceptor has to be installed before any story module loads.
await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });

const isStoryTest = import.meta.env.MODE === 'test';
// Parts shown on their own follow the page's colour scheme; this page follows the system, like a host app would.
document.documentElement.style.colorScheme = 'light dark';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  globalTypes: {
    mockSpeed: {
      description: 'How fast the mock agent plays its scenarios',
      toolbar: {
        title: 'Mock speed',
        icon: 'lightning',
        items: [
          { value: '1', title: 'Real time' },
          { value: '4', title: '4x' },
          { value: String(STORY_TEST_SPEED), title: `${STORY_TEST_SPEED}x` },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { mockSpeed: String(INTERACTIVE_SPEED) },
  // Every story starts with an empty mock agent, so threads and turns never leak between stories.
  beforeEach: ({ globals }) => {
    storyAgent.reset({ speed: isStoryTest ? STORY_TEST_SPEED : Number(globals['mockSpeed'] ?? INTERACTIVE_SPEED) });
  },
};

export default preview;
