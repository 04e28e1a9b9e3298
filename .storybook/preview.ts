import type { Preview } from '@storybook/react-vite';
import { setupWorker } from 'msw/browser';
import '@platosdev/client/styles.css';
import { INTERACTIVE_SPEED, STORY_TEST_SPEED } from '../stories/mock-agent/mock-agent-config.js';
import { storyAgent } from '../stories/mock-agent/story-agent.js';
import { preloadLazyParts } from '../test/support/preload-lazy-parts.js';

const worker = setupWorker(...storyAgent.handlers);
// socket.io-client keeps the WebSocket constructor it finds when first imported, and only stories
// import it: MSW's interceptor has to be installed before any story module loads.
await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
// Stories show the parts the kit fetches on first use (markdown parser, virtualizer, HTML preview, JSON tree) as they
// are once they have arrived; what shows before that has its own unit tests, and the end-to-end tests load them for
// real.
await preloadLazyParts();

const isStoryTest = import.meta.env.MODE === 'test';
// The page runs under a strict CSP (main.ts); anything the kit or a story tries beyond it is a failure of the story.
const cspViolations: { directive: string; text: string }[] = [];
document.addEventListener('securitypolicyviolation', (event) => {
  const text = `${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'} (${event.sourceFile}:${event.lineNumber})`;
  cspViolations.push({ directive: event.effectiveDirective, text });
});
// Parts shown on their own follow the page's colour scheme; this page follows the system, like a host app would.
document.documentElement.style.colorScheme = 'light dark';

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is checked with axe after its play function; any violation fails its story test.
    a11y: { test: 'error' },
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
    cspViolations.length = 0;
    storyAgent.reset({ speed: isStoryTest ? STORY_TEST_SPEED : Number(globals['mockSpeed'] ?? INTERACTIVE_SPEED) });
  },
  // A story may name the reports it expects (`parameters.csp.expectedReports`): Chromium reports inline handlers and
  // `<base>` in markup the kit only parses (an artifact being sanitized), though nothing in it runs or loads.
  afterEach: ({ parameters }) => {
    const expected: readonly string[] = (parameters['csp'] as { expectedReports?: string[] } | undefined)?.expectedReports ?? [];
    const unexpected = cspViolations.filter((violation) => !expected.includes(violation.directive));
    if (unexpected.length > 0) throw new Error(`Content Security Policy violations: ${unexpected.map((violation) => violation.text).join('; ')}`);
  },
};

export default preview;
