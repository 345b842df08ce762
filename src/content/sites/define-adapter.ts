/**
 * Builds a `SiteAdapter` from a site's declarative spec: the behaviour every site shares
 * (ordered selector fallbacks, turns in document order, streaming signals, the health check) lives
 * here once, so a site file is only its selectors.
 */
import { hostMatches } from '../../shared/sites.ts';
import type {
  AdapterSpec,
  DoneSignals,
  HealthReport,
  SelectorGroup,
  SiteAdapter,
  TurnElement,
} from './types.ts';

/** Elements matched by the first selector of the group that matches anything under `root`. */
export function queryGroup(root: ParentNode, group: SelectorGroup | undefined): Element[] {
  if (!group) return [];
  for (const css of group.css) {
    const found = root.querySelectorAll(css);
    if (found.length > 0) return outermost([...found]);
  }
  return [];
}

/** The first element of the group under `root`, in selector order then document order. */
export function queryGroupFirst(
  root: ParentNode,
  group: SelectorGroup | undefined,
): Element | null {
  if (!group) return null;
  for (const css of group.css) {
    const found = root.querySelector(css);
    if (found) return found;
  }
  return null;
}

/** Drops matches nested inside other matches, so each turn is counted once. */
function outermost(elements: Element[]): Element[] {
  const set = new Set(elements);
  return elements.filter((el) => {
    for (let p = el.parentElement; p; p = p.parentElement) if (set.has(p)) return false;
    return true;
  });
}

function inDocumentOrder(a: TurnElement, b: TurnElement): number {
  const pos = a.element.compareDocumentPosition(b.element);
  if (pos & Node.DOCUMENT_POSITION_FOLLOWING) return -1;
  if (pos & Node.DOCUMENT_POSITION_PRECEDING) return 1;
  return 0;
}

function describe(group: SelectorGroup): string {
  return group.css.map((c) => `\`${c}\``).join(', ');
}

export function defineAdapter(spec: AdapterSpec): SiteAdapter {
  const { selectors, site } = spec;
  const skip = (spec.skip ?? []).join(',');

  const turnsOf = (root: ParentNode): TurnElement[] => {
    const users = queryGroup(root, selectors.userTurn).map((element): TurnElement => ({
      role: 'user',
      element,
      body: queryGroupFirst(element, selectors.userText) ?? element,
    }));
    const answers = queryGroup(root, selectors.assistantTurn).map((element): TurnElement => ({
      role: 'assistant',
      element,
      body: queryGroupFirst(element, selectors.answerBody) ?? element,
    }));
    return [...users, ...answers].sort(inDocumentOrder);
  };

  return {
    id: site.id,
    name: site.name,
    spec,
    skip,
    matchesHost(hostname) {
      return hostMatches(site, hostname);
    },
    turns(root = document) {
      return turnsOf(root);
    },
    answerElements(root = document) {
      return queryGroup(root, selectors.assistantTurn);
    },
    latestAnswer(root = document) {
      const answers = queryGroup(root, selectors.assistantTurn);
      const element = answers[answers.length - 1];
      if (!element) return null;
      return {
        role: 'assistant',
        element,
        body: queryGroupFirst(element, selectors.answerBody) ?? element,
      };
    },
    doneSignals(answer): DoneSignals {
      const flag = spec.streamingFlag;
      let siteFlag: boolean | null = null;
      if (flag) {
        const carrier =
          answer.element.closest(flag.closest) ?? answer.element.querySelector(flag.closest);
        const value = carrier?.getAttribute(flag.attribute);
        if (value != null) siteFlag = value === flag.done;
      }
      const doc = answer.element.ownerDocument;
      const stopButtonGone = selectors.stopButton
        ? queryGroupFirst(doc, selectors.stopButton) === null
        : null;
      let actionBarShown: boolean | null = null;
      if (selectors.actionBar) {
        const scope = spec.actionBarScope
          ? answer.element.closest(spec.actionBarScope)
          : answer.element;
        actionBarShown = scope ? queryGroupFirst(scope, selectors.actionBar) !== null : false;
      }
      return { siteFlag, stopButtonGone, actionBarShown };
    },
    conversationId(url) {
      return url.pathname;
    },
    health(root = document, url?: URL): HealthReport {
      const problems: string[] = [];
      const counts: Record<string, number> = {};
      const users = queryGroup(root, selectors.userTurn);
      const answers = queryGroup(root, selectors.assistantTurn);
      counts.userTurn = users.length;
      counts.assistantTurn = answers.length;
      const onConversation = url ? spec.conversationPath.test(url.pathname) : true;
      if (users.length === 0 && answers.length === 0) {
        if (onConversation) {
          problems.push(
            `${site.name}: no conversation turns found; the page markup may have changed ` +
              `(user: ${describe(selectors.userTurn)}; assistant: ${describe(selectors.assistantTurn)}).`,
          );
        }
      } else if (users.length === 0) {
        problems.push(
          `${site.name}: assistant turns found but no user turn (${describe(selectors.userTurn)}).`,
        );
      } else if (answers.length === 0 && onConversation) {
        problems.push(
          `${site.name}: user turns found but no assistant turn (${describe(selectors.assistantTurn)}).`,
        );
      }
      const last = answers[answers.length - 1];
      if (last && selectors.answerBody) {
        const body = queryGroup(last, selectors.answerBody);
        counts.answerBody = body.length;
        if (body.length === 0) {
          problems.push(
            `${site.name}: the answer's text element was not found (${describe(selectors.answerBody)}).`,
          );
        }
      }
      const firstUser = users[0];
      if (firstUser && selectors.userText) {
        const text = queryGroup(firstUser, selectors.userText);
        counts.userText = text.length;
        if (text.length === 0) {
          problems.push(
            `${site.name}: the prompt's text element was not found (${describe(selectors.userText)}).`,
          );
        }
      }
      if (selectors.stopButton) counts.stopButton = queryGroup(root, selectors.stopButton).length;
      if (selectors.actionBar) counts.actionBar = queryGroup(root, selectors.actionBar).length;
      return { ok: problems.length === 0, problems, counts };
    },
  };
}
