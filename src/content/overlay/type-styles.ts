/**
 * How each inconsistency type looks and reads: colour, underline style, name and one-line
 * explanation. The one table both the in-page highlights (`::highlight(crosscheck-<type>)`) and
 * the overlay's legend and cards draw from, so a red solid underline on the page is the same red
 * solid underline in the legend.
 *
 * Colour is never the only signal: each type also has its own underline style, for readers who
 * do not tell red from orange.
 */
import { INCONSISTENCY_TYPES, SENTENCE_TYPES, type InconsistencyType } from '../../core/types.ts';

export type UnderlineStyle = 'solid' | 'double' | 'dotted' | 'wavy' | 'dashed';

export interface TypeStyle {
  /** Short name for legends and card headings. */
  label: string;
  /** Count noun for the summary's chips: [one, many], e.g. "1 contradiction". */
  noun: readonly [string, string];
  /** One line on what the flag means, for the card. */
  explanation: string;
  /** Underline colour on light backgrounds (at least 4.5:1 against white). */
  light: string;
  /** Underline colour on dark backgrounds (at least 4.5:1 against #1c1d21). */
  dark: string;
  /** Faint background behind highlighted text, so a flag reads at a glance without hiding it. */
  tint: { light: string; dark: string };
  underline: UnderlineStyle;
  /** Underline thickness; double and wavy need more room to read as such. */
  thickness: string;
}

export const TYPE_STYLES: Readonly<Record<InconsistencyType, TypeStyle>> = {
  contradiction: {
    noun: ['contradiction', 'contradictions'],
    label: 'Contradiction',
    explanation: 'Other samples say the opposite of this sentence.',
    light: '#c62828',
    dark: '#ff7b72',
    tint: { light: 'rgba(198, 40, 40, 0.10)', dark: 'rgba(255, 123, 114, 0.14)' },
    underline: 'solid',
    thickness: '2px',
  },
  number: {
    noun: ['different number', 'different numbers'],
    label: 'Different number',
    explanation: 'Other samples give a different number, date or quantity here.',
    light: '#b45309',
    dark: '#ffa657',
    tint: { light: 'rgba(180, 83, 9, 0.10)', dark: 'rgba(255, 166, 87, 0.14)' },
    underline: 'double',
    thickness: '3px',
  },
  entity: {
    noun: ['different name', 'different names'],
    label: 'Different name',
    explanation: 'Other samples name a different person, place, title or organisation.',
    light: '#7e3fbf',
    dark: '#d2a8ff',
    tint: { light: 'rgba(126, 63, 191, 0.09)', dark: 'rgba(210, 168, 255, 0.13)' },
    underline: 'dotted',
    thickness: '3px',
  },
  unsupported: {
    noun: ['unsupported claim', 'unsupported claims'],
    label: 'Unsupported',
    explanation: 'Few or none of the other samples say this.',
    light: '#4a6785',
    dark: '#9ab8d6',
    tint: { light: 'rgba(74, 103, 133, 0.09)', dark: 'rgba(154, 184, 214, 0.12)' },
    underline: 'wavy',
    thickness: '1.5px',
  },
  omission: {
    noun: ['omission', 'omissions'],
    label: 'Omitted',
    explanation: 'Most samples say this, but this answer leaves it out.',
    light: '#0f766e',
    dark: '#5eead4',
    tint: { light: 'rgba(15, 118, 110, 0.09)', dark: 'rgba(94, 234, 212, 0.12)' },
    underline: 'dashed',
    thickness: '2px',
  },
};

/** Name of the CSS custom highlight for a type, as registered in `CSS.highlights`. */
export function highlightName(type: InconsistencyType): string {
  return `crosscheck-${type}`;
}

function decoration(style: TypeStyle, scheme: 'light' | 'dark'): string {
  const colour = style[scheme];
  return `background-color: ${style.tint[scheme]}; text-decoration: underline ${style.underline} ${colour} ${style.thickness};`;
}

/**
 * Stylesheet text for the page document (highlights are styled by the document's sheets, not
 * by our shadow root's): one rule per sentence type, light colours with a dark-scheme override.
 * Only properties `::highlight()` accepts (colours and text-decoration); no underline offset,
 * which highlights ignore.
 */
export function highlightCss(): string {
  const light: string[] = [];
  const dark: string[] = [];
  for (const type of SENTENCE_TYPES) {
    const style = TYPE_STYLES[type];
    light.push(`::highlight(${highlightName(type)}) { ${decoration(style, 'light')} }`);
    dark.push(`  ::highlight(${highlightName(type)}) { ${decoration(style, 'dark')} }`);
  }
  return `${light.join('\n')}\n@media (prefers-color-scheme: dark) {\n${dark.join('\n')}\n}\n`;
}

/**
 * Custom properties `--cc-<type>` carrying each type's colour and `--cc-<type>-tint` its faint
 * background, for the overlay's own sheet; light values first, dark ones under the media query.
 */
export function typeColourVariables(): string {
  const vars = (scheme: 'light' | 'dark'): string =>
    INCONSISTENCY_TYPES.map(
      (t) =>
        `--cc-${t}: ${TYPE_STYLES[t][scheme]}; --cc-${t}-tint: ${TYPE_STYLES[t].tint[scheme]};`,
    ).join(' ');
  return `:host { ${vars('light')} }\n@media (prefers-color-scheme: dark) { :host { ${vars('dark')} } }\n`;
}
