/**
 * A conversation as captured from a chat page: the turns before the answer, then the prompt.
 * Shared by the content script (which captures it), the background (which samples it) and the
 * sampling backends (which send it as context).
 */
export type Role = 'user' | 'assistant';

export interface Turn {
  role: Role;
  text: string;
}

/** What the content script captures when an answer has finished streaming. */
export interface Capture {
  /** Site adapter id, e.g. "chatgpt". */
  site: string;
  /** Stable id of the conversation on that site (URL path), used to key stored results. */
  conversationId: string;
  /** Earlier turns, oldest first, ending with the user prompt the answer replies to. */
  turns: Turn[];
  /** The assistant answer the user saw, as plain text. */
  answer: string;
  /** Set by the background when it cut `answer` to what it checks: the length before. */
  answerLength?: number;
}
