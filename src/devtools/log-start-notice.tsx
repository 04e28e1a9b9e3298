import type { ThreadLog } from './thread-log.js';
import { formatCount } from './format-count.js';


/** Says plainly when the log does not start at the thread's beginning, and what to do about it. */
export function LogStartNotice({ log }: { log: ThreadLog }) {
  if (log.dropped > 0) {
    return (
      <p className="platos-devtools-notice" role="note" data-reason="dropped">
        This log no longer starts at the thread&rsquo;s beginning:{' '}
        {log.dropped === 1 ? 'its first event was dropped' : `its first ${formatCount(log.dropped)} events were dropped`} (eventLogLimit is{' '}
        {formatCount(log.limit)}), so time travel is off for this thread. Keep more with{' '}
        <code>{`<PlatosProvider eventLogLimit={${suggestedLimit(log)}}>`}</code> or{' '}
        <code>createPlatosStore({'{'} eventLogLimit {'}'})</code>.
      </p>
    );
  }
  if (log.startsFromHistory) {
    return (
      <p className="platos-devtools-notice" role="note" data-reason="history">
        This log starts from the thread as it was rebuilt from history (or as it was when its last watch stopped):
        earlier events are not in it. Time travel starts from that point.
      </p>
    );
  }
  return null;
}

/** A round limit that would have kept the whole log, with room to grow. */
function suggestedLimit(log: ThreadLog): string {
  const needed = (log.dropped + log.events.length) * 2;
  const magnitude = 10 ** Math.floor(Math.log10(needed));
  return `${Math.ceil(needed / magnitude) * magnitude}`.replace(/\B(?=(\d{3})+$)/g, '_');
}
