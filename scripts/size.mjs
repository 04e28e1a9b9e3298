import { execSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';

// Builds the library and reports each entry's size without peers, minified and gzipped.
execSync('npm run --silent build', { stdio: 'inherit' });
const files = [
  ['@platosdev/client', 'dist/index.js', 'js'],
  ['@platosdev/client/react', 'dist/react.js', 'js'],
  ['styles', 'dist/platos.css', 'css'],
];
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`;
for (const [name, path, loader] of files) {
  const source = readFileSync(path, 'utf8');
  const minified = transformSync(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined }).code;
  console.log(`size ${name}: ${kb(source.length)} raw, ${kb(minified.length)} minified, ${kb(gzipSync(minified).length)} gzipped`);
}
