/**
 * The overlay's stylesheet as text for a <style> element in its shadow root: overlay.css (with the
 * shared colour tokens it imports), plus what is generated from type-styles.ts — each kind's
 * colour as `--cc-<kind>` and its swatch and mark rules — so the overlay and the page's highlights
 * draw from one table.
 */
import overlaySheet from './overlay.css?inline';
import { TYPE_STYLES, typeColourVariables } from './type-styles.ts';
import { INCONSISTENCY_TYPES } from '../../core/types.ts';

/**
 * Per kind: its swatch (a stretch of underline) and `.cc-kind-<kind>`, text marked as the page's
 * highlight marks it (the faint tint and the underline), for the compare view; `.cc-kind-faint`
 * marks it as the page marks an "uncertain" sentence (the colour at low strength, thin, no tint).
 */
function typeRules(): string {
  return INCONSISTENCY_TYPES.map((type) => {
    const s = TYPE_STYLES[type];
    const underline = `text-decoration: underline ${s.underline} var(--cc-${type}) ${s.thickness};`;
    const faint = `text-decoration: underline ${s.underline} color-mix(in srgb, var(--cc-${type}) 45%, transparent) 1px;`;
    return [
      `.cc-swatch-${type} { ${underline} }`,
      `.cc-kind-${type} { background: var(--cc-${type}-tint); ${underline} }`,
      `.cc-kind-${type}.cc-kind-faint { background: none; ${faint} }`,
    ].join('\n');
  }).join('\n');
}

/** The whole sheet: type colours, the base styles and the rules per type. */
export function overlayCss(): string {
  return `${typeColourVariables()}${overlaySheet}\n${typeRules()}\n`;
}
