/**
 * Perplexity (www.perplexity.ai). Each answer's markdown is in `[id^="markdown-content-"]`;
 * queries are headings styled with the `group/query` class. Inline citations are source pills,
 * left out of the text.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = {
  id: 'perplexity',
  name: 'Perplexity',
  hosts: ['www.perplexity.ai', 'perplexity.ai'],
};

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/search\/[\w.-]+/,
  selectors: {
    userTurn: { css: ['[class*="group/query"]', 'h1[class*="query"]'], fixture: 2 },
    assistantTurn: { css: ['[id^="markdown-content-"]'], fixture: 2 },
    answerBody: { css: ['.prose'], fixture: 2 },
    stopButton: {
      css: ['button[aria-label="Stop"]', 'button[aria-label="Stop generating"]'],
      fixture: 0,
    },
  },
  skip: ['[data-pplx-citation]', '.citation'],
};
