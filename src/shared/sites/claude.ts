/**
 * Claude (claude.ai). The site flips `data-is-streaming` on the wrapper of each answer, the best
 * done signal of all sites. The answer's class changed from `.font-claude-message` to
 * `.font-claude-response` in 2026. Tool use ("Created a file, read a file") shows as a status row
 * with a disclosure button and collapsed detail between markdown blocks; it is left out of the text.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'claude', name: 'Claude', hosts: ['claude.ai'] };

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/chat\/[\w-]+/,
  selectors: {
    userTurn: { css: ['[data-testid="user-message"]', '.font-user-message'], fixture: 2 },
    assistantTurn: {
      css: ['[data-testid="assistant-message"]', '.font-claude-response', '.font-claude-message'],
      fixture: 2,
    },
    stopButton: {
      css: ['button[aria-label="Stop response"]', '[data-testid="stop-button"]'],
      fixture: 0,
    },
    actionBar: { css: ['[data-testid="action-bar-copy"]'], fixture: 4 },
  },
  streamingFlag: { closest: '[data-is-streaming]', attribute: 'data-is-streaming', done: 'false' },
  actionBarScope: '[data-test-render-count]',
  // Tool-use rows, artifact cards, and a code block's language label and copy bar (siblings of
  // the <pre> inside the `group/copy` wrapper).
  skip: [
    'div:has(> button[aria-expanded])',
    '.artifact-block-cell',
    '[class*="group/copy"] > div:not(:has(pre))',
  ],
};
