/** Pretty JSON of a value; `undefined` and values JSON cannot hold are shown by name. */
export function formatJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

/** Re-indents JSON text when it parses; otherwise returns it as written. */
export function formatJsonText(text: string): string {
  if (text.trim() === '') return text;
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
