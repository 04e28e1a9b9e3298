import type { PlatosClient } from '../client/types.js';
import type { ThreadState } from '../store/types.js';
import { formatClockTime } from './format-time.js';
import { usePolled } from './use-polled.js';

const noOutbox = () => [];

/** What is still on its way: the client's unacknowledged commands, and the thread's pending messages and approval answers. */
export function OutboxTab({ client, thread }: { client: PlatosClient | null; thread: ThreadState | undefined }) {
  const outbox = usePolled(client ? () => client.getOutbox() : noOutbox, 500);
  const pending = thread?.pendingMessages ?? [];
  const approvals = Object.entries(thread?.approvalResponses ?? {});
  return (
    <div className="platos-devtools-scroll platos-devtools-sections">
      <section aria-label="Client outbox">
        <h3>Client outbox ({outbox.length})</h3>
        {outbox.length === 0 ? (
          <p className="platos-devtools-muted">Every command was acknowledged.</p>
        ) : (
          <table className="platos-devtools-table">
            <thead>
              <tr>
                <th scope="col">Since</th>
                <th scope="col">Command</th>
                <th scope="col">State</th>
                <th scope="col">Attempts</th>
              </tr>
            </thead>
            <tbody>
              {outbox.map((entry, index) => (
                <tr key={index} data-state={entry.state}>
                  <td>{formatClockTime(entry.since)}</td>
                  <td title={JSON.stringify(entry.request)}>{entry.name}</td>
                  <td>{entry.state}</td>
                  <td>{entry.attempts}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-label="Pending messages">
        <h3>Pending messages ({pending.length})</h3>
        {pending.length === 0 && <p className="platos-devtools-muted">None.</p>}
        <ul>
          {pending.map((message) => (
            <li key={message.clientMessageId} data-state={message.state}>
              {message.state}: “{message.text}”{message.error ? ` (${message.error.code}: ${message.error.message})` : ''}
            </li>
          ))}
        </ul>
      </section>
      <section aria-label="Approval answers">
        <h3>Approval answers ({approvals.length})</h3>
        {approvals.length === 0 && <p className="platos-devtools-muted">None.</p>}
        <ul>
          {approvals.map(([approvalId, response]) => (
            <li key={approvalId} data-state={response.state}>
              {approvalId}: {response.decision}, {response.state}
              {response.error ? ` (${response.error.code}: ${response.error.message})` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
