export * from './scenario-types.js';
export * from './stream-text.js';
export * from './step-builders.js';
export * from './bind-scenario-event.js';
export * from './default-scenario.js';
export * from './pick-scenario.js';
export * from './hostile-scenario.js';
export * from './parse-scenario-file.js';
export { DEFAULT_BODY_TEXT, DEFAULT_INTRO_TEXT, DEFAULT_OUTRO_TEXT } from './default-text.js';
