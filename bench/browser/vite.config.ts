import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The bench page, built for production with React's profiling build so `<Profiler onRender>` reports.
// Its output stays in bench/browser/dist, outside the package's dist/.
export default defineConfig({
  root: resolve(import.meta.dirname, 'page'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [{ find: /^react-dom\/client$/, replacement: 'react-dom/profiling' }],
  },
  build: {
    outDir: resolve(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    copyPublicDir: false,
    minify: true,
    sourcemap: false,
  },
  logLevel: 'warn',
});
