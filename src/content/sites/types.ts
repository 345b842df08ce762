/**
 * What the content script needs to know about one chat site, as data: ordered selector fallbacks
 * for each part of a conversation, the subtrees of an answer that are site chrome rather than
 * text, and the signals that say an answer has finished streaming. `define-adapter.ts` turns a
 * spec into a `SiteAdapter` with the shared behaviour, so a site file holds only its selectors.
 */
import type { Role } from '../../shared/conversation.ts';
import type { SiteInfo } from '../../shared/sites.ts';

/**
 * CSS selectors tried in order; the first one that matches anything wins. Prefer data-testid,
 * roles, ARIA and custom element names over hashed or localised classes, newest markup first.
 * `fixture` is how many elements the group matches in the project's own fixture
 * (tests/fixtures/sites/<id>/conversation.html), checked by the site tests; for the groups
 * looked up inside a turn (userText, answerBody) it is the number of turns in which it matches.
 */
export interface SelectorGroup {
  css: readonly string[];
  fixture: number;
}

export interface SiteSelectors {
  /** One element per user turn, document-wide. */
  userTurn: SelectorGroup;
  /** One element per assistant turn, document-wide. */
  assistantTurn: SelectorGroup;
  /** Inside a user turn: the element holding the prompt text (else the turn itself). */
  userText?: SelectorGroup;
  /** Inside an assistant turn: the element holding the rendered markdown (else the turn). */
  answerBody?: SelectorGroup;
  /** Document-wide: the "stop generating" button, present only while an answer streams. */
  stopButton?: SelectorGroup;
  /** Inside (or, with `closest`, around) an assistant turn: actions shown once it is complete. */
  actionBar?: SelectorGroup;
}

/** An attribute the site itself flips when streaming ends (Claude's data-is-streaming). */
export interface StreamingFlag {
  /** Selector of the element carrying the attribute, found with `closest()` from the turn. */
  closest: string;
  attribute: string;
  /** Value meaning "finished". */
  done: string;
}

export interface AdapterSpec {
  /** Id, name and hosts, from the one list of sites (src/shared/sites.ts). */
  site: SiteInfo;
  /** Pathnames of pages that show one conversation (so an empty match there is a health problem). */
  conversationPath: RegExp;
  selectors: SiteSelectors;
  /** Subtrees inside turns that are site chrome, not text (code block headers, citations). */
  skip?: readonly string[];
  streamingFlag?: StreamingFlag;
  /**
   * Where to look for the action bar relative to the assistant turn: inside it (default) or inside
   * its closest ancestor matching this selector (bars that sit beside the message).
   */
  actionBarScope?: string;
}

/** A turn found on the page. */
export interface TurnElement {
  role: Role;
  /** The element matched by the turn selector. */
  element: Element;
  /** The element whose text is the turn's text (markdown body or prompt text). */
  body: Element;
}

/** The streaming signals for one answer at one moment; null means "this site has no such signal". */
export interface DoneSignals {
  siteFlag: boolean | null;
  stopButtonGone: boolean | null;
  actionBarShown: boolean | null;
}

export interface HealthReport {
  ok: boolean;
  /** Human-readable, shown in the popup: which required selector matched nothing, and so on. */
  problems: string[];
  /** Matches per selector group (the count of the first css that matched, 0 if none). */
  counts: Record<string, number>;
}

export interface SiteAdapter {
  readonly id: string;
  readonly name: string;
  readonly spec: AdapterSpec;
  /** Selector of subtrees left out of turn text (the adapter's skip list joined). */
  readonly skip: string;
  matchesHost(hostname: string): boolean;
  /** All turns, oldest first. */
  turns(root?: ParentNode): TurnElement[];
  /** Assistant turn elements, oldest first (cheaper than `turns` when only answers matter). */
  answerElements(root?: ParentNode): Element[];
  /** The last assistant turn, or null when there is none. */
  latestAnswer(root?: ParentNode): TurnElement | null;
  doneSignals(answer: TurnElement): DoneSignals;
  /** Stable id of the conversation from the page URL. */
  conversationId(url: URL): string;
  health(root?: ParentNode, url?: URL): HealthReport;
}
