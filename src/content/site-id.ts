/** Provisional: the site id for a host, until the site adapter registry lands. */
export function siteIdForHost(host: string): string | null {
  if (host === '127.0.0.1') return 'fixture';
  return host;
}
