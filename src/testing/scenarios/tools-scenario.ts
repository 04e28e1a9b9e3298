import type { ScenarioStep } from './scenario-types.js';
import { toolCallSteps } from './step-builders.js';
import { streamText } from './stream-text.js';

const cities = ['Lisbon', 'Oslo', 'Nairobi'];

/** `tools ...`: one step with several tool calls, then a short summary. */
export function toolsScenario(): ScenarioStep[] {
  return [
    { type: 'step-start', stepId: 'step-weather', index: 0, name: 'Weather lookup' },
    ...streamText('Checking the weather in three cities.'),
    ...cities.flatMap((city, index) =>
      toolCallSteps({
        toolCallId: `call-weather-${index + 1}`,
        tool: 'get_weather',
        stepId: 'step-weather',
        args: { city, unit: 'celsius' },
        outcome: { result: { city, temperature: 14 + index * 6, conditions: index === 1 ? 'snow' : 'sunny' } },
      }),
    ),
    ...toolCallSteps({
      toolCallId: 'call-forecast',
      tool: 'get_forecast',
      stepId: 'step-weather',
      args: { city: 'Atlantis', days: 3 },
      outcome: { error: { code: 'unknown_city', message: 'No city called Atlantis was found.' } },
    }),
    { type: 'step-finish', stepId: 'step-weather', finishReason: 'tool-calls', usage: { inputTokens: 300, outputTokens: 90 } },
    ...streamText('\n\nLisbon is sunny at 14 °C, Oslo has snow at 20 °C, Nairobi is sunny at 26 °C. Atlantis could not be found.'),
    { type: 'finish', finishReason: 'stop', usage: { inputTokens: 420, outputTokens: 140 } },
  ];
}
