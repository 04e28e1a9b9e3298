export * from './scenario-types';
export * from './stream-text';
export * from './step-builders';
export * from './bind-scenario-event';
export * from './default-scenario';
export * from './pick-scenario';
export * from './hostile-scenario';
export * from './parse-scenario-file';
export { DEFAULT_BODY_TEXT, DEFAULT_INTRO_TEXT, DEFAULT_OUTRO_TEXT } from './default-text';
