/**
 * Poe (poe.com). CSS-module class names with hashed suffixes, so selectors match the stable
 * prefix (`Message_botMessageBubble__…`). No saved markup of the live site was available; the
 * selectors are checked against the project's own fixture only.
 */
import { siteInfo } from '../../shared/sites.ts';
import { defineAdapter } from './define-adapter.ts';

export const poe = defineAdapter({
  site: siteInfo('poe'),
  conversationPath: /^\/chat\/[\w-]+/,
  selectors: {
    userTurn: {
      css: ['[class*="Message_humanMessageBubble"]', '[class*="Message_rightSideMessageBubble"]'],
      fixture: 2,
    },
    assistantTurn: {
      css: ['[class*="Message_botMessageBubble"]', '[class*="Message_leftSideMessageBubble"]'],
      fixture: 2,
    },
    answerBody: { css: ['[class*="Markdown_markdownContainer"]'], fixture: 2 },
    stopButton: {
      css: ['button[class*="StopButton"]', 'button[aria-label="Stop message"]'],
      fixture: 0,
    },
  },
});
