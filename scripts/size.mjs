import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync, transformSync } from 'esbuild';

// Builds the library, then reports what each entry costs a user, with its shared chunks and without peers, against
// its budget; exits non-zero when anything is over budget.
execSync('npm run --silent build', { stdio: 'inherit' });
const peers = ['react', 'react-dom', 'react/jsx-runtime', 'zustand', 'zustand/vanilla', 'socket.io-client'];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;

/**
 * Gzipped kB each part may cost. The core target was 12.8 kB: with the valibot schemas (`eventSchemas`,
 * `serverEventSchema`) and the history parsers (`parseHistoryResponse`, `viewFromHistory`, `viewToHistory`) exported
 * from the entry it stays near 14.9 kB, so the budget is that plus 2 %. The React entry's target is 25 % below
 * 54 kB. What loads on first use (markdown parser, virtualizer, highlighter, HTML preview, JSON tree) is held
 * where it is plus 2 %, so that a grammar set or a parser does not grow unnoticed.
 */
const budgets = {
  // 15.2 before the connections gateway; its facade on `client.connections` (tool registry, listeners, stats), the
  // store's entity and invocation slices and the resumable session's rebuild rules add about 1.9 kB. 17.2 before the
  // browser benchmark's work: the one-pass `text-delta` check (about 0.4 kB, 2.5x cheaper per delta), the chunked
  // event log (0.3), batched frames (0.2) and frame tasks bring it to 18.3. What devtools read from a client
  // (`observe`, the connection-state history, `getOutbox`) adds 0.2; the devtools themselves are their own entry.
  // Durability, on by default, adds 4.9 kB (18.6 -> 23.5): the durable outbox with its restore and its talk with other
  // tabs (about 1.7 kB), scoped and versioned storage with idb-keyval (1.2; loaded with the client so that a reload
  // without a network can read it), the store's cached-view reading and outbox-in-view (0.9), and the deferred socket
  // and the choice to share it (0.6). The tab-sharing engine (2.8) and the snapshot writer (1.1) load on first use.
  core: 23.7,
  // 38.1 + the core's 4.8 + the draft and cached-view hooks: 43.2.
  react: 43.4,
  // 63.0 + the tab-sharing engine and the snapshot writer, loaded on first use: 65.4.
  reactOnFirstUse: 65.6,
  // The gateway and the schema support of the kind of `parameters` used, loaded with the first browser-side tool or
  // entity listener: an app that uses neither never loads them.
  connections: 14.4,
  // What the inspector adds to an app that uses the React entry: 10.5 kB plus 2 %. The entries above do not grow with it.
  devtoolsOverReact: 10.7,
};

/** Chunks that load only when the app registers a browser-side tool or listens to entities. */
const isConnectionsChunk = (name) => /^(gateway|prepare-)/.test(name);

/** Every chunk esbuild writes for `input` (an entry point or stdin), minified, peers left out, by file name. */
const buildChunks = (input) => {
  const { outputFiles } = buildSync({
    ...input,
    bundle: true,
    splitting: true,
    outdir: 'size-out',
    minify: true,
    format: 'esm',
    external: peers,
    write: false,
    logLevel: 'silent',
  });
  return new Map(outputFiles.map((file) => [file.path.split('/').at(-1), file.text]));
};

/** The chunk `start` and every chunk it imports statically: what loads with it, not what it reaches by import(). */
const staticClosure = (byName, start) => {
  const names = new Set([start]);
  for (const name of names) {
    for (const match of byName.get(name).matchAll(/(?:from|import)\s*"\.\/([^"]+)"/g)) names.add(match[1]);
  }
  return names;
};

// Split like an app's bundler would: what loads with the entry, and what loads only when first needed (the
// markdown parser and the virtualizer when the first message list or text mounts, highlighting on the first
// complete code block, the HTML preview and the JSON tree with the first such artifact).
const bundle = (entry) => {
  const byName = buildChunks({ entryPoints: [entry] });
  const eager = staticClosure(byName, entry.split('/').at(-1));
  // Lazy chunks by the name Vite gave them (without hashes); esbuild's own shared chunks are `chunk`.
  const chunkName = (name) => name.replace(/(-[A-Za-z0-9_]{8})+\.js$/, '');
  const lazyChunks = [...byName].filter(([name]) => !eager.has(name)).map(([name, text]) => [chunkName(name), text]);
  const joined = (chunks) => chunks.map(([, text]) => text).join('');
  return {
    main: joined([...byName].filter(([name]) => eager.has(name))),
    lazy: joined(lazyChunks.filter(([name]) => !isConnectionsChunk(name))),
    lazyChunks: lazyChunks.filter(([name]) => !isConnectionsChunk(name)),
    connections: lazyChunks.filter(([name]) => isConnectionsChunk(name)),
  };
};

const overBudget = [];
const report = (name, code, budget) => {
  const gzipped = gzipSync(code).length;
  const verdict = budget === undefined ? '' : gzipped / 1024 > budget ? `  OVER budget ${budget.toFixed(1)} kB` : `  (budget ${budget.toFixed(1)} kB)`;
  console.log(`size ${name}: ${kb(code.length)} minified, ${kb(gzipped)} gzipped${verdict}`);
  if (budget !== undefined && gzipped / 1024 > budget) overBudget.push(`${name}: ${kb(gzipped)} gzipped, budget ${budget.toFixed(1)} kB`);
};

let connectionsReported = false;
for (const [name, entry, budget, lazyBudget] of [
  ['@platosdev/client (protocol, client, store)', 'dist/index.js', budgets.core, undefined],
  ['@platosdev/client/react (hooks, components, and everything above)', 'dist/react.js', budgets.react, budgets.reactOnFirstUse],
]) {
  const { main, lazy, lazyChunks, connections } = bundle(entry);
  report(name, main, budget);
  if (lazy.length > 0) {
    report(`${name}, loaded on first use`, lazy, lazyBudget);
    const parts = lazyChunks.map(([chunk, text]) => `${chunk} ${kb(text.length)} / ${kb(gzipSync(text).length)}`);
    console.log(`  on first use, minified / gzipped each: ${parts.join(', ')}`);
  }
  if (connectionsReported || connections.length === 0) continue;
  connectionsReported = true;
  report('connections gateway, loaded with the first browser-side tool or entity listener', connections.map(([, text]) => text).join(''), budgets.connections);
  console.log(`  minified / gzipped each: ${connections.map(([chunk, text]) => `${chunk} ${kb(text.length)} / ${kb(gzipSync(text).length)}`).join(', ')}`);
}
/** The chunks an app that uses the React entry adds when it imports the inspector: those the React entry does not load. */
const addedByDevtools = () => {
  const byName = buildChunks({
    // Everything the React entry exports is kept, as when it is measured on its own above.
    stdin: { contents: 'export * from "./dist/react.js"; export const devtools = () => import("./dist/devtools.js");', resolveDir: process.cwd(), sourcefile: 'app.js' },
  });
  const chunkNamed = (prefix) => [...byName.keys()].find((name) => name.startsWith(prefix));
  const app = staticClosure(byName, chunkNamed('stdin'));
  return [...staticClosure(byName, chunkNamed('devtools'))].filter((name) => !app.has(name)).map((name) => byName.get(name)).join('');
};
report('@platosdev/client/devtools (the inspector, with everything it imports)', bundle('dist/devtools.js').main);
report('@platosdev/client/devtools, added to an app that uses @platosdev/client/react', addedByDevtools(), budgets.devtoolsOverReact);
report('@platosdev/client/styles.css', transformSync(readFileSync('dist/platos.css', 'utf8'), { loader: 'css', minify: true }).code);

if (overBudget.length > 0) {
  console.error(`\nOver the size budget (scripts/size.mjs):\n  ${overBudget.join('\n  ')}`);
  process.exit(1);
}
