import type * as v from 'valibot';

/** The first problem of a failed parse as `path: message`, or null when it succeeded. */
export function issueText(result: v.SafeParseResult<v.GenericSchema>): string | null {
  if (result.success) return null;
  const issue = result.issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
