/**
 * Picks the backend module for the configured kind. Every module of this folder exports
 * `wireFormat` (its kind and its factory) and is found by file, so a new wire format needs no line
 * here: its kind's entry in shared/backend-kinds.ts and its module are what make it work, and
 * tests/unit/additions.test.ts fails when a kind has no module or a module no kind.
 */
import { type HttpDeps } from '../http.ts';
import type { Backend, BackendKind, BackendSettings } from '../types.ts';
import type { ChromeBuiltinDeps } from './chrome-builtin.ts';

export type BackendDeps = HttpDeps & ChromeBuiltinDeps;

/** What each module of this folder exports as `wireFormat`. */
export interface WireFormat {
  kind: BackendKind;
  create(settings: BackendSettings, deps: BackendDeps): Backend;
}

/** The folder's wire formats by kind (a module without `wireFormat` is a helper, not one). */
export const WIRE_FORMATS: ReadonlyMap<string, WireFormat> = new Map(
  Object.values(
    import.meta.glob<WireFormat | undefined>(['./*.ts', '!./index.ts'], {
      eager: true,
      import: 'wireFormat',
    }),
  )
    .filter((format) => format !== undefined)
    .map((format) => [format.kind, format]),
);

export function createBackend(settings: BackendSettings, deps: BackendDeps = {}): Backend {
  const format = WIRE_FORMATS.get(settings.kind);
  if (!format) {
    throw new Error(`Unknown backend kind "${String((settings as { kind: unknown }).kind)}".`);
  }
  return format.create(settings, deps);
}
