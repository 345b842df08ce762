/**
 * The layout convention test (in the spirit of refined-github's build/features.test.ts): every
 * import in src/ follows src/layers.json — no folder imports one it does not list (nothing upward
 * into shared/ or core/, nothing from the popup into content/, nothing from content/ into
 * sampling/ where the keys are), banned packages stay out, and every listed exception is still
 * needed, and the README's Layout table says the same. ESLint enforces the table while editing;
 * this test also sees dynamic imports.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import layers from '../../src/layers.json';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Folder {
  job: string;
  imports: string[];
  packages: string[];
}
const FOLDERS: Record<string, Folder> = layers.folders;
/** Typed here: with no exception listed, the JSON's empty list would type as never[]. */
const EXCEPTIONS: readonly { from: string; to: string; why: string }[] = layers.exceptions;

function sourceFiles(dir = 'src'): string[] {
  return readdirSync(posix.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = posix.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Every module specifier: static imports and re-exports, side-effect imports, `import()`, and the
 * patterns of `import.meta.glob` (the site files and backend modules are found by one), which
 * ESLint's rule does not see.
 */
function specifiers(source: string): string[] {
  const found: string[] = [];
  const patterns = [
    /^\s*(?:import|export)\b[^;'"]*?\bfrom\s*(['"])([^'"]+)\1/gm,
    /^\s*import\s*(['"])([^'"]+)\1/gm,
    /\bimport\(\s*(['"])([^'"]+)\1\s*\)/g,
    /\bimport\.meta\.glob\s*(?:<[^>(]*>)?\(\s*\[?\s*(['"])!?([^'"]+)\1/g,
  ];
  for (const pattern of patterns) {
    for (const match of source.matchAll(pattern)) found.push(match[2] ?? '');
  }
  return found;
}

/** The folder of src/ a path lies in ('' for src/ itself), or null outside src/. */
function folderOf(path: string): string | null {
  if (!path.startsWith('src/')) return null;
  const rest = path.slice('src/'.length);
  return rest.includes('/') ? (rest.split('/')[0] ?? '') : '';
}

interface Violation {
  file: string;
  specifier: string;
  reason: string;
}

/** What is wrong with the imports of `file` (a path under src/), given its source text. */
function violations(
  file: string,
  source: string,
  exceptions: readonly { from: string; to: string }[] = EXCEPTIONS,
): Violation[] {
  const folder = folderOf(file) ?? '';
  const rules = FOLDERS[folder];
  if (!rules) return [{ file, specifier: '', reason: `src/${folder} is not in src/layers.json` }];
  const out: Violation[] = [];
  for (const specifier of specifiers(source)) {
    if (!specifier.startsWith('.')) {
      const banned = rules.packages.find((p) => specifier === p || specifier.startsWith(`${p}/`));
      if (banned) out.push({ file, specifier, reason: `src/${folder} may not use ${banned}` });
      continue;
    }
    const target = posix.normalize(posix.join(posix.dirname(file), specifier.split('?')[0] ?? ''));
    const to = folderOf(target);
    if (to === folder) continue;
    if (to === null || to === '') {
      out.push({ file, specifier, reason: `src/${folder} may not import ${target}` });
      continue;
    }
    if (rules.imports.includes(to)) continue;
    const excepted = exceptions.some((e) => `src/${e.from}` === file && `src/${e.to}` === target);
    if (!excepted) out.push({ file, specifier, reason: `src/${folder} may not import src/${to}` });
  }
  return out;
}

const files = sourceFiles();
const sources = new Map(files.map((file) => [file, readFileSync(posix.join(ROOT, file), 'utf8')]));

describe('src/layers.json', () => {
  it('places every folder of src/ and lists only folders that exist', () => {
    const present = readdirSync(posix.join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(present.sort()).toEqual(Object.keys(FOLDERS).sort());
  });

  it('allows only imports of folders it knows', () => {
    for (const [folder, rules] of Object.entries(FOLDERS)) {
      for (const to of rules.imports) {
        expect(FOLDERS[to], `${folder} imports ${to}`).toBeDefined();
        expect(to).not.toBe(folder);
      }
    }
  });
  it('is the Layout table in README.md', () => {
    const readme = readFileSync(posix.join(ROOT, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `src\/([\w-]+)\/`\s*\|[^|]*\|([^|]*)\|$/gm)];
    const table = Object.fromEntries(
      rows.map((row) => [
        row[1] ?? '',
        [...(row[2] ?? '').matchAll(/`([\w-]+)\/`/g)].map((m) => m[1]),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(FOLDERS).map(([folder, rules]) => [folder, rules.imports]),
    );
    expect(table).toEqual(expected);
  });
});

describe('imports in src/', () => {
  it('follow src/layers.json', () => {
    const found = files.flatMap((file) => violations(file, sources.get(file) ?? ''));
    expect(found).toEqual([]);
  });

  it('still need every exception listed', () => {
    for (const exception of EXCEPTIONS) {
      const file = `src/${exception.from}`;
      const used = violations(file, sources.get(file) ?? '', []).some(
        (v) =>
          posix.normalize(posix.join(posix.dirname(file), v.specifier)) === `src/${exception.to}`,
      );
      expect(used, `exception ${exception.from} → ${exception.to} is no longer needed`).toBe(true);
    }
  });

  it('are all seen, including re-exports, side effects and dynamic imports', () => {
    const source = [
      "import { a } from '../content/sites/registry.ts';",
      'import {',
      '  b,',
      '  type C,',
      "} from '../sampling/presets.ts';",
      "export { d } from '../background/main.ts';",
      "import '../ui/theme.css';",
      "const e = await import('../embedding/node-embedder.ts');",
      "const g = import.meta.glob<{ id: string }>(['../popup/*.tsx', '!../popup/x.tsx']);",
      "import { render } from 'preact';",
      "import { f } from '../../scripts/build-flags.ts';",
      "// a comment saying from 'x' is not an import",
    ].join('\n');
    expect(specifiers(source)).toHaveLength(8);
    expect(violations('src/shared/example.ts', source).map((v) => v.reason)).toEqual([
      'src/shared may not import src/content',
      'src/shared may not import src/sampling',
      'src/shared may not import src/background',
      'src/shared may not use preact',
      'src/shared may not import scripts/build-flags.ts',
      'src/shared may not import src/ui',
      'src/shared may not import src/embedding',
      'src/shared may not import src/popup',
    ]);
  });
});
