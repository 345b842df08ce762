/**
 * Poe (poe.com). Closed source, and no saved markup of the live site was available. CSS-module
 * class names with hashed suffixes, so selectors match the stable prefix. Evidence, public code
 * written against poe.com (read 2026-12; none of it dated later than March 2026):
 * - current names (Message_leftSide/rightSideMessageBubble, Message_messageTextContainer >
 *   Message_selectableText > Markdown_markdownContainer > Prose_prose, a time in
 *   Message_messageMetadataContainer inside the user bubble): a WebClipper collector and its
 *   tests, the "PCE" capture extension's poe.content.ts, a multi-site exporter templateCatalog,
 *   and the CopyTeX exporter ("Poe DOM (observed Mar 2026)");
 * - MarkdownCodeBlock_codeHeader (language name, copy button) dropped by a Poe exporter;
 * - older names (Message_human/botMessageBubble, ChatStopMessageButton_stopButton) in 2023-24
 *   selenium/puppeteer scripts; kept as fallbacks. The stop button's current name is unconfirmed.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'poe', name: 'Poe', hosts: ['poe.com'] };

export const adapter: AdapterSpec = {
  site,
  conversationPath: /^\/chat\/[\w-]+/,
  selectors: {
    userTurn: {
      css: ['[class*="Message_rightSideMessageBubble"]', '[class*="Message_humanMessageBubble"]'],
      fixture: 2,
    },
    userText: { css: ['[class*="Message_messageTextContainer"]'], fixture: 2 },
    assistantTurn: {
      css: ['[class*="Message_leftSideMessageBubble"]', '[class*="Message_botMessageBubble"]'],
      fixture: 2,
    },
    answerBody: {
      css: ['[class*="Markdown_markdownContainer"]', '[class*="Message_messageTextContainer"]'],
      fixture: 2,
    },
    stopButton: {
      css: ['button[class*="ChatStopMessageButton"]', 'button[aria-label="Stop message"]'],
      fixture: 0,
    },
  },
  skip: ['[class*="MarkdownCodeBlock_codeHeader"]', '[class*="Message_messageMetadataContainer"]'],
};
