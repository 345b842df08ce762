/**
 * Mistral Le Chat (chat.mistral.ai). Messages carry `data-message-author-role` like ChatGPT's; the
 * answer text is the `data-message-part-type="answer"` part (reasoning sits in a collapsed region
 * before it). Code blocks have a sticky header (language, Copy) left out of the text.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'mistral', name: 'Le Chat', hosts: ['chat.mistral.ai'] };

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/chat\/[\w-]+/,
  selectors: {
    userTurn: { css: ['[data-message-author-role="user"]'], fixture: 2 },
    assistantTurn: { css: ['[data-message-author-role="assistant"]'], fixture: 2 },
    userText: { css: ['.select-text', '[dir="auto"]'], fixture: 2 },
    answerBody: {
      css: ['[data-message-part-type="answer"]', '[data-testid="text-message-part"]'],
      fixture: 2,
    },
    stopButton: {
      css: ['button[aria-label="Stop generation"]', '[data-testid="stop-button"]'],
      fixture: 0,
    },
    actionBar: {
      css: ['button[aria-label="Copy to clipboard"]', 'button[aria-label="Rewrite"]'],
      fixture: 2,
    },
  },
  skip: ['[data-testid="code-block"] .sticky', 'pre .sticky'],
};
