// Preloaded into fuzzed `folio` runs (NODE_OPTIONS=--require): writes the process's peak resident memory (KB) to
// FOLIO_FUZZ_RSS_FILE when it exits, however it exits short of a signal.
'use strict';
process.on('exit', () => {
  try {
    require('node:fs').writeFileSync(process.env.FOLIO_FUZZ_RSS_FILE, String(process.resourceUsage().maxRSS));
  } catch {
    // Nowhere to report: the run then counts as unmeasured.
  }
});
