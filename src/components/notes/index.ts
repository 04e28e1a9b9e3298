// Step markers, memory notes and error notes inside a message, exported as `Notes` from `@platosdev/client/react`.
export { StepMarker as Step, type StepMarkerProps as StepProps } from './step-marker.js';
export { MemoryNote as Memory, type MemoryNoteProps as MemoryProps } from './memory-note.js';
export { ErrorNote as Error, type ErrorNoteProps as ErrorProps } from './error-note.js';
