import { useEffect, useState } from 'react';
import { useConnectionState } from '@platosdev/client/react';

/** The connection state now, and every state it went through since this mounted. */
export function ConnectionLog() {
  const state = useConnectionState();
  const [history, setHistory] = useState<string[]>([]);
  useEffect(() => {
    setHistory((states) => (states.at(-1) === state ? states : [...states, state]));
  }, [state]);
  return (
    <p>
      Connection: <output aria-label="Connection state">{state}</output> (so far:{' '}
      <output aria-label="Connection history">{history.join(' → ')}</output>)
    </p>
  );
}
