/** Runs the built CLI (dist/cli/crosscheck.js, built by build-cli.setup.ts) as a real process. */
import { type ChildProcess, execFile, spawn } from 'node:child_process';

export const CLI = 'dist/cli/crosscheck.js';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function crosscheck(...args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: { ...process.env, NO_COLOR: '' }, maxBuffer: 16 << 20 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/** Starts the CLI without waiting, for tests that signal it mid-run. */
export function startCrosscheck(...args: string[]): ChildProcess {
  return spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Resolves with the exit code, or the signal that ended the process. */
export function exited(child: ChildProcess): Promise<number | NodeJS.Signals> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else if (child.signalCode !== null) resolve(child.signalCode);
    else child.once('exit', (code, signal) => resolve(signal ?? code ?? -1));
  });
}
