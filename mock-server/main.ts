import { createMockServer } from './create-mock-server.js';
import { optionsFromEnv } from './env-options.js';

try {
  const server = await createMockServer(optionsFromEnv(process.env, process.argv.slice(2)));
  console.log(`listening on ${server.url}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`mock server: ${(error as Error).message}`);
  process.exit(1);
}
