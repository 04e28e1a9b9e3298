import type * as v from 'valibot';

const longestMessage = 300;

/** The first validation issue as `path.to.field: message`, short enough to log. */
export function describeIssue(issues: readonly [v.BaseIssue<unknown>, ...v.BaseIssue<unknown>[]]): string {
  const issue = issues[0];
  const path = issue.path?.map((item) => String(item.key)).join('.');
  const message = issue.message.length > longestMessage ? `${issue.message.slice(0, longestMessage)}…` : issue.message;
  return path ? `${path}: ${message}` : message;
}
