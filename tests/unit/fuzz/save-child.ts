/**
 * The victim of the kill -9 runs (issue 13): opens `front.folio` in the workspace given as argv[2] and saves it
 * over and over, each save with a new title (`<run> <generation>`), printing "saved <generation>" once a save has
 * resolved, until it is killed. Run as a bundle (see save-crash.ts).
 */
import path from 'node:path';
import { createServices } from '../../../src-main/services/services.js';

const [workspaceRoot, run, templatesDir] = process.argv.slice(2) as [string, string, string];
const services = createServices({ workspaceRoot, templatesDir, fontsDirs: [], clock: () => new Date(), recoveryDir: path.join(workspaceRoot, '..', 'recovery') });
const opened = await services.openDocument({ path: 'front.folio', readOnly: false });
if (!opened.ok) {
  process.stderr.write(`open failed: ${opened.error.message}\n`);
  process.exit(3);
}
process.stdout.write('ready\n');
for (let generation = 1; ; generation++) {
  const saved = await services.saveDocument({ handle: opened.value.handle, document: { ...opened.value.document, title: `${run} ${generation}` } });
  if (!saved.ok) {
    process.stderr.write(`save failed: ${saved.error.message}\n`);
    process.exit(4);
  }
  process.stdout.write(`saved ${generation}\n`);
}
