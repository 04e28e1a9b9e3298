import { faultScheduleArbitrary } from '../test-support/simulation/arbitraries';
import { describeSendGuaranteesUnder } from '../test-support/simulation/send-guarantees';

describeSendGuaranteesUnder({
  testFile: 'src/reliability/sends-over-half-open.test.ts',
  title: 'messages and approvals sent while the connection is half-open (the liveness ping has not noticed yet)',
  faults: faultScheduleArbitrary(['half-open', 'drop'], 3),
});
