/** Vitest global setup for the unit tests: builds dist/cli/crosscheck.js once, before any file runs. */
import { buildCli } from '../../scripts/cli-bundle.ts';

export default async function setup(): Promise<void> {
  await buildCli();
}
