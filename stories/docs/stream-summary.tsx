import { usePlatosStream } from '@platosdev/client/react';

/** One hook for the whole thread. It re-renders on every applied frame: fine for a small view. */
export function StreamSummary({ threadId }: { threadId: string }) {
  const { events, messages, status, connection } = usePlatosStream({ threadId });
  const types = new Set(events.map((event) => event.type));
  const lastType = events.at(-1)?.type ?? 'none';
  return (
    <section aria-label="Stream summary">
      <p>
        Thread <output aria-label="Stream status">{status}</output>, connection{' '}
        <output aria-label="Stream connection">{connection}</output>.
      </p>
      <p>
        <output aria-label="Message count">{messages.length}</output> messages,{' '}
        <output aria-label="Event count">{events.length}</output> events of{' '}
        <output aria-label="Event types">{types.size}</output> types; the last one is{' '}
        <output aria-label="Last event">{lastType}</output>.
      </p>
    </section>
  );
}
