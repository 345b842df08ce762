/**
 * DeepSeek (chat.deepseek.com). Class names are hashed except the design-system ones (`ds-*`):
 * every message is a `.ds-message`, and only answers contain `.ds-markdown` (the thinking trace
 * sits outside it). No streaming flag is known, so done-detection relies on text stability.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'deepseek', name: 'DeepSeek', hosts: ['chat.deepseek.com'] };

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/a\/chat\/s\/[\w-]+/,
  selectors: {
    userTurn: { css: ['.ds-message:not(:has(.ds-markdown))'], fixture: 2 },
    assistantTurn: { css: ['.ds-message:has(.ds-markdown)'], fixture: 2 },
    answerBody: { css: ['.ds-markdown'], fixture: 2 },
  },
  skip: ['.md-code-block-banner-wrap', '.ds-scroll-area__gutters'],
};
