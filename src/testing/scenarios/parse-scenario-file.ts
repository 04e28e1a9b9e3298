import * as v from 'valibot';
import { EVENT_TYPES, eventSchemas, type EventType } from '../../protocol/index.js';
import { describeIssue } from '../../protocol/describe-issue.js';
import type { ScenarioStep } from './scenario-types.js';

const envelopeKeys = ['id', 'seq', 'threadId', 'turnId', 'ts'] as const;
const serverFilledKeys: Partial<Record<EventType, string[]>> = {
  'text-delta': ['messageId'],
  'approval-pending': ['expiresAt'],
  finish: ['durationMs'],
};
const delayMs = v.optional(v.pipe(v.number(), v.minValue(0)));

const localId = v.pipe(v.string(), v.minLength(1));

const waitStepSchema = v.variant('wait', [
  v.strictObject({ wait: v.literal('approval'), approvalId: localId, delayMs }),
  v.strictObject({
    wait: v.literal('client-tool'),
    toolCallId: localId,
    tool: localId,
    args: v.unknown(),
    timeoutMs: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    delayMs,
  }),
]);

const eventStepSchemas = new Map<string, v.GenericSchema>(
  EVENT_TYPES.filter((type) => type !== 'turn-start').map((type) => [type, eventStepSchema(type)]),
);

function eventStepSchema(type: EventType) {
  const omitted: string[] = [...envelopeKeys, ...(serverFilledKeys[type] ?? [])];
  const entries = Object.fromEntries(Object.entries(eventSchemas[type].entries).filter(([key]) => !omitted.includes(key)));
  const extra: v.ObjectEntries = type === 'approval-pending' ? { expiresInMs: delayMs } : type === 'finish' ? { durationMs: delayMs } : {};
  return v.strictObject({ ...entries, ...extra, delayMs });
}

export type ParseScenarioFileResult = { ok: true; steps: ScenarioStep[] } | { ok: false; reason: string };

/** Checks a scenario file's parsed JSON: an array of event payloads (no envelope), approval waits and client-tool waits. */
export function parseScenarioFile(json: unknown): ParseScenarioFileResult {
  if (!Array.isArray(json)) return { ok: false, reason: 'the file must contain a JSON array of steps' };
  const steps: ScenarioStep[] = [];
  for (const [index, item] of json.entries()) {
    const problem = stepProblem(item);
    if (problem) return { ok: false, reason: `step ${index}: ${problem}` };
    steps.push(item as ScenarioStep);
  }
  return { ok: true, steps };
}

const issueText = (result: v.SafeParseResult<v.GenericSchema>) => (result.success ? null : describeIssue(result.issues));

function stepProblem(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return 'must be an object';
  if ('wait' in item) return issueText(v.safeParse(waitStepSchema, item));
  const type = 'type' in item ? item.type : undefined;
  const schema = eventStepSchemas.get(String(type));
  if (!schema) {
    const allowed = [...eventStepSchemas.keys()].join(', ');
    return `"type" must be one of ${allowed} (turn-start is emitted by the server), got ${JSON.stringify(type)}`;
  }
  const problem = issueText(v.safeParse(schema, item));
  if (problem) return `${String(type)}: ${problem}`;
  if (type === 'artifact-updated' && ('content' in item) === ('delta' in item)) {
    return 'artifact-updated carries either content or delta, not both and not neither';
  }
  return null;
}
