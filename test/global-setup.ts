// Builds dist/ once before the CLI tests spawn bin/verbund.js in parallel.
import path from 'node:path';

export default function setup(): void {
  require(path.join(__dirname, '..', 'scripts', 'build.js')).buildIfStale();
}
