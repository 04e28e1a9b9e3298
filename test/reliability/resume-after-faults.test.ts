import { faultScheduleArbitrary } from '../support/simulation/arbitraries.js';
import { describeGuaranteesUnder } from '../support/simulation/guarantees.js';

describeGuaranteesUnder({
  testFile: 'test/reliability/resume-after-faults.test.ts',
  title: 'after drops, duplicate frames, overlapping replays, expired windows, epoch changes and half-open connections',
  faults: faultScheduleArbitrary(['drop', 'duplicate', 'overlap-replay', 'expire-window', 'epoch-change', 'half-open'], 5),
});
