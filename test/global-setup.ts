// Builds dist/ once before the CLI tests spawn bin/verbund.js in parallel.
import path from 'node:path';

export default function setup(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require(path.join(__dirname, '..', 'scripts', 'build.js')).buildIfStale();
}
