import { createPlatosClient } from '@platosdev/client';

// The defaults, written out.
export const client = createPlatosClient({
  url: 'https://agents.example.com',
  getToken: () => fetch('/api/agent-token').then((response) => response.text()),
  reconnect: { baseMs: 500, factor: 2, capMs: 10_000, maxAttempts: Infinity },
  liveness: { intervalMs: 5_000, timeoutMs: 5_000 },
  gap: { bufferSize: 64, timeoutMs: 1_000 },
  ackTimeoutMs: 10_000,
  queueTimeoutMs: 60_000,
  persist: { maxMessagesPerThread: 200, maxThreadBytes: 2 * 1024 * 1024, maxThreads: 50 },
});

export function logReliabilityCounters(): void {
  const { reconnects, duplicateFrames, outOfOrderFrames, gaps, resyncs } = client.getStats();
  console.info({ reconnects, duplicateFrames, outOfOrderFrames, gaps, resyncs });
}
