import type { ClientError, DurableCommand, DurableCommandName } from './types.js';

/** A durable command as stored under `outbox:<key>`: without `origin`, which is the reader's to set. */
export type StoredCommand = DurableCommand extends infer C ? (C extends DurableCommand ? Omit<C, 'origin'> : never) : never;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
const isText = (value: unknown): value is string => typeof value === 'string';

/** The request field the server applies the command once per: its idempotency key. */
export function idempotencyKey(name: DurableCommandName, request: object): string | undefined {
  const field = name === 'message:send' ? 'clientMessageId' : name === 'approval:respond' ? 'approvalId' : 'turnId';
  const key = (request as Record<string, unknown>)[field];
  return isText(key) && key !== '' ? key : undefined;
}

const isClientError = (value: unknown): value is ClientError => isRecord(value) && isText(value['code']) && isText(value['message']);

/** The request with only the fields its command has, or `undefined` if it is not one. */
const requestOf = (name: unknown, request: unknown): DurableCommand['request'] | undefined => {
  if (!isRecord(request)) return undefined;
  const { threadId, clientMessageId, text, turnId, approvalId, decision, note } = request;
  if (name === 'message:send') return isText(threadId) && isText(clientMessageId) && isText(text) ? { threadId, clientMessageId, text } : undefined;
  if (name === 'turn:cancel') return isText(threadId) && isText(turnId) ? { threadId, turnId } : undefined;
  if (name !== 'approval:respond' || !isText(approvalId) || (decision !== 'approved' && decision !== 'denied')) return undefined;
  if (note === undefined) return { approvalId, decision };
  return isText(note) ? { approvalId, decision, note } : undefined;
};

/** A stored or peer-sent command, checked field by field (storage and other tabs are trusted no more than the server). */
export function parseStoredCommand(value: unknown): StoredCommand | undefined {
  if (!isRecord(value)) return undefined;
  const { name, key, threadId, since, state, error } = value;
  const request = requestOf(name, value['request']);
  if (!request || !isText(key) || idempotencyKey(name as DurableCommandName, request) !== key) return undefined;
  if (!isText(threadId) || typeof since !== 'number' || !Number.isFinite(since)) return undefined;
  if (state !== 'pending' && state !== 'failed') return undefined;
  if (error !== undefined && !isClientError(error)) return undefined;
  const command = { name, request, key, threadId, since, state } as StoredCommand;
  return error ? { ...command, error: { code: error.code, message: error.message } } : command;
}

export const toStoredCommand = ({ origin: _origin, ...stored }: DurableCommand): StoredCommand => stored;
