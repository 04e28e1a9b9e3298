export * from './protocol';
export { createPlatosClient } from './client/create-platos-client';
export type { PlatosClientOptions } from './client/client-options';
export { PlatosClientError } from './client/client-error';
export { emptyClientStats } from './client/client-stats';
export type { BackoffPolicy } from './client/backoff';
export type { LivenessOptions } from './client/liveness';
export type { NetworkSignals } from './client/connection-manager';
export type * from './client/types';
export { createPlatosStore, type PlatosStoreOptions } from './store/create-platos-store';
export {
  createAnimationFrameScheduler,
  createManualScheduler,
  type AnimationFrameSchedulerOptions,
  type ManualScheduler,
} from './store/frame-scheduler';
export { applyEvent } from './store/view/apply-event';
export { createThreadView } from './store/view/create-thread-view';
export { viewFromHistory, viewToHistory } from './store/view/history';
export type * from './store/types';
