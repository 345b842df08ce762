/**
 * `crosscheck score` never destroys what the user had: not the input, not an earlier output,
 * whatever the arguments and however the run ends. Each case runs the built CLI as a real
 * process on real files and checks the bytes left on disk.
 */
import {
  chmodSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { crosscheck, exited, startCrosscheck, type Run } from './cli-run.ts';

const root = mkdtempSync(join(tmpdir(), 'crosscheck-safety-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let cases = 0;
/** A fresh folder per case, so leftovers of one case cannot hide in another. */
const freshDir = () => {
  const dir = join(root, `case-${++cases}`);
  mkdirSync(dir);
  return dir;
};

const RECORD = JSON.stringify({
  id: 'eiffel',
  answer: 'The Eiffel Tower is in Paris. It was completed in 1887.',
  samples: [
    'The Eiffel Tower is in Paris. It was completed in 1889.',
    'The Eiffel Tower stands in Paris and was completed in 1889.',
  ],
});
const OLD_OUTPUT = '{"id":"earlier run","scores":[0.5]}\n';

/** Many distinct records (no embedding cache hits), so a run lasts long enough to interrupt. */
function longInput(records: number): string {
  const lines: string[] = [];
  for (let i = 0; i < records; i++) {
    lines.push(
      JSON.stringify({
        id: i,
        answer: `The tower is in Paris. It was completed in ${1000 + i}. It is ${300 + i} metres tall.`,
        samples: [
          'The tower is in Paris. It was completed in 1889. It is 300 metres tall.',
          `Completed in ${1889 + i}, the tower in Paris is 330 metres tall.`,
        ],
      }),
    );
  }
  return lines.join('\n') + '\n';
}

/** One line on stderr naming the problem: no stack trace, no usage dump. */
function expectOneLineFailure(run: Run, code: number, message: RegExp): void {
  expect(run.code).toBe(code);
  const lines = run.stderr.trim().split('\n');
  expect(lines[0]).toMatch(message);
  expect(lines).toHaveLength(1);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('crosscheck score keeps the input safe', () => {
  it('refuses --out that is the input file, under the same name or another', async () => {
    const dir = freshDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, RECORD + '\n');
    linkSync(input, join(dir, 'hard-link.jsonl'));
    symlinkSync(input, join(dir, 'sym-link.jsonl'));

    for (const out of [input, join(dir, 'hard-link.jsonl'), join(dir, 'sym-link.jsonl')]) {
      const run = await crosscheck('score', input, '--out', out);
      expectOneLineFailure(run, 1, /is the input file .*Choose another output file/);
      expect(readFileSync(input, 'utf8')).toBe(RECORD + '\n');
    }
    expect(readdirSync(dir).sort()).toEqual(['hard-link.jsonl', 'in.jsonl', 'sym-link.jsonl']);
  });

  it('refuses an input that is a folder, leaving an existing --out as it was', async () => {
    const dir = freshDir();
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, OLD_OUTPUT);
    const run = await crosscheck('score', dir, '--out', out);
    expectOneLineFailure(run, 1, /is a folder, not a file/);
    expect(readFileSync(out, 'utf8')).toBe(OLD_OUTPUT);
  });

  it('says no records and exits 1 on an empty input, leaving an existing --out as it was', async () => {
    const dir = freshDir();
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, OLD_OUTPUT);
    for (const content of ['', '\n  \n\n']) {
      const input = join(dir, 'empty.jsonl');
      writeFileSync(input, content);
      const run = await crosscheck('score', input, '--out', out);
      expectOneLineFailure(run, 1, /empty\.jsonl holds no records .*out\.jsonl was left unchanged/);
      expect(readFileSync(out, 'utf8')).toBe(OLD_OUTPUT);
      const toStdout = await crosscheck('score', input);
      expectOneLineFailure(toStdout, 1, /holds no records/);
      expect(toStdout.stdout).toBe('');
    }
    expect(readdirSync(dir).sort()).toEqual(['empty.jsonl', 'out.jsonl']);
  });

  it('keeps an existing --out when no record could be scored', async () => {
    const dir = freshDir();
    const input = join(dir, 'bad.jsonl');
    writeFileSync(input, 'not json\n{"answer": 3}\n');
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, OLD_OUTPUT);
    const run = await crosscheck('score', input, '--out', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/bad\.jsonl:1: invalid JSON/);
    expect(run.stderr).toMatch(/none of the 2 record\(s\) could be scored; .*was left unchanged/);
    expect(readFileSync(out, 'utf8')).toBe(OLD_OUTPUT);
  });
});

describe('crosscheck score checks --out before any work', () => {
  it('fails in one line for a missing folder, a folder, or a path through a file', async () => {
    const dir = freshDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, RECORD + '\n');
    const missing = await crosscheck('score', input, '--out', join(dir, 'no/such/out.jsonl'));
    expectOneLineFailure(missing, 1, /the folder .*no\/such does not exist/);
    const folder = await crosscheck('score', input, '--out', dir);
    expectOneLineFailure(folder, 1, /--out .* is a folder; give a file name inside it/);
    const throughFile = await crosscheck('score', input, '--out', join(input, 'out.jsonl'));
    expectOneLineFailure(throughFile, 1, /in\.jsonl is not a folder/);
    expect(readdirSync(dir)).toEqual(['in.jsonl']);
  });

  it.each(['1e3', '0x2', '2.0', '-1', '0', ' 2', '+2', ''])(
    'refuses --samples %j before reading anything',
    async (value) => {
      // The = form, so "-1" is a value rather than an option.
      const run = await crosscheck('score', 'no-such-input.jsonl', `--samples=${value}`);
      expectOneLineFailure(run, 2, /--samples must be a positive whole number \(digits only\)/);
    },
  );
});

describe('crosscheck score replaces --out only when the run is done', () => {
  it('replaces an earlier output whole, keeping its permissions, and leaves no temporary file', async () => {
    const dir = freshDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${RECORD}\n${RECORD.replace('eiffel', 'again')}\n`);
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, OLD_OUTPUT);
    chmodSync(out, 0o640);
    const run = await crosscheck('score', input, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const written = readFileSync(out, 'utf8').trim().split('\n');
    expect(written.map((l) => (JSON.parse(l) as { id: string }).id)).toEqual(['eiffel', 'again']);
    expect(statSync(out).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl']);
  });

  it('replaces the file a symlinked --out points at, keeping the link', async () => {
    const dir = freshDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, RECORD + '\n');
    mkdirSync(join(dir, 'results'));
    const target = join(dir, 'results', 'latest.jsonl');
    writeFileSync(target, OLD_OUTPUT);
    const link = join(dir, 'out.jsonl');
    symlinkSync(target, link);
    const run = await crosscheck('score', input, '--out', link);
    expect(run.code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, 'utf8')).toMatch(/^\{"id":"eiffel","scores":/);
    expect(readdirSync(join(dir, 'results'))).toEqual(['latest.jsonl']);
  });

  it('writes straight to a device such as /dev/null, which has nothing to replace', async () => {
    const dir = freshDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, RECORD + '\n');
    const run = await crosscheck('score', input, '--out', '/dev/null');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  /** Starts a long run and waits until it has written to its temporary file. */
  async function midWrite(dir: string): Promise<ReturnType<typeof startCrosscheck>> {
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, longInput(3000));
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, OLD_OUTPUT);
    const child = startCrosscheck('score', input, '--out', out);
    const done = exited(child);
    let finished = false;
    void done.then(() => (finished = true));
    // No fixed delay: poll until the first records are on disk, however slow the machine.
    for (;;) {
      const temp = readdirSync(dir).find((name) => name.endsWith('.tmp'));
      if (temp && statSync(join(dir, temp)).size > 0) break;
      if (finished) throw new Error('the run ended before writing anything');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    return child;
  }

  it('leaves the earlier output intact when killed mid-write (SIGKILL)', async () => {
    const dir = freshDir();
    const child = await midWrite(dir);
    child.kill('SIGKILL');
    expect(await exited(child)).toBe('SIGKILL');
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(OLD_OUTPUT);
    // Only a temporary file, clearly named, may be left beside it.
    const others = readdirSync(dir).filter((n) => n !== 'in.jsonl' && n !== 'out.jsonl');
    expect(others).toHaveLength(1);
    expect(others[0]).toMatch(/^\.crosscheck-out\.jsonl\..*\.tmp$/);
  });

  it('leaves the earlier output intact and cleans up when stopped (SIGTERM, Ctrl-C)', async () => {
    for (const [signal, code] of [
      ['SIGTERM', 143],
      ['SIGINT', 130],
    ] as const) {
      const dir = freshDir();
      const child = await midWrite(dir);
      child.kill(signal);
      expect(await exited(child)).toBe(code);
      expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe(OLD_OUTPUT);
      expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl']);
    }
  });
});
