import type { Socket } from 'socket.io-client';
import type { HistoryResponse, ServerEvent } from '../../src/protocol/index.js';
import { parseEventId } from '../../src/protocol/index.js';
import { connectSocket, connected, okCommand, recordEvents, type EventRecorder } from './mock-server-harness.js';

/** A message whose `echo` turn has exactly `eventCount` events: turn-start, one text-delta per word, finish. */
export function echoWithEvents(eventCount: number): string {
  return ['echo', ...Array.from({ length: eventCount - 3 }, (_, index) => `w${index}`)].join(' ');
}

export const seqsOf = (events: readonly ServerEvent[]) => events.map((event) => event.seq);

export const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, index) => from + index);

export function disconnectReason(socket: Socket): Promise<string> {
  return new Promise((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
}

/** A connected test socket recording every frame, subscribed to `threadId` (resuming from `lastEventId` if given). */
export async function subscribedSocket(url: string, threadId: string, lastEventId?: string) {
  const socket = connectSocket(url);
  const recorder = recordEvents(socket);
  await connected(socket);
  const ack = await okCommand(socket, 'thread:subscribe', lastEventId === undefined ? { threadId } : { threadId, lastEventId });
  return { socket, recorder, ack };
}

export async function history(url: string, threadId: string): Promise<HistoryResponse> {
  const response = await fetch(`${url}/api/threads/${encodeURIComponent(threadId)}/messages`, { headers: { Authorization: 'Bearer test-token' } });
  return (await response.json()) as HistoryResponse;
}

/** Polls the history endpoint until the thread holds `seq` events: the server side of a turn the socket no longer sees. */
export async function storedUpTo(url: string, threadId: string, seq: number): Promise<HistoryResponse> {
  for (;;) {
    const current = await history(url, threadId);
    if (current.lastEventId !== null && (parseEventId(current.lastEventId)?.seq ?? 0) >= seq) return current;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Resolves once the recorder holds at least `count` frames. */
export const framesReceived = (recorder: EventRecorder, count: number) => recorder.waitFor(() => recorder.frames.length >= count);

export const epochOf = (eventId: string) => parseEventId(eventId)?.epoch;
