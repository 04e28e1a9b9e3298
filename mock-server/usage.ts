/** What `--help` prints. */
export const USAGE = `Usage: npx tsx mock-server/main.ts [options]

  --scenario FILE   play FILE for every message: scenario steps, or a recording
                    (a cassette, or an array of recorded events)
  --cassette FILE   play the cassette FILE (recorded with recordSession) for every message
  --speed N         divide every delay by N; 0 plays without delays (wins over PLATOS_MOCK_SPEED)
  --faults FILE     a fault schedule active from the start
  --seed N          seed of random-drops for schedules without one
  --help            print this and exit

Environment: PORT, PLATOS_MOCK_TOKENS, PLATOS_MOCK_ORIGINS, PLATOS_SCENARIO, PLATOS_MOCK_SPEED,
PLATOS_REPLAY_WINDOW_MS, PLATOS_MOCK_AUTH_DELAY_MS, PLATOS_MOCK_CLIENT_TOOL_TIMEOUT_MS,
PLATOS_MOCK_ENTITY_TICK_MS, PLATOS_MOCK_FAULTS, PLATOS_MOCK_SEED (see docs/mock-server.md).`;

/** A command line the server cannot make sense of: main prints the usage after it. */
export class UsageError extends Error {}
