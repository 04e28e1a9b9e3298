import { readFile } from 'node:fs/promises';

/** A JSON file's parsed content; `what` names it in the error ("scenario file", "cassette"). */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read ${what} ${path}: ${(error as Error).message}`);
  }
}
