import type { Plugin } from 'vite';
import { artifactSandboxPageHtml, artifactSandboxPagePath } from '../src/components/artifact/artifact-sandbox-page';

/**
 * Serves the artifact sandbox page the way an app would on its sandbox origin: a static page without the
 * preview's CSP. Loaded into a frame sandboxed without `allow-same-origin`, it runs in an opaque origin even
 * though it comes from Storybook's own host, so a story can show artifact scripts running under a strict page CSP.
 */
export function serveArtifactSandboxPage(): Plugin {
  return {
    name: 'platos:artifact-sandbox-page',
    configureServer(server) {
      server.middlewares.use(artifactSandboxPagePath, (_request, response) => {
        response.setHeader('Content-Type', 'text/html; charset=utf-8');
        response.end(artifactSandboxPageHtml);
      });
    },
  };
}
