import { faultScheduleArbitrary } from '../support/simulation/arbitraries.js';
import { describeSendGuaranteesUnder } from '../support/simulation/send-guarantees.js';

describeSendGuaranteesUnder({
  testFile: 'test/reliability/sends-over-half-open.test.ts',
  title: 'messages and approvals sent while the connection is half-open (the liveness ping has not noticed yet)',
  faults: faultScheduleArbitrary(['half-open', 'drop'], 3),
});
