import * as v from 'valibot';
import { issueText } from '../valibot-issue.js';

const count = v.pipe(v.number(), v.integer(), v.minValue(1));
const ms = v.pipe(v.number(), v.integer(), v.minValue(0));
const threadId = v.optional(v.pipe(v.string(), v.minLength(1)));
const times = v.optional(count);

/**
 * One schema per fault kind; `threadId` limits which frames count and are affected, `times` how often it fires. The
 * `connections-` kinds act on the connections gateway's frames, the others on the chat stream's.
 */
const faultSchemas = {
  drop: v.strictObject({ kind: v.literal('drop'), afterEvents: v.optional(count), atMs: v.optional(ms), threadId, times }),
  'half-open': v.strictObject({ kind: v.literal('half-open'), afterEvents: v.optional(count), atMs: v.optional(ms), threadId, times }),
  'auth-delay': v.strictObject({ kind: v.literal('auth-delay'), ms, times }),
  'auth-reject': v.strictObject({ kind: v.literal('auth-reject'), times }),
  duplicate: v.strictObject({ kind: v.literal('duplicate'), atEvent: count, threadId, times }),
  swap: v.strictObject({ kind: v.literal('swap'), atEvent: count, threadId, times }),
  skip: v.strictObject({ kind: v.literal('skip'), atEvent: count, threadId, times }),
  'restart-epoch': v.strictObject({ kind: v.literal('restart-epoch'), afterEvents: v.optional(count), atMs: v.optional(ms), threadId, times }),
  'replay-from-earlier': v.strictObject({ kind: v.literal('replay-from-earlier'), by: count, threadId, times }),
  'random-drops': v.strictObject({ kind: v.literal('random-drops'), count, minEvents: count, maxEvents: count, threadId }),
  'connections-drop': v.strictObject({ kind: v.literal('connections-drop'), afterEvents: v.optional(count), atMs: v.optional(ms), times }),
  'connections-duplicate': v.strictObject({ kind: v.literal('connections-duplicate'), atEvent: count, times }),
} satisfies Record<string, v.GenericSchema>;

export type FaultKind = keyof typeof faultSchemas;
export type Fault = { [K in FaultKind]: v.InferOutput<(typeof faultSchemas)[K]> }[FaultKind];
export type FaultOf<K extends FaultKind> = Extract<Fault, { kind: K }>;

export const FAULT_KINDS = Object.keys(faultSchemas) as FaultKind[];

export interface FaultSchedule {
  /** Seeds the PRNG of `random-drops`; the server's default seed when left out. */
  seed?: number;
  faults: Fault[];
}

export type ParseFaultScheduleResult = { ok: true; schedule: FaultSchedule } | { ok: false; reason: string };

const scheduleShape = v.strictObject({ seed: v.optional(v.pipe(v.number(), v.integer())), faults: v.array(v.unknown()) });

/** Checks a schedule's parsed JSON; the reason names the fault at fault, e.g. `faults.1: swap: atEvent: ...`. */
export function parseFaultSchedule(json: unknown): ParseFaultScheduleResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    return { ok: false, reason: 'the schedule must be an object { "seed"?: integer, "faults": [...] }' };
  }
  const shape = v.safeParse(scheduleShape, json);
  if (!shape.success) return { ok: false, reason: issueText(shape) ?? 'invalid schedule' };
  const faults: Fault[] = [];
  for (const [index, item] of shape.output.faults.entries()) {
    const parsed = parseFault(item);
    if (!parsed.ok) return { ok: false, reason: `faults.${index}: ${parsed.reason}` };
    faults.push(parsed.fault);
  }
  return { ok: true, schedule: { ...(shape.output.seed === undefined ? {} : { seed: shape.output.seed }), faults } };
}

function parseFault(item: unknown): { ok: true; fault: Fault } | { ok: false; reason: string } {
  const kind = typeof item === 'object' && item !== null && 'kind' in item ? item.kind : undefined;
  if (typeof kind !== 'string' || !Object.hasOwn(faultSchemas, kind)) {
    return { ok: false, reason: `"kind" must be one of ${FAULT_KINDS.join(', ')}, got ${JSON.stringify(kind)}` };
  }
  const result = v.safeParse(faultSchemas[kind as FaultKind], item);
  if (!result.success) return { ok: false, reason: `${kind}: ${issueText(result) ?? 'invalid'}` };
  const fault = result.output as Fault;
  const problem = crossFieldProblem(fault);
  return problem ? { ok: false, reason: `${kind}: ${problem}` } : { ok: true, fault };
}

function crossFieldProblem(fault: Fault): string | null {
  switch (fault.kind) {
    case 'drop':
    case 'connections-drop':
      return (fault.afterEvents === undefined) === (fault.atMs === undefined) ? 'give exactly one of afterEvents or atMs' : null;
    case 'half-open':
    case 'restart-epoch':
      return fault.afterEvents !== undefined && fault.atMs !== undefined ? 'give at most one of afterEvents or atMs' : null;
    case 'random-drops':
      return fault.minEvents > fault.maxEvents ? 'minEvents must not be above maxEvents' : null;
    default:
      return null;
  }
}
