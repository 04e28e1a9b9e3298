import { lazy, Suspense, useEffect, useState } from 'react';
import { PlatosChat, PlatosProvider, useOwnedClient, usePlatosStream } from '@platosdev/client/react';
import { demoServerUrl, demoThreadId, demoToken } from './demo-config.js';
import { TripFiltersPanel } from './trip-filters.js';
import { WorkspaceCard } from './workspace-card.js';

type Theme = 'system' | 'light' | 'dark';

const suggestions = [
  { label: 'Full turn', text: 'Plan a three-day trip to Lisbon' },
  { label: 'Echo', text: 'echo Hello from the demo' },
  { label: 'Long answer', text: 'long Explain event sourcing' },
  { label: 'Failure', text: 'fail Try something impossible' },
  { label: 'Browser tool', text: 'browser Which trip fits my filters?' },
  { label: 'Browser tool, asks first', text: 'browser-approve Read my filters, with my permission' },
  { label: 'Browser tool fails', text: 'browser-fail Check the weather filter' },
];

// The event inspector (Alt+Shift+D, or its launcher) in a chunk of its own, fetched after the demo's first render.
const PlatosDevtools = lazy(() => import('@platosdev/client/devtools').then((module) => ({ default: module.PlatosDevtools })));

// Images in model output load only from the demo's own /images/ (an app lists its CDN the same way); anything else
// shows a placeholder. Module level, so the policy keeps one identity across renders.
const imagePolicy = { allow: [new URL('/images/', window.location.origin).href] };

export function DemoApp() {
  // Not useMemo: StrictMode runs a memo twice and the spare client would keep its socket open.
  const client = useOwnedClient({ url: demoServerUrl(), token: demoToken })!;
  const [threadId, setThreadId] = useState(demoThreadId);
  const [theme, setTheme] = useState<Theme>('system');
  useEffect(() => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
  }, [theme]);

  return (
    <PlatosProvider client={client}>
      <div className="demo">
        <header className="demo-header">
          <h1>Platos chat</h1>
          <div className="demo-controls">
            <label>
              Theme{' '}
              <select value={theme} onChange={(event) => setTheme(event.target.value as Theme)}>
                <option value="system">System</option>
                <option value="light">Light</option>
                <option value="dark">Dark</option>
              </select>
            </label>
            <button type="button" onClick={() => setThreadId(`demo-${Math.random().toString(36).slice(2, 10)}`)}>
              New thread
            </button>
          </div>
        </header>
        <Suggestions threadId={threadId} />
        <div className="demo-body">
          <main className="demo-chat">
            <PlatosChat key={threadId} threadId={threadId} title="Assistant" imagePolicy={imagePolicy} />
          </main>
          <aside className="demo-aside">
            <TripFiltersPanel />
            <WorkspaceCard />
          </aside>
        </div>
      </div>
      <Suspense fallback={null}>
        <PlatosDevtools />
      </Suspense>
    </PlatosProvider>
  );
}

function Suggestions({ threadId }: { threadId: string }) {
  const { send, status } = usePlatosStream({ threadId });
  return (
    <nav className="demo-suggestions" aria-label="Try a scenario">
      {suggestions.map((suggestion) => (
        <button key={suggestion.label} type="button" disabled={status === 'streaming'} onClick={() => void send(suggestion.text)}>
          {suggestion.label}
        </button>
      ))}
    </nav>
  );
}
