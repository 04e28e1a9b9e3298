import { faultScheduleArbitrary } from '../test-support/simulation/arbitraries';
import { describeGuaranteesUnder } from '../test-support/simulation/guarantees';

describeGuaranteesUnder({
  testFile: 'src/reliability/out-of-order-frames.test.ts',
  title: 'after skipped seqs, swapped frames and gapped replays, mixed with drops, duplicates and overlapping replays',
  faults: faultScheduleArbitrary(['skip', 'swap', 'gapped-replay', 'drop', 'duplicate', 'overlap-replay'], 6),
});
