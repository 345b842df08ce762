/**
 * Renders diff parts as text with the differing words marked. Every part goes in as a text
 * child, never as markup, because it is page or model text.
 */
import { Fragment } from 'preact';
import type { DiffPart } from '../../shared/text-diff.ts';

interface Props {
  parts: DiffPart[];
  /**
   * `mark`: the differing words of one side, highlighted (cards). `additions`: words only in
   * the shown text, as `ins`. `changes`: additions and removals both, as `ins`/`del` (the
   * consensus answer against the user's).
   */
  variant: 'mark' | 'additions' | 'changes';
}

/** Splits trailing whitespace off, so marks hug their words instead of the gap after them. */
function splitTrailingSpace(text: string): [string, string] {
  const body = text.trimEnd();
  return [body, text.slice(body.length)];
}

export function DiffText({ parts, variant }: Props) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.op === 'same') return part.text;
        if (part.op === 'removed') {
          if (variant !== 'changes') return null;
          // Spaces around a removed run stay inside it, so the text outside <del> is exactly the
          // other answer; one is added in front when the shown text has none there ("metres."
          // against "metres tall.").
          const before = parts[i - 1]?.text ?? '';
          const gap = before !== '' && !/\s$/.test(before) && /^[\p{L}\p{N}]/u.test(part.text);
          return (
            <del key={i} class="cc-diff-del">
              {gap ? ` ${part.text}` : part.text}
            </del>
          );
        }
        const [words, space] = splitTrailingSpace(part.text);
        const marked =
          variant === 'mark' ? (
            <mark class="cc-diff-mark">{words}</mark>
          ) : (
            <ins class="cc-diff-ins">{words}</ins>
          );
        return (
          <Fragment key={i}>
            {marked}
            {space}
          </Fragment>
        );
      })}
    </>
  );
}
