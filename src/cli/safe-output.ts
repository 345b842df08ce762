/**
 * Files for the CLI that never lose what the user had: inputs and the output are checked before
 * any slow work (the model load), and the output is written to a temporary file beside it and
 * renamed over the old one only when the run finished. A crash, Ctrl-C or `kill -9` leaves the
 * old output as it was (at worst a stray `.crosscheck-*.tmp` file beside it), never a partial file
 * under the real name.
 */
import { constants, type Stats } from 'node:fs';
import {
  type FileHandle,
  access,
  chmod,
  open,
  realpath,
  rename,
  stat,
  unlink,
} from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** A failure the user can fix; the CLI prints its message as one line. */
export class FileProblem extends Error {}

/** Stats of an input that can be read as a file (not a folder); throws a FileProblem if not. */
export async function checkInputFile(path: string): Promise<Stats> {
  let stats: Stats;
  try {
    stats = await stat(path);
  } catch (error) {
    throw new FileProblem(`Cannot read ${path}: ${codeOf(error)}`);
  }
  if (stats.isDirectory()) throw new FileProblem(`${path} is a folder, not a file`);
  try {
    await access(path, constants.R_OK);
  } catch (error) {
    throw new FileProblem(`Cannot read ${path}: ${codeOf(error)}`);
  }
  return stats;
}

/** Where the output goes, once checked. */
export interface OutputPlan {
  /** The file to write: `--out` with links resolved, so a link still points at the new file. */
  path: string;
  /** A device or pipe (/dev/stdout, a FIFO): written as a stream, as there is no file to keep. */
  stream: boolean;
}

/**
 * Checks that `path` can take a new output: not a folder, not one of the inputs (the same file
 * under any name: same device and inode), in a folder that exists and is writable.
 */
export async function checkOutputPath(
  path: string,
  inputs: readonly { path: string; stats: Stats }[],
): Promise<OutputPlan> {
  const existing = await stat(path).catch((error: unknown) => {
    // Missing, or a path through a file (ENOTDIR): the folder check below names the problem.
    if (codeOf(error) === 'ENOENT' || codeOf(error) === 'ENOTDIR') return null;
    throw new FileProblem(`Cannot write ${path}: ${codeOf(error)}`);
  });
  if (existing?.isDirectory()) {
    throw new FileProblem(`--out ${path} is a folder; give a file name inside it`);
  }
  if (existing) {
    const same = inputs.find((i) => i.stats.dev === existing.dev && i.stats.ino === existing.ino);
    if (same) {
      throw new FileProblem(
        `--out ${path} is the input file ${same.path}; writing it would destroy the input. Choose another output file`,
      );
    }
    if (!existing.isFile()) return { path, stream: true };
  }
  const target = existing ? await realpath(path) : path;
  const folder = dirname(target);
  const folderStats = await stat(folder).catch(() => null);
  if (!folderStats) {
    throw new FileProblem(`Cannot write ${path}: the folder ${folder} does not exist`);
  }
  if (!folderStats.isDirectory()) {
    throw new FileProblem(`Cannot write ${path}: ${folder} is not a folder`);
  }
  try {
    await access(folder, constants.W_OK | constants.X_OK);
  } catch {
    throw new FileProblem(`Cannot write ${path}: the folder ${folder} is not writable`);
  }
  return { path: target, stream: false };
}

/** An output being written: `commit` puts it in place, `discard` leaves the old file untouched. */
export interface OutputFile {
  /** The temporary file (beside the real one, so the rename never crosses devices); null for a stream. */
  readonly tempPath: string | null;
  write(text: string): Promise<void>;
  commit(): Promise<void>;
  discard(): Promise<void>;
}

export async function openOutput(plan: OutputPlan): Promise<OutputFile> {
  return plan.stream ? openStream(plan.path) : openAtomicOutput(plan.path);
}

/** A device or pipe: nothing to replace, so lines go straight to it. */
async function openStream(path: string): Promise<OutputFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'w');
  } catch (error) {
    throw new FileProblem(`Cannot write ${path}: ${codeOf(error)}`);
  }
  return {
    tempPath: null,
    async write(text) {
      await handle.write(text);
    },
    commit: () => handle.close(),
    discard: () => handle.close().catch(() => undefined),
  };
}

/** Opens a temporary file beside `path`; nothing under `path` changes until `commit`. */
async function openAtomicOutput(path: string): Promise<OutputFile> {
  const tempPath = join(
    dirname(path),
    `.crosscheck-${basename(path)}.${process.pid}.${Date.now().toString(36)}.tmp`,
  );
  let handle: FileHandle;
  try {
    handle = await open(tempPath, 'wx');
  } catch (error) {
    throw new FileProblem(`Cannot write ${path}: ${codeOf(error)}`);
  }
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    await handle.close();
  };
  return {
    tempPath,
    async write(text) {
      await handle.write(text);
    },
    async commit() {
      // Flushed before the rename, so a power cut cannot leave a renamed but empty file.
      await handle.sync();
      await close();
      // The new file keeps the old one's permissions rather than the umask default.
      const old = await stat(path).catch(() => null);
      if (old) await chmod(tempPath, old.mode & 0o7777).catch(() => undefined);
      await rename(tempPath, path);
    },
    async discard() {
      await close().catch(() => undefined);
      await unlink(tempPath).catch(() => undefined);
    },
  };
}

/** The errno code (ENOENT, EACCES…) of a file-system error, else its message. */
export function codeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}
