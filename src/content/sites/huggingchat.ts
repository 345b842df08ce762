/**
 * HuggingChat (huggingface.co/chat). The chat-ui app marks messages with `data-message-role` and
 * renders markdown in `.prose`. No saved markup of the live site was available; the selectors
 * follow chat-ui's source and are checked against the project's own fixture only.
 */
import { siteInfo } from '../../shared/sites.ts';
import { defineAdapter } from './define-adapter.ts';

export const huggingchat = defineAdapter({
  site: siteInfo('huggingchat'),
  conversationPath: /^\/chat\/conversation\/[\w-]+/,
  selectors: {
    userTurn: { css: ['[data-message-role="user"]', '[data-message-type="user"]'], fixture: 2 },
    assistantTurn: {
      css: ['[data-message-role="assistant"]', '[data-message-type="assistant"]'],
      fixture: 2,
    },
    answerBody: { css: ['.prose'], fixture: 2 },
    stopButton: {
      css: ['button[aria-label="Stop generating"]', 'button[name="stop"]'],
      fixture: 0,
    },
  },
});
