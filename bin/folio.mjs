#!/usr/bin/env node
// The `folio` command. Runs src-main/cli.ts through tsx's loader, so the CLI needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runFromProcess } = await import('../src-main/cli.ts');
await runFromProcess();
