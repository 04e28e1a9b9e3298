import { faultScheduleArbitrary } from '../support/simulation/arbitraries.js';
import { describeGuaranteesUnder } from '../support/simulation/guarantees.js';

describeGuaranteesUnder({
  testFile: 'test/reliability/out-of-order-frames.test.ts',
  title: 'after skipped seqs, swapped frames and gapped replays, mixed with drops, duplicates and overlapping replays',
  faults: faultScheduleArbitrary(['skip', 'swap', 'gapped-replay', 'drop', 'duplicate', 'overlap-replay'], 6),
});
