const maxEntries = 10;
const maxChars = 80;
const controlCharacters = /[\u0000-\u001f\u007f]+/g;

/**
 * A browser tool's result as a few words for the answer text: `region Europe, budget 500, days 3` for an object,
 * the value itself otherwise. The result comes from the page, so every piece is flattened to one line and shortened.
 */
export function describeToolResult(result: unknown): string {
  if (typeof result !== 'object' || result === null || Array.isArray(result)) return shortText(result);
  const entries = Object.entries(result);
  if (entries.length === 0) return 'nothing set';
  const described = entries.slice(0, maxEntries).map(([key, value]) => `${shortText(key)} ${shortText(value)}`);
  if (entries.length > maxEntries) described.push(`and ${entries.length - maxEntries} more`);
  return described.join(', ');
}

function shortText(value: unknown): string {
  const text = (typeof value === 'string' ? value : jsonText(value)).replace(controlCharacters, ' ').replace(/\s+/g, ' ').trim();
  if (text === '') return '(empty)';
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
