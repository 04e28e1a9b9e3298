import { UsageError } from './usage.js';

/** The value after `flag` in `argv`, or undefined without the flag; a flag followed by nothing or by another flag is an error. */
export function flagValue(argv: readonly string[], flag: string, what = 'a value'): string | undefined {
  const index = argv.indexOf(flag);
  if (index < 0) return undefined;
  const value = argv[index + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs ${what}`);
  return value;
}
