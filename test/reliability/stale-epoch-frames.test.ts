import { epochChangeWithStrays, faultScheduleArbitrary } from '../support/simulation/arbitraries.js';
import { describeGuaranteesUnder } from '../support/simulation/guarantees.js';

describeGuaranteesUnder({
  testFile: 'test/reliability/stale-epoch-frames.test.ts',
  title: 'after epoch changes whose old-epoch frames still arrive on the new connection, mixed with drops and duplicates',
  faults: faultScheduleArbitrary(['drop', 'duplicate', 'expire-window'], 5, [epochChangeWithStrays, epochChangeWithStrays]),
});
