import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPlatosClient } from '@platosdev/client';
import { PlatosChat, PlatosProvider, useClientTool } from '@platosdev/client/react';
import { PlatosDevtools } from '@platosdev/client/devtools';
import '@platosdev/client/styles.css';

// The app a user pastes from the README: one client, one provider, one chat, and the event inspector (closed until
// Alt+Shift+D or its launcher). The page has no stylesheet of its own.
// `?server=` (or VITE_PLATOS_URL at build time) says where the agent server is; `?thread=` picks the thread;
// `?host=styled` plays a host page with rules of its own on <body> and no height on the chat's parent.
const params = new URLSearchParams(window.location.search);
const url = params.get('server') ?? (import.meta.env.VITE_PLATOS_URL as string | undefined) ?? 'http://127.0.0.1:4000';
const threadId = params.get('thread') ?? `consumer-${Math.random().toString(36).slice(2, 10)}`;
const styledHost = params.get('host') === 'styled';

const client = createPlatosClient({ url, token: 'dev-token', agentId: 'default' });

/** A tool that runs in this page: the agent's `browser` scenario calls it and quotes what it returns. */
function FiltersTool() {
  useClientTool({
    name: 'read_filters',
    description: 'Reads the trip filters set on the page.',
    parameters: { type: 'object', properties: { fields: { type: 'array', items: { enum: ['region', 'budget', 'days'] } } }, required: ['fields'] },
    execute: ({ fields }: { fields: ('region' | 'budget' | 'days')[] }) => {
      const filters = { region: 'Oceania', budget: 700, days: 4 };
      return Object.fromEntries(fields.map((field) => [field, filters[field]]));
    },
  });
  return null;
}

if (styledHost) {
  document.body.style.textAlign = 'center';
  document.body.style.fontFamily = 'serif';
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlatosProvider client={client}>
      <FiltersTool />
      <PlatosDevtools />
      {styledHost ? (
        <div>
          <PlatosChat threadId={threadId} />
        </div>
      ) : (
        <div style={{ height: '100vh' }}>
          <PlatosChat threadId={threadId} />
        </div>
      )}
    </PlatosProvider>
  </StrictMode>,
);
