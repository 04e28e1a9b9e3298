import { useEffect, useState } from 'react';
import type { ClientStats, PlatosClient } from '../client/types.js';
import { formatClockTime } from './format-time.js';
import { usePolled } from './use-polled.js';
import { formatCount } from './format-count.js';

/** The client's counters (read every second) and its connection states with the time each began. */
export function ClientTab({ client }: { client: PlatosClient | null }) {
  if (!client) return <p className="platos-devtools-scroll">No client: pass one as `client` or mount the devtools inside a PlatosProvider.</p>;
  return (
    <div className="platos-devtools-scroll platos-devtools-sections">
      <ClientCounters client={client} />
      <ConnectionHistory client={client} />
    </div>
  );
}

function ClientCounters({ client }: { client: PlatosClient }) {
  const stats = usePolled(() => client.getStats(), 1_000);
  const counters = Object.entries(stats).filter((entry): entry is [string, number] => typeof entry[1] === 'number');
  const rejected = Object.entries(stats.rejectedFrames as ClientStats['rejectedFrames']).filter(([, count]) => count > 0);
  return (
    <section aria-label="Client counters">
      <h3>Counters</h3>
      <table className="platos-devtools-table">
        <tbody>
          {counters.map(([name, value]) => (
            <tr key={name} data-counter={name}>
              <th scope="row">{name}</th>
              <td>{formatCount(value)}</td>
            </tr>
          ))}
          {rejected.map(([reason, count]) => (
            <tr key={reason} data-counter={`rejectedFrames.${reason}`}>
              <th scope="row">rejected: {reason}</th>
              <td>{formatCount(count)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function ConnectionHistory({ client }: { client: PlatosClient }) {
  // `history()` is a new array on every call: it is read when the state changes, not as a store snapshot.
  const [history, setHistory] = useState(client.connection.history);
  useEffect(() => {
    setHistory(client.connection.history());
    return client.connection.subscribe(() => setHistory(client.connection.history()));
  }, [client]);
  return (
    <section aria-label="Connection history">
      <h3>Connection, newest first</h3>
      <table className="platos-devtools-table">
        <thead>
          <tr>
            <th scope="col">Since</th>
            <th scope="col">State</th>
          </tr>
        </thead>
        <tbody>
          {[...history].reverse().map((change, index) => (
            <tr key={history.length - index} data-state={change.state}>
              <td>{formatClockTime(change.at)}</td>
              <td>{change.state}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
