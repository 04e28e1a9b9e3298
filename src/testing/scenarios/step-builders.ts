import type { ScenarioStep } from './scenario-types.js';
import { splitIntoFragments } from './stream-text.js';

export interface ToolCallStartOptions {
  toolCallId: string;
  tool: string;
  args: Record<string, unknown>;
  stepId?: string;
}

export interface ToolCallOptions extends ToolCallStartOptions {
  /** Either the result, or the error the tool failed with. */
  outcome: { result: unknown } | { error: { code: string; message: string } };
  workMs?: number;
}

/** The start of a tool call and its argument JSON in fragments, without an end. */
export function toolCallStartSteps(options: ToolCallStartOptions): ScenarioStep[] {
  const { toolCallId, tool, stepId } = options;
  const argFragments = splitIntoFragments(JSON.stringify(options.args), 6);
  return [
    { type: 'tool-call-start', toolCallId, tool, ...(stepId ? { stepId } : {}), delayMs: 60 },
    ...argFragments.map((delta): ScenarioStep => ({ type: 'tool-call-args', toolCallId, delta, delayMs: 30 })),
  ];
}

/** A tool call whose argument JSON streams in fragments, then its result or error. */
export function toolCallSteps(options: ToolCallOptions): ScenarioStep[] {
  const { toolCallId, outcome } = options;
  const end: ScenarioStep =
    'result' in outcome
      ? { type: 'tool-call-result', toolCallId, result: outcome.result, delayMs: options.workMs ?? 300 }
      : { type: 'tool-call-error', toolCallId, error: outcome.error, delayMs: options.workMs ?? 300 };
  return [...toolCallStartSteps(options), end];
}

export interface ClientToolCallOptions extends ToolCallStartOptions {
  /** How long the browser has to answer. @default the server's `clientToolTimeoutMs` */
  timeoutMs?: number;
}

/**
 * A tool call run by the browser: its argument JSON streams in fragments, then the turn waits for the browser's
 * answer, which the server emits as `tool-call-result` or `tool-call-error`.
 */
export function clientToolCallSteps(options: ClientToolCallOptions): ScenarioStep[] {
  const { toolCallId, tool, args, timeoutMs } = options;
  return [...toolCallStartSteps(options), { wait: 'client-tool', toolCallId, tool, args, ...(timeoutMs === undefined ? {} : { timeoutMs }) }];
}

export interface BackgroundRunOptions {
  runId: string;
  label: string;
  updates: number;
  intervalMs?: number;
  outcome?: 'succeeded' | 'failed';
}

/** A run that is queued, reports progress from 0 to 100 % over `updates` updates, then ends. */
export function backgroundRunSteps(options: BackgroundRunOptions): ScenarioStep[] {
  const { runId, label, updates } = options;
  const intervalMs = options.intervalMs ?? 250;
  const progressSteps = Array.from({ length: updates + 1 }, (_, index): ScenarioStep => {
    const progress = Math.round((index / updates) * 100);
    const etaMs = (updates - index) * intervalMs;
    return { type: 'run-update', runId, status: 'running', progress, label, etaMs, delayMs: intervalMs };
  });
  return [
    { type: 'run-update', runId, status: 'queued', progress: 0, label, delayMs: 100 },
    ...progressSteps,
    { type: 'run-update', runId, status: options.outcome ?? 'succeeded', progress: 100, label, delayMs: 100 },
  ];
}

export interface ApprovalOptions {
  approvalId: string;
  tool: string;
  args: Record<string, unknown>;
  reason?: string;
  toolCallId?: string;
  expiresInMs?: number;
}

/** An approval request followed by a pause until the user decides; the server emits `approval-resolved`. */
export function approvalSteps(options: ApprovalOptions): ScenarioStep[] {
  return [
    { type: 'approval-pending', ...options, delayMs: 100 },
    { wait: 'approval', approvalId: options.approvalId },
  ];
}
