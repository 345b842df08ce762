/**
 * Microsoft Copilot (copilot.microsoft.com). Messages are marked with `data-content`
 * ("user-message" / "ai-message"); everything the site does not copy with the answer (the
 * "Copilot said" heading, the reactions bar) is marked `data-copy="false"`, which is exactly what
 * to leave out of the text.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = {
  id: 'copilot',
  name: 'Microsoft Copilot',
  hosts: ['copilot.microsoft.com'],
};

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/chats\/[\w-]+/,
  selectors: {
    userTurn: { css: ['[data-content="user-message"]'], fixture: 2 },
    assistantTurn: { css: ['[data-content="ai-message"]'], fixture: 2 },
    stopButton: {
      css: ['button[aria-label="Stop responding"]', '[data-testid="stop-button"]'],
      fixture: 0,
    },
    actionBar: { css: ['[data-testid="message-item-reactions"]'], fixture: 2 },
  },
  // The code block header (language label, Copy) is a row holding the copy button.
  skip: ['[data-copy="false"]', 'div:has(> button[title="Copy code"])'],
};
