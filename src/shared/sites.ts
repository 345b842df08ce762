/**
 * The chat sites Crosscheck runs on, as plain data and the one source of truth for them: the
 * site adapters take their id, name and hosts from here, the build writes the manifest's
 * content-script matches from here, and the popup names the current site from here. Adding a
 * site is one entry here plus its adapter (src/content/sites/<id>.ts) and fixture.
 */

export interface SiteInfo {
  /** Adapter id, also the key of the per-site switch in settings. */
  id: string;
  /** Name shown to the user. */
  name: string;
  /** Hostnames (exact; a leading "." also matches subdomains). */
  hosts: readonly string[];
  /** When the site is one part of a larger host: the path its pages live under. */
  pathPrefix?: string;
}

export const SITES: readonly SiteInfo[] = [
  { id: 'chatgpt', name: 'ChatGPT', hosts: ['chatgpt.com', 'chat.openai.com'] },
  { id: 'claude', name: 'Claude', hosts: ['claude.ai'] },
  { id: 'gemini', name: 'Gemini', hosts: ['gemini.google.com'] },
  { id: 'copilot', name: 'Microsoft Copilot', hosts: ['copilot.microsoft.com'] },
  { id: 'perplexity', name: 'Perplexity', hosts: ['www.perplexity.ai', 'perplexity.ai'] },
  { id: 'deepseek', name: 'DeepSeek', hosts: ['chat.deepseek.com'] },
  { id: 'grok', name: 'Grok', hosts: ['grok.com'] },
  { id: 'mistral', name: 'Le Chat', hosts: ['chat.mistral.ai'] },
  { id: 'huggingchat', name: 'HuggingChat', hosts: ['huggingface.co'], pathPrefix: '/chat' },
  { id: 'poe', name: 'Poe', hosts: ['poe.com'] },
  // Crosscheck's own demo page: no hosts, chosen only on loopback (see content/sites/registry.ts).
  { id: 'demo', name: 'Demo chat', hosts: [] },
];

/** The site with this id; throws for an unknown id, so a typo fails at load, not silently. */
export function siteInfo(id: string): SiteInfo {
  const site = SITES.find((s) => s.id === id);
  if (!site) throw new Error(`unknown site id "${id}"`);
  return site;
}

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
