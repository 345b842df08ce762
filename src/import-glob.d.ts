/**
 * Vite's `import.meta.glob`, which vite, vitest and vite's module runner (`runnerImport`) expand
 * at build time into static imports: how the site files and backend modules are found without a
 * list of them.
 */
import type { ImportGlobFunction } from 'vite/types/importGlob.d.ts';

declare global {
  interface ImportMeta {
    glob: ImportGlobFunction;
  }
}
