import { defineConfig } from 'vitest/config';

// Two suites: the tool's own tests (src/, test/ with its fixtures and examples/musterverbund)
// and the tests of the data in governance/ (test/daten/<verbund>/, here test/daten/osterholz/:
// the Osterholz data and its fidelity to the Leitlinie). An adopter replaces governance/,
// deletes test/daten/osterholz/ and may add test/daten/<own>/; no tool file changes.
export default defineConfig({
  test: {
    globalSetup: ['test/global-setup.ts'],
    // npm test runs both suites; a Verbund without data tests yet still gets a green run.
    passWithNoTests: true,
    projects: [
      { extends: true, test: { name: 'werkzeug', include: ['src/**/*.test.ts', 'test/**/*.test.ts'], exclude: ['test/daten/**'] } },
      { extends: true, test: { name: 'daten', include: ['test/daten/**/*.test.ts'] } },
    ],
  },
});
