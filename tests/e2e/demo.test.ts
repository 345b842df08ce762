/**
 * The one-command demo, headless, as CI can run it: `npm run demo -- --headless`. It must finish
 * on its own, print at least one underlined sentence and a consensus, save both screenshots, and
 * leave no browser or server behind.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const OUT = 'test-artifacts/demo-ci';

function runDemo(...extra: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', 'demo', '--', '--headless', `--out=${OUT}`, ...extra], {
      env: { ...process.env, NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`demo did not finish in time:\n${output}`));
    }, 170_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

describe('npm run demo (headless)', () => {
  it('prints findings with a flag and a consensus and saves the screenshots', async () => {
    rmSync(OUT, { recursive: true, force: true });
    const { code, output } = await runDemo();
    expect(code, output).toBe(0);
    // What the page underlines: likely ("[type]") or uncertain ("[type, uncertain]").
    const flags =
      output.match(/^\[(contradiction|number|entity|unsupported)(, uncertain)?\] /gm) ?? [];
    expect(flags.length, output).toBeGreaterThan(0);
    expect(output).toMatch(/^Consensus: (your answer|sample \d+) \(group of \d+ of \d+\)/m);
    for (const file of ['highlighted-answer.png', 'card.png']) {
      const path = join(OUT, file);
      expect(existsSync(path), path).toBe(true);
      expect(statSync(path).size).toBeGreaterThan(10_000);
    }
    // Its Chromium (profile folder crosscheck-demo-*) is gone: pgrep exits 1 when nothing matches.
    expect(spawnSync('pgrep', ['-f', 'crosscheck-demo-']).status).toBe(1);
  });

  it('underlines the answer naming a senator the samples do not, with the names they give', async () => {
    // The captured question reaches the analysis: "Jeff Flake" and the samples' senators stand in
    // sentences split differently, so only the question makes them rival answers.
    const { code, output } = await runDemo('--question=arizona-senator-mit');
    expect(code, output).toBe(0);
    expect(output).toMatch(/^\[entity(, uncertain)?\] His name was Jeff Flake/m);
    expect(output).toMatch(/\[Jeff Flake vs Kyrsten Sinema\]/);
    expect(output).toMatch(/\[Jeff Flake vs John McCain\]/);
  });
});
