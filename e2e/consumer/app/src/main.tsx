import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPlatosClient } from '@platosdev/client';
import { PlatosChat, PlatosProvider } from '@platosdev/client/react';
import '@platosdev/client/styles.css';

// The app a user pastes from the README: one client, one provider, one chat. The page has no stylesheet of its own.
// `?server=` (or VITE_PLATOS_URL at build time) says where the agent server is; `?thread=` picks the thread;
// `?host=styled` plays a host page with rules of its own on <body> and no height on the chat's parent.
const params = new URLSearchParams(window.location.search);
const url = params.get('server') ?? (import.meta.env.VITE_PLATOS_URL as string | undefined) ?? 'http://127.0.0.1:4000';
const threadId = params.get('thread') ?? `consumer-${Math.random().toString(36).slice(2, 10)}`;
const styledHost = params.get('host') === 'styled';

const client = createPlatosClient({ url, token: 'dev-token', agentId: 'default' });

if (styledHost) {
  document.body.style.textAlign = 'center';
  document.body.style.fontFamily = 'serif';
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlatosProvider client={client}>
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
