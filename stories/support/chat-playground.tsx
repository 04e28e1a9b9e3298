import { useEffect } from 'react';
import { scenariosByFirstWord } from '../../mock-server/scenarios/index.js';
import { storyAgent } from '../mock-agent/story-agent.js';
import type { BuiltInScenarioName } from '../mock-agent/mock-world.js';
import { fixtureCassettes, NO_CASSETTE, type CassetteChoice } from './cassette-choices.js';
import { CassetteFileInput } from './cassette-file-input.js';
import { FaultPanel } from './fault-panel.js';
import { MockAgentChat, type MockAgentChatProps } from './mock-agent-chat.js';

/** Picks the scenario from each message's first word, as the mock server does. */
export const BY_FIRST_WORD = 'by first word';

/**
 * Scenarios a story can force on every message. The `browser` ones are left out: they call a tool this page must
 * offer (see the BrowserTool story), and the plain chat offers none.
 */
export const scenarioChoices = [BY_FIRST_WORD, 'default', ...Object.keys(scenariosByFirstWord).filter((name) => !name.startsWith('browser'))] as (
  | typeof BY_FIRST_WORD
  | BuiltInScenarioName
)[];

export type ScenarioChoice = (typeof scenarioChoices)[number];

export interface ChatPlaygroundProps extends MockAgentChatProps {
  /** @default 'by first word' */
  scenario?: ScenarioChoice;
  /**
   * The mock agent's speed multiplier: every scenario delay is divided by it (1 is real time, about 60 tokens per
   * second). Unset keeps the toolbar's Mock speed, or the story tests' own.
   */
  speed?: number;
  /** A recorded session (mock-server/cassettes) whose turns answer every message instead of the scenario. @default 'none' */
  cassette?: CassetteChoice;
}

/** The mock agent's chat with the fault buttons next to it; the args steer what the agent plays and how fast. */
export function ChatPlayground({ scenario = BY_FIRST_WORD, speed, cassette = NO_CASSETTE, ...chat }: ChatPlaygroundProps) {
  useEffect(() => storyAgent.playScenario(scenario === BY_FIRST_WORD ? null : scenario), [scenario]);
  useEffect(() => void storyAgent.playCassette(cassette === NO_CASSETTE ? null : fixtureCassettes[cassette]), [cassette]);
  useEffect(() => {
    if (speed !== undefined) storyAgent.setSpeed(speed);
  }, [speed]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 16 }}>
      <div style={{ flex: '1 1 480px', maxWidth: 760 }}>
        <MockAgentChat {...chat} />
      </div>
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <FaultPanel />
        <CassetteFileInput />
      </div>
    </div>
  );
}
