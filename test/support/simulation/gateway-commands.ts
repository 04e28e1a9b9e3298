import type { Ack, ToolDescriptor } from '../../../src/protocol/index.js';

/** An acknowledgement with whatever reply fields its command has. */
export type AnyAck = Ack<Record<string, unknown>>;

export type GatewayAnswer = { result: unknown } | { error: { code: string; message: string } };

export const invalid = (name: string): AnyAck => ({
  ok: false,
  error: { code: 'invalid_request', message: `${name}: the request does not match docs/protocol.md.` },
});

export const invocationNotFound = (invocationId: string): AnyAck => ({
  ok: false,
  error: { code: 'invocation_not_found', message: `No open invocation ${invocationId}.` },
});

export const unknownCommand = (name: string): AnyAck => ({ ok: false, error: { code: 'unknown_command', message: `Unknown command ${name}.` } });

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const isDescriptor = (value: unknown): value is ToolDescriptor =>
  isRecord(value) && typeof value['name'] === 'string' && typeof value['description'] === 'string' && isRecord(value['parameters']);

const isToolError = (value: unknown): value is { code: string; message: string } =>
  isRecord(value) && typeof value['code'] === 'string' && value['code'] !== '' && typeof value['message'] === 'string';

/** A command's payload as an object to read fields from (anything else reads as empty). */
export const requestOf = (payload: unknown): Record<string, unknown> => (isRecord(payload) ? payload : {});

/** `connections:subscribe`; null when the request does not match the contract. */
export function parseSubscribe(request: Record<string, unknown>): { lastEventId: string | undefined } | null {
  const { lastEventId } = request;
  return lastEventId === undefined || typeof lastEventId === 'string' ? { lastEventId } : null;
}

/** `tools:sync`; null when the request does not match the contract. */
export function parseToolSync(request: Record<string, unknown>): { revision: number; tools: ToolDescriptor[] } | null {
  const { revision, tools } = request;
  if (typeof revision !== 'number' || !Number.isInteger(revision) || revision < 0) return null;
  return Array.isArray(tools) && tools.every(isDescriptor) ? { revision, tools } : null;
}

/** `tool:result` or `tool:error`; null when the request does not match the contract. */
export function parseAnswer(name: 'tool:result' | 'tool:error', request: Record<string, unknown>): { invocationId: string; answer: GatewayAnswer } | null {
  const { invocationId, result, error } = request;
  if (typeof invocationId !== 'string') return null;
  if (name === 'tool:result') return 'result' in request ? { invocationId, answer: { result } } : null;
  return isToolError(error) ? { invocationId, answer: { error } } : null;
}
