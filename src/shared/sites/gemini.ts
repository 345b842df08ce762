/**
 * Gemini (gemini.google.com). Angular custom elements name the parts: `<user-query>`,
 * `<model-response>`, `<message-content>`. The markdown panel carries `aria-busy`, "false" once
 * the answer is complete; `<message-actions>` (thumbs, copy) appears then too.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'gemini', name: 'Gemini', hosts: ['gemini.google.com'] };

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/(?:u\/\d+\/)?(?:app|gem\/[^/]+)\/[\w-]+/,
  selectors: {
    userTurn: { css: ['user-query'], fixture: 2 },
    assistantTurn: { css: ['model-response'], fixture: 2 },
    userText: { css: ['.query-text', 'user-query-content'], fixture: 2 },
    answerBody: {
      css: ['message-content .markdown', 'message-content', '.model-response-text'],
      fixture: 2,
    },
    stopButton: {
      css: ['button[aria-label="Stop response"]', 'button.send-button.stop'],
      fixture: 0,
    },
    actionBar: { css: ['message-actions', 'thumb-up-button'], fixture: 2 },
  },
  // A code block's header (language, copy button) sits above its <pre>.
  skip: ['.code-block-decoration'],
  streamingFlag: { closest: '.markdown[aria-busy]', attribute: 'aria-busy', done: 'false' },
};
