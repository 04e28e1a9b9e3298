export * from './event-schemas';
export * from './parse-event';
export * from './event-id';
export * from './view-types';
export * from './commands';
