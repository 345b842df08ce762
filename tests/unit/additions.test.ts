/**
 * What an addition touches, and that nothing is left out (in the spirit of refined-github's
 * build/features.test.ts). The README's Layout section lists the same:
 * - a site is its file in src/shared/sites/ (`site` and `adapter`) and its fixture
 *   tests/fixtures/sites/<id>/conversation.html, which says how its stream ends; neither exists
 *   without the other (the demo page, which has no hosts, has no fixture);
 * - a wire format is its entry in src/shared/backend-kinds.ts, its module in
 *   src/sampling/backends/ (exporting `wireFormat`) and, when it speaks HTTP, its format in the
 *   test server (tests/helpers/llm-server.ts); none exists without the others;
 * - a kind of disagreement is core's SENTENCE_TYPES and its TYPE_STYLES entry, which the compiler
 *   already ties together (a missing style does not compile).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WIRE_FORMATS, createBackend, type WireFormat } from '../../src/sampling/backends/index.ts';
import { BACKEND_KIND_IDS, BACKEND_KINDS, isBackendKind } from '../../src/shared/backend-kinds.ts';
import type { AdapterSpec, SiteInfo } from '../../src/shared/site-spec.ts';
import { SITES } from '../../src/shared/sites.ts';
import { API_FORMATS, type LlmServer, startLlmServer } from '../helpers/llm-server.ts';
import { fixtureSites, streamExpectation } from '../helpers/site-fixtures.ts';
import { VADER, serverSettings } from './sampling-kit.ts';

const SITE_DIR = fileURLToPath(new URL('../../src/shared/sites', import.meta.url));
const siteFiles = readdirSync(SITE_DIR)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => name.slice(0, -'.ts'.length))
  .sort();
const siteModules = import.meta.glob<{ site?: SiteInfo; adapter?: AdapterSpec }>(
  '../../src/shared/sites/*.ts',
  { eager: true },
);

describe('a site is its file and its fixture', () => {
  it('names each site file after its id and exports its info and its adapter spec', () => {
    for (const [path, module] of Object.entries(siteModules)) {
      const id = path.replace(/^.*\/(.+)\.ts$/, '$1');
      expect(module.site?.id, path).toBe(id);
      expect(module.adapter?.site, `${path}: adapter.site is its site`).toBe(module.site);
    }
    expect(Object.keys(siteModules)).toHaveLength(siteFiles.length);
  });

  it('lists every site file, and nothing else, in SITES', () => {
    expect(SITES.map((s) => s.id).sort()).toEqual(siteFiles);
  });

  it('gives every site with hosts a fixture that says how its stream ends', () => {
    const withHosts = SITES.filter((s) => s.hosts.length > 0).map((s) => s.id);
    expect(withHosts.filter((id) => !streamExpectation(id))).toEqual([]);
  });

  it('has no fixture without a site', () => {
    const withHosts = new Set(SITES.filter((s) => s.hosts.length > 0).map((s) => s.id));
    expect(fixtureSites().filter((id) => !withHosts.has(id))).toEqual([]);
  });
});

describe('a wire format is its registry entry, its module and its test-server format', () => {
  const modules = Object.values(
    import.meta.glob<WireFormat | undefined>('../../src/sampling/backends/*.ts', {
      eager: true,
      import: 'wireFormat',
    }),
  ).filter((format) => format !== undefined);

  it('has exactly one module per kind, and no module of an unknown kind', () => {
    expect(modules.map((m) => m.kind).sort()).toEqual([...BACKEND_KIND_IDS].sort());
    for (const kind of WIRE_FORMATS.keys()) expect(isBackendKind(kind)).toBe(true);
  });

  it('offers every kind in the options page through at least one preset', () => {
    for (const kind of BACKEND_KIND_IDS)
      expect(BACKEND_KINDS[kind].presets.length).toBeGreaterThan(0);
  });

  it('gives every HTTP kind a format in the test server, and the server no other', () => {
    const http = BACKEND_KIND_IDS.filter((kind) => BACKEND_KINDS[kind].http);
    expect([...API_FORMATS].sort()).toEqual([...http].sort());
  });

  describe('against the test server', () => {
    let server: LlmServer;
    beforeAll(async () => {
      server = await startLlmServer();
    });
    afterAll(() => server?.stop());

    it.each(API_FORMATS.map((format) => [format]))(
      'the %s module and the server speak the same format',
      async (kind) => {
        const preset = BACKEND_KINDS[kind].presets[0]!;
        const backend = createBackend(serverSettings(server, preset.id));
        const before = server.calls(kind);
        const result = await backend.call({
          turns: VADER,
          count: 1,
          temperature: 1,
          maxTokens: 200,
          signal: new AbortController().signal,
        });
        expect(server.calls(kind)).toBe(before + 1);
        expect(result.texts).toHaveLength(1);
        expect(result.texts[0]).toMatch(/\w/);
      },
    );
  });
});
