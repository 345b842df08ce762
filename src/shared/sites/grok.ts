/**
 * Grok (grok.com). Every message is `[id^="response-"]`, aligned right for the user and left for
 * the model (`items-end` / `items-start`, layout classes that have been stable); answers also have
 * a Regenerate action, the fallback when the layout classes change.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'grok', name: 'Grok', hosts: ['grok.com'] };

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/(?:c|chat)\/[\w-]+/,
  selectors: {
    userTurn: {
      css: ['[id^="response-"].items-end', '[id^="response-"]:has(button[aria-label="Edit"])'],
      fixture: 2,
    },
    assistantTurn: {
      css: [
        '[id^="response-"].items-start',
        '[id^="response-"]:has(button[aria-label="Regenerate"])',
      ],
      fixture: 2,
    },
    userText: { css: ['.response-content-markdown', '.message-bubble'], fixture: 2 },
    answerBody: { css: ['.response-content-markdown', '.message-bubble'], fixture: 2 },
    stopButton: { css: ['button[aria-label="Stop model response"]'], fixture: 0 },
    actionBar: { css: ['button[aria-label="Regenerate"]'], fixture: 2 },
  },
};
