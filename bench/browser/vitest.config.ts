import { defineConfig } from 'vitest/config';

// The browser bench's pure parts (statistics, frame bucketing, the text check); `npm run test:bench`.
export default defineConfig({
  test: {
    name: 'bench',
    environment: 'node',
    root: import.meta.dirname,
    include: ['**/*.node.test.ts'],
    exclude: ['dist/**'],
  },
});
