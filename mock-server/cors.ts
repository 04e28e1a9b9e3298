const localOrigin = /^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/;

/** The demo, Storybook and tests run on some localhost port; any of them may call the mock server. */
export function isLocalOrigin(origin: string | undefined): boolean {
  return origin !== undefined && localOrigin.test(origin);
}
