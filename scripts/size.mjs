import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync, transformSync } from 'esbuild';

// Builds the library, then reports what each entry costs a user, with its shared chunks and without peers.
execSync('npm run --silent build', { stdio: 'inherit' });
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'zustand', 'zustand/vanilla', 'socket.io-client'];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const report = (name, code) => console.log(`size ${name}: ${kb(code.length)} minified, ${kb(gzipSync(code).length)} gzipped`);

const bundle = (entry) =>
  buildSync({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', external: peers, write: false, logLevel: 'silent' })
    .outputFiles[0].text;

report('@platosdev/client (protocol, client, store)', bundle('dist/index.js'));
report('@platosdev/client/react (hooks, components, and everything above)', bundle('dist/react.js'));
report('@platosdev/client/styles.css', transformSync(readFileSync('dist/platos.css', 'utf8'), { loader: 'css', minify: true }).code);
