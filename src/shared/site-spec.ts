/**
 * One chat site as plain data, read by every context: who it is ({@link SiteInfo}: id, name,
 * hosts — the popup and the build's manifest read only this) and how its conversation markup is
 * read ({@link AdapterSpec}: ordered selector fallbacks, the subtrees of an answer that are site
 * chrome rather than text, and the signals that say an answer has finished streaming). Each site
 * is one file in ./sites/ exporting both; src/content/sites/define-adapter.ts turns the spec into
 * the behaviour the content script runs.
 */

export interface SiteInfo {
  /** Adapter id, also the key of the per-site switch in settings; the site file's name. */
  id: string;
  /** Name shown to the user. */
  name: string;
  /** Hostnames (exact; a leading "." also matches subdomains). */
  hosts: readonly string[];
  /** When the site is one part of a larger host: the path its pages live under. */
  pathPrefix?: string;
}

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
  /** Id, name and hosts, from the one list of sites (the `site` export of the same file). */
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
