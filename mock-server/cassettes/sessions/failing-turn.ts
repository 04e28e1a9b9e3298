import { streamText, toolCallSteps, type ScenarioStep } from '../../scenarios/index.js';
import { stepsScenario, type SessionPlan } from './session-plan.js';

const message = 'Deploy the preview build';

const steps: ScenarioStep[] = [
  ...streamText('Deploying the preview.'),
  ...toolCallSteps({ toolCallId: 'deploy', tool: 'deploy_preview', args: { branch: 'retry-fetch' }, outcome: { error: { code: 'build_failed', message: 'vite build exited with code 1' } }, workMs: 600 }),
  ...streamText(' The build failed; reading its log.'),
  { type: 'error', code: 'upstream_unavailable', message: 'The build service is not answering.', retryable: false, delayMs: 300 },
];

/** A turn that fails: a tool call ends in an error, then a non-retryable error ends the turn. */
export const failingTurn: SessionPlan = {
  name: 'failing-turn',
  threadId: 'failing',
  messages: [message],
  scenarios: new Map([[message, stepsScenario(steps)]]),
};
