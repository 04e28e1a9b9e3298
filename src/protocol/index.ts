export * from './event-schemas.js';
export * from './frame-limits.js';
export * from './parse-event.js';
export * from './parse-history.js';
export * from './event-id.js';
export * from './view-types.js';
export * from './commands.js';
