/**
 * Imported first by the CLI entry (cli.ts), before any schema is built: one-shot commands (export, preflight,
 * new) validate each file once, and zod's compiled fast path costs more to build than it saves on a single
 * parse (35 ms against 18 ms for a front page, cold). zod reads the setting when a schema is constructed, so it
 * must be set before the modules that define schemas load. The long-running server (`folio serve`) keeps it.
 */
import { z } from 'zod';

/** The CLI command this process runs (`folio <command> …`). */
const command = process.argv[2];
if (command !== 'serve') z.config({ jitless: true });
