import { resolve } from 'node:path';
import type { StorybookConfig } from '@storybook/react-vite';
import { serveArtifactSandboxPage } from './artifact-sandbox-page';
import { cspMetaTag, dropInlineLoadErrorHandler } from './strict-csp';

const root = resolve(import.meta.dirname, '..');

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.@(ts|tsx)'],
  addons: ['@storybook/addon-docs', '@storybook/addon-vitest', '@storybook/addon-a11y'],
  framework: { name: '@storybook/react-vite', options: {} },
  // Serves public/mockServiceWorker.js, which answers the history requests of the mock agent.
  staticDirs: ['../public'],
  core: { disableTelemetry: true },
  // The kit's stories run under the same strict policy an app would set (docs/security.md). Storybook's own inline
  // boot scripts come before this tag, so only what loads after it, the kit and the stories, is held to it.
  previewHead: (head) => `${head}${cspMetaTag}`,
  // react-docgen-typescript needs the TypeScript JS API, which TypeScript 7 does not have.
  typescript: { reactDocgen: 'react-docgen' },
  // Story tests get Storybook's Vite config but not vite.config.ts, so the package aliases are repeated here.
  viteFinal: async (viteConfig) => {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      plugins: [dropInlineLoadErrorHandler(), serveArtifactSandboxPage()],
      resolve: {
        alias: [
          { find: /^@platosdev\/client\/styles\.css$/, replacement: resolve(root, 'src/components/styles/index.css') },
          { find: /^@platosdev\/client\/react$/, replacement: resolve(root, 'src/react-entry.ts') },
          { find: /^@platosdev\/client\/testing$/, replacement: resolve(root, 'src/testing/index.ts') },
          { find: /^@platosdev\/client$/, replacement: resolve(root, 'src/index.ts') },
        ],
      },
    });
  },
};

export default config;
