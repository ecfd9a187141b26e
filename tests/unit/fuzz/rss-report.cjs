// Preloaded into fuzzed `folio` runs (NODE_OPTIONS=--require): writes the process's peak resident memory (KB) to
// FOLIO_FUZZ_RSS_FILE when it exits, however it exits short of a signal. VmHWM, the peak of this program's own
// memory: `process.resourceUsage().maxRSS` starts from the parent's size at the fork on Linux (a test runner's
// 900 MB), so it would measure the runner, not Folio.
'use strict';
process.on('exit', () => {
  try {
    const fs = require('node:fs');
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    fs.writeFileSync(process.env.FOLIO_FUZZ_RSS_FILE, hwm ? hwm[1] : String(process.resourceUsage().maxRSS));
  } catch {
    // Nowhere to report: the run then counts as unmeasured.
  }
});
