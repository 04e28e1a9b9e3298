import { faultScheduleArbitrary } from '../test-support/simulation/arbitraries';
import { describeGuaranteesUnder } from '../test-support/simulation/guarantees';

describeGuaranteesUnder({
  testFile: 'src/reliability/resume-after-faults.test.ts',
  title: 'after drops, duplicate frames, overlapping replays, expired windows, epoch changes and half-open connections',
  faults: faultScheduleArbitrary(['drop', 'duplicate', 'overlap-replay', 'expire-window', 'epoch-change', 'half-open'], 5),
});
