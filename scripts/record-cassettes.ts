import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { recordSessionPlan } from '../mock-server/cassettes/record-session-plan.js';
import { sessionPlans } from '../mock-server/cassettes/sessions/session-plans.js';
import type { Cassette } from '../src/protocol/cassette.js';

// Records the fixtures in mock-server/cassettes/ (npx tsx scripts/record-cassettes.ts). The mock server plays at
// speed 5 and the recording clock runs 5 times faster with it, so `at` follows the scenarios' own pace.
const RECORDING_SPEED = 5;
const MAX_BYTES = 300_000;
const directory = resolve(import.meta.dirname, '../mock-server/cassettes');

for (const plan of sessionPlans) {
  const started = performance.now();
  const cassette = await recordSessionPlan(plan, { speed: RECORDING_SPEED });
  const text = formatCassette(cassette);
  const bytes = Buffer.byteLength(text);
  if (bytes > MAX_BYTES) throw new Error(`${plan.name}: ${bytes} bytes, over the ${MAX_BYTES} a fixture may have`);
  await writeFile(resolve(directory, `${plan.name}.json`), text);
  const seconds = ((performance.now() - started) / 1_000).toFixed(1);
  const lastAt = cassette.frames.at(-1)?.at ?? 0;
  console.log(`${plan.name}.json: ${cassette.frames.length} frames, ${cassette.commands.length} commands, ${(bytes / 1_000).toFixed(0)} kB, ${(lastAt / 1_000).toFixed(1)} s of session recorded in ${seconds} s`);
}

/** One frame or command per line, so a fixture's diff reads event by event. */
function formatCassette(cassette: Cassette): string {
  const { frames, commands, ...header } = cassette;
  const list = (items: readonly unknown[]) => (items.length === 0 ? '[]' : `[\n${items.map((item) => `    ${JSON.stringify(item)}`).join(',\n')}\n  ]`);
  const headerLines = Object.entries(header).map(([key, value]) => `  ${JSON.stringify(key)}: ${JSON.stringify(value)},`);
  return `{\n${headerLines.join('\n')}\n  "commands": ${list(commands)},\n  "frames": ${list(frames)}\n}\n`;
}
