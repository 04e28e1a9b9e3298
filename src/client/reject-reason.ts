import { FRAME_LIMIT_REASONS } from '../protocol/index.js';

/** Why the client dropped a frame: a frame limit, or `invalid` (the contract), `unknown-event`, `bad-arity`, `type-mismatch`. */
export const REJECT_REASONS = [...FRAME_LIMIT_REASONS, 'invalid', 'unknown-event', 'bad-arity', 'type-mismatch'] as const;

export type RejectReason = (typeof REJECT_REASONS)[number];
