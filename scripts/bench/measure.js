// What every benchmark script shares: German numbers, the median, and a timed run of the CLI.
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'verbund.js');

/** German number: 1.234,5 */
function de(value, digits = 0) {
  const [int, frac] = Math.abs(value).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${value < 0 ? '−' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** `verbund ARGS` once: wall time in ms and its output; a failed run throws with its message. */
function timedVerbund(args) {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`verbund ${args.join(' ')} endete mit ${run.status}:\n${(run.stderr || run.stdout).slice(0, 3000)}`);
  return { ms: Number(process.hrtime.bigint() - started) / 1e6, stdout: run.stdout };
}

module.exports = { BIN, de, median, timedVerbund };
