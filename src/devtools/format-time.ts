const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** `14:03:07.125`, local time: enough to order and space events within a session. */
export function formatClockTime(epochMs: number): string {
  const time = new Date(epochMs);
  return `${pad(time.getHours())}:${pad(time.getMinutes())}:${pad(time.getSeconds())}.${pad(time.getMilliseconds(), 3)}`;
}
