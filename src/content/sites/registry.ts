/**
 * Picks the site adapter for a page by hostname. The adapters are the specs of the site files in
 * src/shared/sites/ (their `adapter` export), found by name, so a new site needs no line here.
 * Tests serve fixtures from 127.0.0.1, where no hostname matches, so they force an adapter by id
 * (`adapterFor(url, 'claude')`, or the `crosscheck-site` URL parameter, honoured on loopback
 * hosts only).
 */
import { defineAdapter } from './define-adapter.ts';
import type { AdapterSpec, SiteAdapter } from './types.ts';
import { siteForUrl } from '../../shared/sites.ts';

export const ADAPTERS: readonly SiteAdapter[] = Object.values(
  import.meta.glob<AdapterSpec>('../../shared/sites/*.ts', { eager: true, import: 'adapter' }),
).map(defineAdapter);

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export function adapterById(id: string): SiteAdapter | null {
  return ADAPTERS.find((a) => a.id === id) ?? null;
}

/**
 * The adapter for `url`, or null on a page we do not support. `force` (an adapter id) wins; on a
 * loopback host the `crosscheck-site` query parameter does the same, so a fixture page can say
 * which site it imitates without any code change.
 */
export function adapterFor(url: URL, force?: string): SiteAdapter | null {
  if (force) return adapterById(force);
  if (LOOPBACK.has(url.hostname)) {
    const forced = url.searchParams.get('crosscheck-site');
    return forced ? adapterById(forced) : null;
  }
  const site = siteForUrl(url);
  return site ? adapterById(site.id) : null;
}
