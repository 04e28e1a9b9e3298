import { faultScheduleArbitrary } from '../support/simulation/arbitraries.js';
import { describeSendGuaranteesUnder } from '../support/simulation/send-guarantees.js';

describeSendGuaranteesUnder({
  testFile: 'test/reliability/offline-sends.test.ts',
  title: 'messages and approvals sent without a connection, or whose acknowledgement a drop took',
  // Outages from 0 to 40 s: shorter and longer than the 10 s ack timeout and the 30 s replay window, inside the 60 s queue timeout.
  faults: faultScheduleArbitrary(['drop', 'expire-window'], 4),
});
