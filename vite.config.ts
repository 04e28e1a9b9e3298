import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const peers = ['react', 'react-dom', 'react/jsx-runtime', 'zustand', 'zustand/vanilla', 'socket.io-client'];

export default defineConfig(({ command }) => ({
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^@platosdev\/client\/react$/, replacement: resolve(import.meta.dirname, 'src/react-entry.ts') },
      { find: /^@platosdev\/client$/, replacement: resolve(import.meta.dirname, 'src/index.ts') },
    ],
  },
  server: { port: Number(process.env.DEMO_PORT ?? 5173), strictPort: false },
  build:
    command === 'build'
      ? {
          copyPublicDir: false,
          cssCodeSplit: false,
          lib: {
            entry: { index: resolve(import.meta.dirname, 'src/index.ts'), react: resolve(import.meta.dirname, 'src/react-entry.ts') },
            formats: ['es'],
            cssFileName: 'platos',
          },
          rolldownOptions: {
            external: (id: string) => peers.some((peer) => id === peer || id.startsWith(`${peer}/`)),
          },
        }
      : undefined,
}));
