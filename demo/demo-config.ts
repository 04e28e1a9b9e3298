/** Where the demo finds the mock server: `?server=` wins, then the dev script's URL, then the default port. */
export function demoServerUrl(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('server');
  if (fromQuery) return fromQuery;
  if (import.meta.env.VITE_PLATOS_URL) return import.meta.env.VITE_PLATOS_URL as string;
  const port = (import.meta.env.VITE_PLATOS_MOCK_PORT as string | undefined) ?? '4000';
  return `http://127.0.0.1:${port}`;
}

export function demoThreadId(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('thread');
  return fromQuery ?? `demo-${Math.random().toString(36).slice(2, 10)}`;
}

export const demoToken = new URLSearchParams(window.location.search).get('token') ?? 'dev-token';
