export * from '../../src/testing/scenarios/scenario-types.js';
export * from '../../src/testing/scenarios/stream-text.js';
export * from '../../src/testing/scenarios/step-builders.js';
export * from '../../src/testing/scenarios/bind-scenario-event.js';
export * from '../../src/testing/scenarios/default-scenario.js';
export * from '../../src/testing/scenarios/parse-scenario-file.js';
export { DEFAULT_BODY_TEXT, DEFAULT_INTRO_TEXT, DEFAULT_OUTRO_TEXT } from '../../src/testing/scenarios/default-text.js';
export * from './pick-scenario.js';
export * from './hostile-scenario.js';
