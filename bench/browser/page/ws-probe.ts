// Imported before socket.io-client (which captures `WebSocket` when it loads): stamps every token's arrival at the
// WebSocket, before socket.io-client parses the packet, and counts `batch` packets against other event packets.

export interface Arrivals {
  /** `times[thread][token]`: when the token's packet arrived (performance.now()). */
  times: number[][];
  lastArrival: number;
  firstArrival: number;
  batchPackets: number;
  eventPackets: number;
  /** Set by the page once it knows the run's threads. */
  runId: string;
  /** Seqs of a seeded history come before the stream's. */
  seqOffset: number;
}

export const arrivals: Arrivals = { times: [], lastArrival: 0, firstArrival: 0, batchPackets: 0, eventPackets: 0, runId: '', seqOffset: 0 };

// The load server writes `seq` then `threadId` (`${runId}-t${thread}`); token k has seq k + 2 (after a seeded history's).
const tokenPattern = /"seq":(\d+),"threadId":"[^"]*-t(\d+)"/g;
const batchPacket = /^42(?:\/[^,]*,)?\d*\["batch"/;

function onMessage(message: MessageEvent) {
  const now = performance.now();
  const data = message.data;
  if (typeof data !== 'string' || !data.startsWith('42')) return;
  if (batchPacket.test(data)) arrivals.batchPackets += 1;
  else arrivals.eventPackets += 1;
  tokenPattern.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = tokenPattern.exec(data))) {
    const token = Number(match[1]) - 2 - arrivals.seqOffset;
    if (token < 0) continue;
    const thread = Number(match[2]);
    (arrivals.times[thread] ??= [])[token] = now;
    if (arrivals.firstArrival === 0) arrivals.firstArrival = now;
    arrivals.lastArrival = now;
  }
}

const NativeWebSocket = window.WebSocket;
class ProbedWebSocket extends NativeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    // Registered before socket.io-client sets `onmessage`, so it runs first.
    this.addEventListener('message', onMessage);
  }
}
window.WebSocket = ProbedWebSocket;
