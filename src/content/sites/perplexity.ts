/**
 * Perplexity (www.perplexity.ai). Each answer's markdown is in `[id^="markdown-content-"]`;
 * queries are headings styled with the `group/query` class. Inline citations are source pills,
 * left out of the text.
 */
import { siteInfo } from '../../shared/sites.ts';
import { defineAdapter } from './define-adapter.ts';

export const perplexity = defineAdapter({
  site: siteInfo('perplexity'),
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
});
