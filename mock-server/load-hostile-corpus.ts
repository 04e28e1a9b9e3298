import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { readScenarioFile } from './read-scenario-file.js';
import { HOSTILE_NAME_PATTERN, type HostileCorpus, type ScenarioStep } from './scenarios/index.js';

/** Where `hostile NAME` finds `NAME.json`. */
export const HOSTILE_CORPUS_DIRECTORY = resolve(import.meta.dirname, 'scenarios/hostile');

/**
 * Reads and checks every `*.json` of the folder at once, so a broken corpus file stops the server at startup
 * instead of failing one test much later. A missing folder is an empty corpus.
 */
export async function loadHostileCorpus(directory: string = HOSTILE_CORPUS_DIRECTORY): Promise<HostileCorpus> {
  const fileNames = await jsonFileNames(directory);
  const entries = await Promise.all(
    fileNames.map(async (fileName): Promise<[string, ScenarioStep[]]> => {
      const path = join(directory, fileName);
      const name = fileName.slice(0, -'.json'.length);
      if (!HOSTILE_NAME_PATTERN.test(name)) throw new Error(`Invalid hostile scenario ${path}: the name must match ${String(HOSTILE_NAME_PATTERN)}`);
      return [name, await readScenarioFile(path, 'hostile scenario')];
    }),
  );
  return new Map(entries.sort(([a], [b]) => a.localeCompare(b)));
}

async function jsonFileNames(directory: string): Promise<string[]> {
  try {
    return (await readdir(directory)).filter((fileName) => fileName.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
