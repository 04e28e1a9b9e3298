import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync, transformSync } from 'esbuild';

// Builds the library, then reports what each entry costs a user, with its shared chunks and without peers.
execSync('npm run --silent build', { stdio: 'inherit' });
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'zustand', 'zustand/vanilla', 'socket.io-client'];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
const report = (name, code) => console.log(`size ${name}: ${kb(code.length)} minified, ${kb(gzipSync(code).length)} gzipped`);

// Split like an app's bundler would: what loads with the entry, and what loads only when first needed
// (syntax highlighting is imported dynamically, on the first complete code block).
const bundle = (entry) => {
  const { outputFiles } = buildSync({
    entryPoints: [entry],
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    format: 'esm',
    external: peers,
    write: false,
    logLevel: 'silent',
  });
  const byName = new Map(outputFiles.map((file) => [file.path.split('/').at(-1), file.text]));
  const entryName = entry.split('/').at(-1);
  // The entry plus the chunks it imports statically load up front; chunks reached only by import() load later.
  const eager = new Set([entryName]);
  for (const name of eager) {
    for (const match of byName.get(name).matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) eager.add(match[1]);
  }
  const pick = (wanted) => [...byName].filter(([name]) => wanted(eager.has(name))).map(([, text]) => text).join('');
  return { main: pick((isEager) => isEager), lazy: pick((isEager) => !isEager) };
};

for (const [name, entry] of [
  ['@platosdev/client (protocol, client, store)', 'dist/index.js'],
  ['@platosdev/client/react (hooks, components, and everything above)', 'dist/react.js'],
]) {
  const { main, lazy } = bundle(entry);
  report(name, main);
  if (lazy.length > 0) report(`${name}, loaded on first use`, lazy);
}
report('@platosdev/client/styles.css', transformSync(readFileSync('dist/platos.css', 'utf8'), { loader: 'css', minify: true }).code);
