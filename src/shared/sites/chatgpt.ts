/**
 * ChatGPT (chatgpt.com, chat.openai.com). Turns carry `data-message-author-role`; the rendered
 * markdown is `.markdown`. Turns moved from `<article>` to `<section data-turn>` in early 2026, so
 * both are fallbacks. The action bar (copy / good / bad response) sits beside the message inside
 * the turn container and appears once the answer is complete; the stop button replaces the send
 * button while streaming.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = {
  id: 'chatgpt',
  name: 'ChatGPT',
  hosts: ['chatgpt.com', 'chat.openai.com'],
};

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/(?:g\/[^/]+\/)?c\/[\w-]+/,
  selectors: {
    userTurn: {
      css: [
        '[data-message-author-role="user"]',
        'section[data-turn="user"]',
        'article[data-turn="user"]',
      ],
      fixture: 2,
    },
    assistantTurn: {
      css: [
        '[data-message-author-role="assistant"]',
        'section[data-turn="assistant"]',
        'article[data-turn="assistant"]',
      ],
      fixture: 2,
    },
    userText: { css: ['.whitespace-pre-wrap'], fixture: 2 },
    answerBody: { css: ['.markdown', '.prose'], fixture: 2 },
    stopButton: {
      css: ['[data-testid="stop-button"]', 'button[aria-label="Stop streaming"]'],
      fixture: 0,
    },
    actionBar: {
      css: [
        '[data-testid="copy-turn-action-button"]',
        '[role="group"][aria-label="Response actions"]',
      ],
      fixture: 2,
    },
  },
  actionBarScope: '[data-testid^="conversation-turn"], [data-turn]',
  // The code block header ("Python", Copy, Run) is sticky inside <pre>; citation pills are links
  // to sources, not part of what the answer says.
  skip: ['pre .sticky', '[data-testid="webpage-citation-pill"]'],
};
