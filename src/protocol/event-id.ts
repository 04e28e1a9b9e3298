/** An event id is `${epoch}-${seq}`; the epoch names the server's copy of a thread's history. */
export interface EventPosition {
  epoch: string;
  seq: number;
}

export function formatEventId(epoch: string, seq: number): string {
  return `${epoch}-${seq}`;
}

export function parseEventId(id: string): EventPosition | null {
  const dash = id.lastIndexOf('-');
  if (dash <= 0) return null;
  const seq = Number(id.slice(dash + 1));
  if (!Number.isInteger(seq) || seq < 1) return null;
  return { epoch: id.slice(0, dash), seq };
}
