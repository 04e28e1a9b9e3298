import { resolve } from 'node:path';
import { defineConfig, loadEnv, type Plugin, type PluginOption } from 'vite';
import react from '@vitejs/plugin-react';

const peers = ['react', 'react-dom', 'react/jsx-runtime', 'zustand', 'zustand/vanilla', 'socket.io-client'];

/** Where the demo's client connects (same order as `demo/demo-config.ts`, without the page's `?server=`). */
function mockServerOrigin(env: Record<string, string>): string {
  return new URL(env['VITE_PLATOS_URL'] || `http://127.0.0.1:${env['VITE_PLATOS_MOCK_PORT'] || '4000'}`).origin;
}

/**
 * The demo's Content-Security-Policy, the same in dev and in the built demo:
 * - `script-src 'self'`: no inline script, no eval. Dev serves the fast-refresh preamble as a module instead of the
 *   inline script @vitejs/plugin-react injects (see `withoutInlineRefreshPreamble`).
 * - `style-src 'unsafe-inline'`: Vite dev injects every CSS import as a `<style>` element, and artifact frames
 *   (`srcdoc`) inherit this policy on top of their own, so an artifact's inline `<style>` needs it too.
 * - `img-src 'self' data:`: the demo's image allow-list is its own `/images/`; no other host, whatever the kit does.
 * - `connect-src`: the page itself (and, in dev, Vite's HMR socket, which CSP3 `'self'` covers as ws:) and the mock
 *   server over http (polling, history) and ws.
 * - `frame-src 'self'`: artifact frames are `srcdoc` documents, which inherit this policy, so their inline scripts
 *   stay blocked even after "Run scripts"; an app that wants artifact scripts to run serves the sandbox page from
 *   another origin (`artifactOrigin`) and lists it here.
 */
function demoContentSecurityPolicy(mockOrigin: string): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    `connect-src 'self' ${mockOrigin} ${mockOrigin.replace(/^http/, 'ws')}`,
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const demoPage = resolve(import.meta.dirname, 'index.html');

/** The stylesheet is built from its own entry (`src/styles-entry.ts`), whose JS output is empty and not shipped. */
function withoutStylesheetEntryChunk(): Plugin {
  return {
    name: 'platos:without-stylesheet-entry-chunk',
    enforce: 'post',
    apply: 'build',
    generateBundle(_options, bundle) {
      for (const [fileName, output] of Object.entries(bundle)) {
        if (output.type === 'chunk' && output.isEntry && output.name === 'styles') delete bundle[fileName];
      }
    },
  };
}

/**
 * Drops the inline `<script type="module">` preamble that @vitejs/plugin-react adds to the demo's index.html in dev,
 * which `script-src 'self'` would refuse; `demo/main.tsx` imports the same code as the virtual module
 * `@vitejs/plugin-react/preamble` instead (empty outside dev). Other pages that load this config (Storybook's
 * preview) keep the inline preamble they rely on. A hash in the dev policy would do too, but it breaks whenever
 * the plugin changes its preamble by a byte.
 */
function withoutInlineRefreshPreamble(plugins: PluginOption[]): PluginOption[] {
  return plugins.map((plugin) => {
    if (!plugin || typeof plugin !== 'object' || !('name' in plugin) || plugin.name !== 'vite:react-refresh') return plugin;
    const inject = (plugin as Plugin).transformIndexHtml;
    if (typeof inject !== 'function') return plugin;
    return {
      ...plugin,
      transformIndexHtml(this: unknown, html: string, context: { filename: string }) {
        return context.filename === demoPage ? undefined : Reflect.apply(inject, this, [html, context]);
      },
    } as PluginOption;
  });
}

export default defineConfig(({ command, mode }) => {
  const contentSecurityPolicy = demoContentSecurityPolicy(mockServerOrigin(loadEnv(mode, import.meta.dirname, 'VITE_')));
  return {
    plugins: [...withoutInlineRefreshPreamble(react()), withoutStylesheetEntryChunk()],
    resolve: {
      alias: [
        { find: /^@platosdev\/client\/styles\.css$/, replacement: resolve(import.meta.dirname, 'src/components/styles/index.css') },
        { find: /^@platosdev\/client\/react$/, replacement: resolve(import.meta.dirname, 'src/react-entry.ts') },
        { find: /^@platosdev\/client\/testing$/, replacement: resolve(import.meta.dirname, 'src/testing/index.ts') },
        { find: /^@platosdev\/client\/devtools$/, replacement: resolve(import.meta.dirname, 'src/devtools-entry.ts') },
        { find: /^@platosdev\/client$/, replacement: resolve(import.meta.dirname, 'src/index.ts') },
      ],
    },
    server: { port: Number(process.env.DEMO_PORT ?? 5173), strictPort: false, headers: { 'Content-Security-Policy': contentSecurityPolicy } },
    preview: { headers: { 'Content-Security-Policy': contentSecurityPolicy } },
    // `--mode demo` builds (and previews) the demo app from index.html; any other build is the library.
    build:
      mode === 'demo'
        ? { outDir: 'dist-demo', emptyOutDir: true, copyPublicDir: true }
        : command === 'build'
          ? {
              copyPublicDir: false,
              cssCodeSplit: false,
              lib: {
                entry: {
                  index: resolve(import.meta.dirname, 'src/index.ts'),
                  react: resolve(import.meta.dirname, 'src/react-entry.ts'),
                  testing: resolve(import.meta.dirname, 'src/testing/index.ts'),
                  devtools: resolve(import.meta.dirname, 'src/devtools-entry.ts'),
                  styles: resolve(import.meta.dirname, 'src/styles-entry.ts'),
                },
                formats: ['es'],
                cssFileName: 'platos',
              },
              rolldownOptions: {
                external: (id: string) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`)),
              },
            }
          : undefined,
  };
});
