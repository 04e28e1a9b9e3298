import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createPlatosClient } from '@platosdev/client';
import { PlatosChat, PlatosProvider } from '@platosdev/client/react';
import '@platosdev/client/styles.css';

const client = createPlatosClient({
  url: 'https://agents.example.com',
  getToken: () => fetch('/api/agent-token').then((response) => response.text()),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlatosProvider client={client}>
      <div style={{ height: '100dvh' }}>
        <PlatosChat threadId="support-1" />
      </div>
    </PlatosProvider>
  </StrictMode>,
);
