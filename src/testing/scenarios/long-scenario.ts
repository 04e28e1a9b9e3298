import type { ScenarioStep } from './scenario-types.js';
import { streamText } from './stream-text.js';

const SECTION_COUNT = 12;

/** `long ...`: a long markdown answer with many blocks, at 60 tokens per second. */
export function longScenario(): ScenarioStep[] {
  const sections = Array.from({ length: SECTION_COUNT }, (_, index) => longSection(index + 1)).join('\n');
  return [...streamText(`# A long answer\n${sections}`), { type: 'finish', finishReason: 'length', usage: { inputTokens: 50, outputTokens: 4_096 } }];
}

function longSection(number: number): string {
  return `
## Section ${number}

Paragraph ${number} explains one more idea in a few sentences, so that the message grows well past a single screen.
It has *emphasis*, **strong text**, \`inline code\` and a [link](https://example.com/section-${number}).

- point ${number}.1
- point ${number}.2

> A quote closing section ${number}.

\`\`\`js
console.log('section ${number}');
\`\`\`
`;
}
