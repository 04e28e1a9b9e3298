import { createMockServer } from './create-mock-server.js';
import { optionsFromEnv } from './env-options.js';
import { USAGE, UsageError } from './usage.js';

const argv = process.argv.slice(2);
if (argv.includes('--help')) {
  console.log(USAGE);
  process.exit(0);
}
try {
  const server = await createMockServer(optionsFromEnv(process.env, argv));
  console.log(`listening on ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`mock server: ${(error as Error).message}`);
  if (error instanceof UsageError) console.error(`\n${USAGE}`);
  process.exit(1);
}
