import type { Plugin } from 'vite';
import { MOCK_AGENT_URL } from '../stories/mock-agent/mock-agent-config';

const agentOrigin = new URL(MOCK_AGENT_URL);

/**
 * The policy the kit's stories run under: what a strict app would set. No inline or eval'd script, images only
 * from the page's origin or data:, connections only to the page and the agent (the in-browser mock answers for it).
 */
export const storybookCsp = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  `connect-src 'self' ${agentOrigin.origin} ws://${agentOrigin.host}`,
  "worker-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** A meta CSP applies from where it stands: placed at the end of the head, it holds everything the stories load. */
export const cspMetaTag = `<meta http-equiv="Content-Security-Policy" content="${storybookCsp}">`;

/**
 * Storybook's preview page ends with an inline script and an `onerror` attribute that only explain a wrong hostname;
 * under the policy they would be blocked and reported, so they are left out.
 */
export function dropInlineLoadErrorHandler(): Plugin {
  return {
    name: 'platos:drop-inline-load-error-handler',
    transformIndexHtml: {
      order: 'post',
      handler: (html) =>
        html
          .replace(/<script>\s*function __onViteAppLoadingError[\s\S]*?<\/script>/, '')
          .replace(/\s+onerror="__onViteAppLoadingError\(event\)"/, ''),
    },
  };
}
