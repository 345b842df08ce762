/**
 * The chat sites Crosscheck runs on: one file per site in ./sites/ (`<id>.ts`), found by name, so
 * adding a site is that file and its fixture (tests/fixtures/sites/<id>/) and nothing else. This
 * module reads only each file's `site` export (id, name, hosts), which is plain data: the popup
 * names sites from here and the build writes the manifest's content-script matches from here
 * without taking in any selector. The content script reads the same files' `adapter` exports
 * (src/content/sites/registry.ts).
 */
import type { SiteInfo } from './site-spec.ts';

export type { SiteInfo };

/** Every site, sorted by name (the order the popup lists them in). */
export const SITES: readonly SiteInfo[] = Object.values(
  import.meta.glob<SiteInfo>('./sites/*.ts', { eager: true, import: 'site' }),
).sort((a, b) => a.name.localeCompare(b.name, 'en'));

/** Whether `hostname` is one of the site's hosts. */
export function hostMatches(site: SiteInfo, hostname: string): boolean {
  return site.hosts.some((h) =>
    h.startsWith('.') ? hostname.endsWith(h) || hostname === h.slice(1) : hostname === h,
  );
}

/** The site serving `url`, or null (a host shared with other pages must also match the path). */
export function siteForUrl(url: URL): SiteInfo | null {
  return (
    SITES.find(
      (s) =>
        hostMatches(s, url.hostname) && (!s.pathPrefix || url.pathname.startsWith(s.pathPrefix)),
    ) ?? null
  );
}

/** Match patterns (https only) of every site's pages, for the manifest's content scripts. */
export function contentScriptMatches(): string[] {
  return SITES.flatMap((s) =>
    s.hosts.map((h) => {
      const host = h.startsWith('.') ? `*${h}` : h;
      return `https://${host}${s.pathPrefix ?? ''}/*`;
    }),
  );
}
