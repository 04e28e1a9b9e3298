import { isDeepStrictEqual } from 'node:util';
import type { FaultCounts, FaultKind } from './faults.js';
import { GHOST_TOOL } from './gateway-plan.js';
import type { GatewayAnswer } from './gateway-sim-server.js';
import type { GatewayOutcome, InvocationOutcome } from './gateway-simulation.js';
import { emptyGatewayTally, type PropertyTally } from './property-report.js';

/** Whether the call names a registered tool with arguments its schema takes, so that `execute` must run. */
const runsTool = (invocation: InvocationOutcome) => invocation.name !== GHOST_TOOL && typeof (invocation.args as { durationMs?: unknown }).durationMs === 'number';

/** The answer the server must end with: what `execute` produced, or the kit's own error when it could not run. */
function expectedAnswer(invocation: InvocationOutcome): GatewayAnswer | { errorCode: string } | undefined {
  if (runsTool(invocation)) return invocation.executed;
  return { errorCode: invocation.name === GHOST_TOOL ? 'unknown_tool' : 'invalid_args' };
}

function answerMatches(answer: GatewayAnswer, expected: ReturnType<typeof expectedAnswer>): boolean {
  if (expected === undefined) return false;
  if ('errorCode' in expected) return 'error' in answer && answer.error.code === expected.errorCode;
  return isDeepStrictEqual(answer, expected);
}

/**
 * Per invocation, against the tools' own ledger: answers lost (none on the server), doubled (a later answer that
 * differs from the first), `execute` run twice, never (for a valid call nobody cancelled) or when it must not (an
 * unknown tool, refused arguments), and first answers that are not what `execute` produced.
 */
export function auditInvocations(outcome: GatewayOutcome) {
  const lost: string[] = [];
  const answersDoubled: string[] = [];
  const executionsDoubled: string[] = [];
  const executionsMissing: string[] = [];
  const executionsUnexpected: string[] = [];
  const wrongAnswers: { invocationId: string; accepted: GatewayAnswer; expected: unknown }[] = [];
  let repeats = 0;
  for (const invocation of outcome.invocations) {
    const [accepted, ...later] = invocation.answers;
    repeats += later.length;
    if (!accepted && !invocation.cancelled) lost.push(invocation.invocationId);
    if (later.some((answer) => !isDeepStrictEqual(answer, accepted))) answersDoubled.push(invocation.invocationId);
    if (invocation.executions > 1) executionsDoubled.push(invocation.invocationId);
    const mustRun = runsTool(invocation) && !invocation.cancelled;
    if (mustRun && invocation.executions === 0) executionsMissing.push(invocation.invocationId);
    if (!runsTool(invocation) && invocation.executions > 0) executionsUnexpected.push(invocation.invocationId);
    const expected = expectedAnswer(invocation);
    if (accepted && !answerMatches(accepted, expected)) wrongAnswers.push({ invocationId: invocation.invocationId, accepted, expected });
  }
  return { lost, answersDoubled, executionsDoubled, executionsMissing, executionsUnexpected, wrongAnswers, repeats };
}

/** Entities whose version or value on the client differs from the server's at the end. */
export function divergedEntities(outcome: GatewayOutcome) {
  return outcome.serverEntities.flatMap((held) => {
    const record = outcome.clientEntities.find((entity) => entity?.entityType === held.entityType && entity.entityId === held.entityId);
    const same = record?.version === held.version && isDeepStrictEqual(record.value, held.snapshot);
    return same ? [] : [{ entityType: held.entityType, entityId: held.entityId, server: { version: held.version, value: held.snapshot }, client: record && { version: record.version, value: record.value } }];
  });
}

/** Reported versions that did not rise above the one reported before for the same entity. */
export function versionsNotRising(outcome: GatewayOutcome) {
  const last = new Map<string, number>();
  return outcome.entityReports.flatMap((report, index) => {
    const key = `${report.entityType}/${report.entityId}`;
    const previous = last.get(key);
    last.set(key, report.version);
    return previous !== undefined && report.version <= previous ? [{ index, entity: key, previous, reported: report.version }] : [];
  });
}

/** Revisions the server took that were not above the one it took before. */
export function revisionsNotRising(outcome: GatewayOutcome) {
  return outcome.acceptedRevisions.flatMap((revision, index) => {
    const previous = outcome.acceptedRevisions[index - 1];
    return previous !== undefined && revision < previous ? [{ index, previous, accepted: revision }] : [];
  });
}

const drops = ['drop', 'expire-window', 'epoch-change', 'half-open', 'drop-on-answer'];
/** Gateway faults that have a namesake among the threads' faults, counted in the report's shared totals too. */
const sharedKinds = new Set<string>(['drop', 'expire-window', 'epoch-change', 'half-open', 'duplicate', 'swap', 'stray-frame'] satisfies (FaultKind | 'stray-frame')[]);

/** Adds one gateway run to the property's tally. */
export function tallyGatewayRun(tally: PropertyTally, outcome: GatewayOutcome): void {
  tally.executions += 1;
  if (!outcome.settled) tally.stuckRuns += 1;
  const gateway = (tally.gateway ??= emptyGatewayTally());
  const audit = auditInvocations(outcome);
  gateway.invocations += outcome.invocations.length;
  gateway.executions += outcome.invocations.reduce((sum, invocation) => sum + invocation.executions, 0);
  gateway.answersLost += audit.lost.length;
  gateway.answersDoubled += audit.answersDoubled.length;
  gateway.executionsDoubled += audit.executionsDoubled.length;
  gateway.answerRepeats += audit.repeats;
  gateway.drops += drops.reduce((sum, kind) => sum + (outcome.faults[kind] ?? 0), 0);
  gateway.dropsWhileExecuting += outcome.dropsWhileExecuting;
  gateway.answerAcksLost += outcome.answerAcksLost;
  gateway.rebuilds += outcome.rebuilds;
  gateway.toolSyncs += outcome.stats.toolSyncs;
  gateway.toolChangesWhileOffline += outcome.toolChangesWhileOffline;
  gateway.revisionsAccepted += outcome.acceptedRevisions.length;
  gateway.entityUpdates += outcome.stats.entityUpdates;
  gateway.entitiesDiverged += divergedEntities(outcome).length;
  gateway.blindStarts += outcome.blindStarts;
  gateway.abandonedRebuilds += outcome.abandonedRebuilds;
  for (const [kind, count] of Object.entries(outcome.faults)) {
    gateway.faults[kind] = (gateway.faults[kind] ?? 0) + count;
    if (sharedKinds.has(kind)) tally.faults[kind as keyof FaultCounts] = (tally.faults[kind as keyof FaultCounts] ?? 0) + count;
  }
}
