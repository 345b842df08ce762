/**
 * Crosscheck's own demo chat page (demo/page, served by `npm run demo` on 127.0.0.1). Not a real
 * site: it has no hosts and is chosen only by the `crosscheck-site=demo` parameter on loopback.
 * The page flips `data-streaming` on the answer turn when it finishes, like Claude's flag.
 */
import type { AdapterSpec, SiteInfo } from '../site-spec.ts';

export const site: SiteInfo = { id: 'demo', name: 'Demo chat', hosts: [] };

export const adapter: AdapterSpec = {
  site,
  // Never a health problem: the page starts empty until a question is picked.
  conversationPath: /(?!)/,
  selectors: {
    userTurn: { css: ['.turn[data-role="user"]'], fixture: 0 },
    assistantTurn: { css: ['.turn[data-role="assistant"]'], fixture: 0 },
    userText: { css: ['.text'], fixture: 0 },
    answerBody: { css: ['.answer-body'], fixture: 0 },
    actionBar: { css: ['.turn-actions'], fixture: 0 },
  },
  streamingFlag: {
    closest: '.turn[data-role="assistant"]',
    attribute: 'data-streaming',
    done: 'false',
  },
};
