export * from './event-schemas';
export * from './frame-limits';
export * from './parse-event';
export * from './parse-history';
export * from './event-id';
export * from './view-types';
export * from './commands';
