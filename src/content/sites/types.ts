/**
 * What the content script makes of a site's spec (src/shared/site-spec.ts, one file per site in
 * src/shared/sites/): the turns it finds, the streaming signals it reads, and its health report.
 * `define-adapter.ts` builds a `SiteAdapter` from a spec with the behaviour every site shares.
 */
import type { Role } from '../../shared/conversation.ts';
import type { AdapterSpec } from '../../shared/site-spec.ts';

export type {
  AdapterSpec,
  SelectorGroup,
  SiteSelectors,
  StreamingFlag,
} from '../../shared/site-spec.ts';

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
