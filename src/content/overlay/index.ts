/**
 * The overlay's public surface for the content script: mount it, feed it states, open cards;
 * and the type style table the page highlights share with it.
 */
export { mountOverlay } from './mount.tsx';
export { CLOSE_GRACE_MS, HOVER_DELAY_MS } from './card-controller.ts';
export type { MountOptions, OpenCardOptions, OverlayHandle } from './mount.tsx';
export { TYPE_STYLES, highlightCss, highlightName } from './type-styles.ts';
export type { TypeStyle, UnderlineStyle } from './type-styles.ts';
