import { faultScheduleArbitrary } from '../test-support/simulation/arbitraries';
import { describeSendGuaranteesUnder } from '../test-support/simulation/send-guarantees';

describeSendGuaranteesUnder({
  testFile: 'src/reliability/offline-sends.test.ts',
  title: 'messages and approvals sent without a connection, or whose acknowledgement a drop took',
  // Outages from 0 to 40 s: shorter and longer than the 10 s ack timeout and the 30 s replay window, inside the 60 s queue timeout.
  faults: faultScheduleArbitrary(['drop', 'expire-window'], 4),
});
