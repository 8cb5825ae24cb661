import { defineConfig } from 'vitest/config';

// Two suites: the tool's own tests (fixtures and examples/musterverbund) and the tests of
// this Verbund's data (test/osterholz/: governance/ and its fidelity to the Leitlinie).
// An adopter replaces governance/ and deletes test/osterholz/; the tool suite stays green.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: { name: 'werkzeug', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/osterholz/**'] },
      },
      { extends: true, test: { name: 'daten', include: ['test/osterholz/**/*.test.ts'] } },
    ],
  },
});
