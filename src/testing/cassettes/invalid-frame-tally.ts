/** Counts the frames left out of a recording and keeps the reason of the first. */
export function createInvalidFrameTally() {
  let count = 0;
  let firstReason: string | undefined;
  return {
    add(label: string, reason: string) {
      count += 1;
      firstReason ??= `${label}: ${reason}`;
    },
    summary: (): { invalidFrames: number; firstInvalidReason?: string } =>
      firstReason === undefined ? { invalidFrames: count } : { invalidFrames: count, firstInvalidReason: firstReason },
  };
}
