/** mulberry32: a tiny 32-bit PRNG; the same seed always gives the same sequence in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The frame counts after which `random-drops` cuts a socket: `count` integers drawn from [minEvents, maxEvents]. */
export function drawDropPoints(random: () => number, fault: { count: number; minEvents: number; maxEvents: number }): number[] {
  const span = fault.maxEvents - fault.minEvents + 1;
  return Array.from({ length: fault.count }, () => fault.minEvents + Math.floor(random() * span));
}
