import fc from 'fast-check';
import type { EntityMutation } from './gateway-entities.js';
import type { EntityFault, GatewayFault, GatewayFaultKind, InvokeFault } from './gateway-faults.js';
import type { SimulationTiming } from './simulation-plan.js';

/** One change of the client's tool set; `unregister-handle` calls the function one of the name's `registerTool` calls returned. */
export type ToolChange = { op: 'register'; name: string } | { op: 'unregister'; name: string } | { op: 'unregister-handle'; name: string; handle: number };

/** One thing the gateway's world does, in script order. */
export type GatewayStep =
  /** Tool changes made in one task, so they go out as one sync. */
  | { kind: 'tools'; changes: ToolChange[] }
  | { kind: 'invoke'; name: string; args: unknown; fault: InvokeFault | null }
  /** The agent cancels the `nth` invocation made so far (modulo), if it is still open. */
  | { kind: 'cancel'; nth: number }
  | { kind: 'entity'; entityType: string; entityId: string; mutation: EntityMutation; asPatch: boolean; fault: EntityFault | null }
  | { kind: 'fault'; fault: GatewayFault }
  /** Fake time passes before the next step. */
  | { kind: 'wait'; ms: number };

export interface GatewayPlan {
  /** The tools registered before anything else; the first one opens the gateway. None: an entity listener opens it. */
  initialTools: readonly string[];
  steps: GatewayStep[];
  timing: SimulationTiming;
}

/** Outages shorter than a reconnect, longer than an ack timeout, and longer than the replay window (the session expires). */
const outageMs = fc.constantFrom(0, 300, 2_000, 12_000, 40_000);

const faultByKind: Record<GatewayFaultKind, fc.Arbitrary<GatewayFault>> = {
  drop: fc.record({ kind: fc.constant('drop' as const), outageMs }),
  'expire-window': fc.record({ kind: fc.constant('expire-window' as const), outageMs }),
  'epoch-change': fc.record({ kind: fc.constant('epoch-change' as const), strays: fc.boolean() }),
  'half-open': fc.constant({ kind: 'half-open' as const }),
  'drop-on-answer': fc.constant({ kind: 'drop-on-answer' as const }),
  'resend-invocations': fc.constant({ kind: 'resend-invocations' as const }),
  'entities-unavailable': fc.constant({ kind: 'entities-unavailable' as const }),
};

export const faultStep = (kinds: readonly GatewayFaultKind[]): fc.Arbitrary<GatewayStep> =>
  fc.oneof(...kinds.map((kind) => faultByKind[kind])).map((fault) => ({ kind: 'fault' as const, fault }));

export const waitStep: fc.Arbitrary<GatewayStep> = fc.constantFrom(100, 700, 2_500, 9_000).map((ms) => ({ kind: 'wait' as const, ms }));

export const TOOL_NAMES = ['alpha', 'beta', 'gamma'] as const;
/** A name no client registers: invoking it is answered `unknown_tool`. */
export const GHOST_TOOL = 'ghost';

/** An invocation of a registered tool (sometimes with arguments its schema refuses, sometimes one that throws), or of a tool nobody offers. */
export const invokeStep: fc.Arbitrary<GatewayStep> = fc
  .record({
    name: fc.oneof({ arbitrary: fc.constantFrom(...TOOL_NAMES), weight: 12 }, { arbitrary: fc.constant(GHOST_TOOL), weight: 1 }),
    durationMs: fc.constantFrom(0, 40, 400, 1_500, 6_000, 14_000),
    fail: fc.oneof({ arbitrary: fc.constant(false), weight: 6 }, { arbitrary: fc.constant(true), weight: 1 }),
    badArgs: fc.oneof({ arbitrary: fc.constant(false), weight: 10 }, { arbitrary: fc.constant(true), weight: 1 }),
    tag: fc.string({ maxLength: 6 }),
    fault: fc.option(fc.constantFrom<InvokeFault>('duplicate', 'swap', 'reinvoke'), { freq: 2 }),
  })
  .map(({ name, durationMs, fail, badArgs, tag, fault }) => ({
    kind: 'invoke' as const,
    name,
    args: badArgs ? { durationMs: String(durationMs), tag } : fail ? { durationMs, tag, fail } : { durationMs, tag },
    fault,
  }));

export const cancelStep: fc.Arbitrary<GatewayStep> = fc.nat({ max: 20 }).map((nth) => ({ kind: 'cancel' as const, nth }));

const toolChange: fc.Arbitrary<ToolChange> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('register' as const), name: fc.constantFrom(...TOOL_NAMES) }), weight: 3 },
  { arbitrary: fc.record({ op: fc.constant('unregister' as const), name: fc.constantFrom(...TOOL_NAMES) }), weight: 2 },
  { arbitrary: fc.record({ op: fc.constant('unregister-handle' as const), name: fc.constantFrom(...TOOL_NAMES), handle: fc.nat({ max: 3 }) }), weight: 1 },
);

export const toolsStep: fc.Arbitrary<GatewayStep> = fc.array(toolChange, { minLength: 1, maxLength: 3 }).map((changes) => ({ kind: 'tools' as const, changes }));

export const ENTITIES = [
  { entityType: 'task', entityId: 't1' },
  { entityType: 'task', entityId: 't2' },
  { entityType: 'workspace', entityId: 'demo' },
] as const;

const mutation: fc.Arbitrary<EntityMutation> = fc.oneof(
  fc.record({ kind: fc.constant('count' as const), count: fc.integer({ min: -5, max: 50 }) }),
  fc.record({ kind: fc.constant('tag' as const), tag: fc.constantFrom('red', 'green', 'blue', 'a/b', 'c~d') }),
  fc.constant({ kind: 'untag' as const }),
  fc.record({ kind: fc.constant('field' as const), key: fc.constantFrom('x', 'y/z', 'w~v'), value: fc.integer({ min: 0, max: 9 }) }),
  fc.record({ kind: fc.constant('rename' as const), title: fc.string({ maxLength: 5 }) }),
  fc.constant({ kind: 'rotate' as const }),
);

export const entityStep: fc.Arbitrary<GatewayStep> = fc
  .record({
    entity: fc.constantFrom(...ENTITIES),
    mutation,
    asPatch: fc.oneof({ arbitrary: fc.constant(true), weight: 3 }, { arbitrary: fc.constant(false), weight: 1 }),
    fault: fc.option(fc.constantFrom<EntityFault>('duplicate', 'swap', 'duplicate-version', 'stale-version', 'swap-versions', 'skip-version'), { freq: 3 }),
  })
  .map(({ entity, mutation, asPatch, fault }) => ({ kind: 'entity' as const, ...entity, mutation, asPatch, fault }));

/** A version skipped live with no later version of its entity could never be noticed by any client: that skip is left out. */
export function withNoticeableSkips(steps: readonly GatewayStep[]): GatewayStep[] {
  return steps.map((step, index) => {
    if (step.kind !== 'entity' || step.fault !== 'skip-version') return step;
    const later = steps.slice(index + 1).some((next) => next.kind === 'entity' && next.entityType === step.entityType && next.entityId === step.entityId);
    return later ? step : { ...step, fault: null };
  });
}
