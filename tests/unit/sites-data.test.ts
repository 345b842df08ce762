/**
 * The chat sites (src/shared/sites.ts, one file each in src/shared/sites/) and what is derived from them: every site has an
 * adapter and every adapter a site, the manifest's content-script matches cover exactly the sites'
 * hosts, URLs pick the right site, and the stream watcher watches each adapter's own signals.
 */
import { describe, expect, it } from 'vitest';
import { ADAPTERS, adapterFor } from '../../src/content/sites/registry.ts';
import { watchedAttributes } from '../../src/content/stream-watch.ts';
import { SITES, contentScriptMatches, siteForUrl } from '../../src/shared/sites.ts';

describe('the list of sites', () => {
  it('has one adapter per site, with the same id and name', () => {
    expect(ADAPTERS.map((a) => [a.id, a.name]).sort()).toEqual(
      SITES.map((s) => [s.id, s.name]).sort(),
    );
  });

  it('gives the manifest one https match per host, under the path of a shared host', () => {
    const matches = contentScriptMatches();
    expect(matches).toContain('https://chatgpt.com/*');
    expect(matches).toContain('https://huggingface.co/chat/*');
    expect(matches).toHaveLength(SITES.reduce((n, s) => n + s.hosts.length, 0));
    for (const m of matches) expect(m).toMatch(/^https:\/\/[\w.*-]+(\/[\w-]+)*\/\*$/);
  });

  it('picks the site and adapter of a URL, and none off the chat pages of a shared host', () => {
    expect(siteForUrl(new URL('https://www.perplexity.ai/search/x'))?.id).toBe('perplexity');
    expect(adapterFor(new URL('https://chat.openai.com/c/1'))?.id).toBe('chatgpt');
    expect(adapterFor(new URL('https://huggingface.co/chat/conversation/1'))?.id).toBe(
      'huggingchat',
    );
    expect(adapterFor(new URL('https://huggingface.co/models'))).toBeNull();
    expect(adapterFor(new URL('https://example.com/'))).toBeNull();
  });
});

describe('watchedAttributes', () => {
  it("watches each adapter's own streaming flag and signal attributes", () => {
    const of = (id: string) => watchedAttributes(ADAPTERS.find((a) => a.id === id)!);
    expect(of('claude')).toContain('data-is-streaming');
    expect(of('gemini')).toContain('aria-busy');
    expect(of('demo')).toContain('data-streaming');
    expect(of('chatgpt')).toEqual(expect.arrayContaining(['aria-label', 'class', 'data-testid']));
    expect(of('deepseek')).toEqual(['class']);
  });
});
