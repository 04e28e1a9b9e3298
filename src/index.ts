export * from './protocol/index.js';
export { createPlatosClient } from './client/create-platos-client.js';
export type { PlatosClientOptions } from './client/client-options.js';
export { PlatosClientError } from './client/client-error.js';
export { emptyClientStats } from './client/client-stats.js';
export type { BackoffPolicy } from './client/backoff.js';
export type { LivenessOptions } from './client/liveness.js';
export type { NetworkSignals } from './client/connection-manager.js';
export type * from './client/types.js';
export type * from './client/connections/types.js';
export { createPlatosStore, type PlatosStoreOptions } from './store/create-platos-store.js';
export { readEvents, type EventLog } from './store/event-log.js';
export {
  createAnimationFrameScheduler,
  createManualScheduler,
  type AnimationFrameSchedulerOptions,
  type ManualScheduler,
} from './store/frame-scheduler.js';
export { applyEvent } from './store/view/apply-event.js';
export { createThreadView } from './store/view/create-thread-view.js';
export { viewFromHistory, viewToHistory } from './store/view/history.js';
export type * from './store/types.js';
