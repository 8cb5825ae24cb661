import { defineConfig } from 'vitest/config';

// Two suites: the tool's own tests (fixtures and examples/musterverbund) and the tests of
// this Verbund's data (test/osterholz/: governance/ and its fidelity to the Leitlinie).
// An adopter replaces governance/ and deletes test/osterholz/ (or names its own suite in
// DATA_SUITES); the tool suite stays green.
/** Folders of data tests: one per Verbund whose data lives in governance/. */
const DATA_SUITES = ['test/osterholz'];

export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    passWithNoTests: true,
    projects: [
      {
        extends: true,
        test: { name: 'werkzeug', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: DATA_SUITES.map((dir) => `${dir}/**`) },
      },
      { extends: true, test: { name: 'daten', include: DATA_SUITES.map((dir) => `${dir}/**/*.test.ts`) } },
    ],
  },
});
