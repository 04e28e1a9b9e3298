import { epochChangeWithStrays, faultScheduleArbitrary } from '../test-support/simulation/arbitraries';
import { describeGuaranteesUnder } from '../test-support/simulation/guarantees';

describeGuaranteesUnder({
  testFile: 'src/reliability/stale-epoch-frames.test.ts',
  title: 'after epoch changes whose old-epoch frames still arrive on the new connection, mixed with drops and duplicates',
  faults: faultScheduleArbitrary(['drop', 'duplicate', 'expire-window'], 5, [epochChangeWithStrays, epochChangeWithStrays]),
});
