// Preloaded into a measured process: writes its peak resident memory (KiB) to the file
// named by VERBUND_BENCH_RSS when it exits.
'use strict';
process.on('exit', () => {
  require('node:fs').writeFileSync(process.env.VERBUND_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
