/**
 * HuggingChat (huggingface.co/chat). No saved markup of the live site was available; the selectors
 * follow the open-source app it runs, chat-ui (github.com/huggingface/chat-ui, commit c100c16,
 * src/lib/components/chat/ChatMessage.svelte): assistant turns carry `data-message-role`, user
 * turns `data-message-type` with the prompt in a <p>. An answer is one `.prose` div per text block,
 * side by side with reasoning and tool blocks in `[data-exclude-from-copy]` wrappers (the app's own
 * copy button leaves them out) that hold a `.prose` of their own — so the body is the div whose
 * children are the answer's `.prose` blocks, not the first `.prose`.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = {
  id: 'huggingchat',
  name: 'HuggingChat',
  hosts: ['huggingface.co'],
  pathPrefix: '/chat',
};

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/chat\/conversation\/[\w-]+/,
  selectors: {
    userTurn: { css: ['[data-message-type="user"]', '[data-message-role="user"]'], fixture: 2 },
    userText: { css: [':scope > div > div > p'], fixture: 2 },
    assistantTurn: {
      css: ['[data-message-role="assistant"]', '[data-message-type="assistant"]'],
      fixture: 2,
    },
    answerBody: {
      css: ['div:not([data-exclude-from-copy] *):has(> .prose)', '.prose'],
      fixture: 2,
    },
    stopButton: {
      css: ['button[aria-label="Stop generating"]', 'button[name="stop"]'],
      fixture: 0,
    },
  },
  skip: ['[data-exclude-from-copy]'],
};
