/**
 * The overlay's stylesheet as text for a <style> element in its shadow root: overlay.css (with the
 * shared colour tokens it imports), plus what is generated from type-styles.ts — each kind's
 * colour as `--cc-<kind>` and one swatch rule per kind — so the overlay and the page's highlights
 * draw from one table.
 */
import overlaySheet from './overlay.css?inline';
import { TYPE_STYLES, typeColourVariables } from './type-styles.ts';
import { INCONSISTENCY_TYPES } from '../../core/types.ts';

function swatchRules(): string {
  return INCONSISTENCY_TYPES.map((type) => {
    const s = TYPE_STYLES[type];
    return `.cc-swatch-${type} { text-decoration: underline ${s.underline} var(--cc-${type}) ${s.thickness}; }`;
  }).join('\n');
}

/** The whole sheet: type colours, the base styles and one swatch rule per type. */
export function overlayCss(): string {
  return `${typeColourVariables()}${overlaySheet}\n${swatchRules()}\n`;
}
