/** `npm run build:cli`: writes dist/cli/crosscheck.js (see cli-bundle.ts). */
import { CLI_ENTRY, buildCli } from './cli-bundle.ts';

await buildCli();
console.log(`[build:cli] Wrote ${CLI_ENTRY}`);
