/**
 * The overlay's stylesheet, as text for a <style> element in its shadow root. Scoped by the
 * shadow root both ways: page rules cannot reach in and these cannot reach out. Colours are
 * custom properties with a light set and a dark set picked by `prefers-color-scheme`; text
 * colours keep at least 4.5:1 against their backgrounds in both.
 */
import { TYPE_STYLES, typeColourVariables } from './type-styles.ts';
import { INCONSISTENCY_TYPES } from '../../core/types.ts';

function swatchRules(): string {
  return INCONSISTENCY_TYPES.map((type) => {
    const s = TYPE_STYLES[type];
    return `.cc-swatch-${type} { text-decoration: underline ${s.underline} var(--cc-${type}) ${s.thickness}; }`;
  }).join('\n');
}

const BASE = /* css */ `
:host {
  --bg: #ffffff;
  --bg-subtle: #f5f6f8;
  --bg-hover: #eceef2;
  --fg: #17191d;
  --fg-muted: #555b67;
  --border: #d5d9e0;
  --border-strong: #b9bfca;
  --accent: #1f56d1;
  --accent-fg: #ffffff;
  --mark-bg: #ffe98a;
  --mark-fg: #2b2200;
  /* One vocabulary: words that differ are marked the same everywhere (cards, consensus); red and
     orange belong to the flag types alone, so stance and removals stay neutral. */
  --ins-bg: var(--mark-bg);
  --ins-fg: var(--mark-fg);
  --del-bg: #eceef2;
  --del-fg: #555b67;
  --good: #1a7f37;
  --warn: #9a5b00;
  --bad: #c62828;
  --silent: #8b93a1;
  --stance-differs: #3b4150;
  --shadow: 0 1px 2px rgba(16, 24, 40, 0.06), 0 1px 3px rgba(16, 24, 40, 0.08);
  --shadow-card: 0 12px 32px -8px rgba(16, 24, 40, 0.22), 0 4px 10px -4px rgba(16, 24, 40, 0.12);
}
@media (prefers-color-scheme: dark) {
  :host {
    --bg: #1c1d21;
    --bg-subtle: #24262b;
    --bg-hover: #2e3138;
    --fg: #eceef2;
    --fg-muted: #aab0bc;
    --border: #3a3e47;
    --border-strong: #4c515c;
    --accent: #8cb4ff;
    --accent-fg: #0d1530;
    --mark-bg: #5a4a00;
    --mark-fg: #fff3c2;
    --ins-bg: var(--mark-bg);
    --ins-fg: var(--mark-fg);
    --del-bg: #2e3138;
    --del-fg: #aab0bc;
    --good: #56d364;
    --warn: #f0b04c;
    --bad: #ff7b72;
    --silent: #7d8594;
    --stance-differs: #d5d9e0;
    --shadow: 0 1px 2px rgba(0, 0, 0, 0.4);
    --shadow-card: 0 14px 36px -8px rgba(0, 0, 0, 0.65), 0 4px 12px -4px rgba(0, 0, 0, 0.5);
  }
}

/* On the root box, not :host: the host's inline \`all: initial\` outranks :host rules. */
.cc-root {
  color-scheme: light dark;
  display: block;
  font: 13px/1.45 system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  color: var(--fg);
  text-align: start;
  letter-spacing: normal;
  word-spacing: normal;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
p, h2, h3, h4, ul, ol, blockquote { margin: 0; padding: 0; }
ul, ol { list-style: none; }
h2, h3, h4 { font: inherit; }

button {
  font: inherit;
  color: inherit;
  background: none;
  border: 0;
  margin: 0;
  padding: 0;
  cursor: pointer;
  text-align: inherit;
}
:focus { outline: none; }
:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 6px; }

.cc-summary {
  background: var(--bg);
  border: 1px solid var(--border);
  border-radius: 12px;
  box-shadow: var(--shadow);
  overflow: hidden;
  max-width: 100%;
}

.cc-bar {
  display: flex;
  align-items: center;
  gap: 10px;
  padding: 8px 8px 8px 12px;
  min-height: 44px;
}
.cc-brand {
  display: inline-grid;
  place-items: center;
  width: 26px;
  height: 26px;
  border-radius: 8px;
  background: var(--bg-subtle);
  color: var(--accent);
  flex: none;
}
.cc-bar-main {
  flex: 1 1 auto;
  min-width: 0;
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  gap: 6px 10px;
}
.cc-headline { font-weight: 600; }
.cc-bar-actions { display: flex; align-items: center; gap: 4px; flex: none; }

.cc-button {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  padding: 5px 10px;
  border: 1px solid var(--border-strong);
  border-radius: 8px;
  background: var(--bg);
  font-weight: 500;
  line-height: 1.2;
}
.cc-button:hover { background: var(--bg-hover); }
.cc-button-quiet { border-color: transparent; color: var(--accent); }
.cc-details .cc-button-quiet { border-color: var(--border); margin-top: 8px; }
.cc-button-primary { background: var(--accent); border-color: var(--accent); color: var(--accent-fg); font-weight: 600; }
.cc-button-primary:hover { background: var(--accent); filter: brightness(1.08); }
.cc-stepper { display: inline-flex; align-items: center; gap: 0; }
.cc-step-prev .cc-chevron { transform: rotate(180deg); }
.cc-step-count { font-size: 12px; color: var(--fg-muted); font-variant-numeric: tabular-nums; padding: 0 2px; }
.cc-note {
  margin-top: 10px;
  padding: 6px 10px;
  border-radius: 8px;
  background: var(--bg-subtle);
  color: var(--fg-muted);
  font-size: 12px;
}
.cc-icon-button {
  display: inline-grid;
  place-items: center;
  width: 30px;
  height: 30px;
  border-radius: 8px;
  color: var(--fg-muted);
}
.cc-icon-button:hover { background: var(--bg-hover); color: var(--fg); }
.cc-chevron { transition: transform 120ms ease; }
.cc-chevron-open { transform: rotate(90deg); }
.cc-expand .cc-chevron { transform: rotate(90deg); }
.cc-expand .cc-chevron-open { transform: rotate(-90deg); }
@media (prefers-reduced-motion: reduce) { .cc-chevron { transition: none; } }

.cc-status-text { display: inline-flex; align-items: center; gap: 8px; flex-wrap: wrap; color: var(--fg-muted); }
.cc-status-error { color: var(--fg); }
.cc-status-error strong { color: var(--bad); }
.cc-status-warning { color: var(--warn); font-weight: 500; }
.cc-status-detail {
  max-width: 32ch;
  overflow: hidden;
  text-overflow: ellipsis;
  white-space: nowrap;
  font-size: 12px;
}
.cc-spinner {
  width: 14px;
  height: 14px;
  border-radius: 50%;
  border: 2px solid var(--border);
  border-top-color: var(--accent);
  animation: cc-spin 0.8s linear infinite;
  flex: none;
}
@keyframes cc-spin { to { transform: rotate(360deg); } }
@media (prefers-reduced-motion: reduce) { .cc-spinner { animation-duration: 2.4s; } }
.cc-progress {
  display: inline-block;
  width: 96px;
  height: 6px;
  border-radius: 3px;
  background: var(--bg-hover);
  overflow: hidden;
}
.cc-progress-fill { display: block; height: 100%; background: var(--accent); border-radius: 3px; }

.cc-chips { display: flex; flex-wrap: wrap; gap: 6px; }
.cc-chip {
  display: inline-flex;
  align-items: baseline;
  gap: 6px;
  padding: 2px 8px 3px;
  border-radius: 999px;
  background: var(--bg-subtle);
  border: 1px solid var(--border);
  color: var(--fg);
  font-size: 12px;
  white-space: nowrap;
}
button.cc-chip:hover { background: var(--bg-hover); border-color: var(--border-strong); }
.cc-chips li { display: inline-flex; }
.cc-chip-none { color: var(--good); font-weight: 500; }
.cc-notes {
  margin: 4px 0 0;
  font-size: 12px;
  opacity: 0.8;
}
.cc-badge {
  display: inline-block;
  margin-inline-start: 6px;
  padding: 0 6px;
  border-radius: 999px;
  font-size: 11px;
  font-weight: 600;
  letter-spacing: 0.02em;
  background: var(--bg-hover);
  color: var(--fg-muted);
  vertical-align: 1px;
}

.cc-swatch {
  display: inline-block;
  font-size: 12px;
  line-height: 1;
  white-space: pre;
  text-underline-offset: 1px;
  text-decoration-skip-ink: none;
  flex: none;
}

.cc-details {
  border-top: 1px solid var(--border);
  padding: 4px 14px 14px;
  display: grid;
  gap: 4px;
}
.cc-section { padding-top: 12px; }
.cc-section + .cc-section, .cc-legend + .cc-section { border-top: 1px solid var(--border); margin-top: 10px; }
.cc-section-title {
  display: flex;
  align-items: center;
  gap: 8px;
  font-size: 11px;
  font-weight: 650;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fg-muted);
  margin-bottom: 8px;
}
.cc-muted { color: var(--fg-muted); }

.cc-legend {
  display: grid;
  grid-template-columns: repeat(auto-fit, minmax(240px, 1fr));
  gap: 8px 16px;
}
.cc-legend-item {
  display: grid;
  grid-template-columns: auto 1fr;
  align-content: start;
  align-items: baseline;
  column-gap: 8px;
}
.cc-legend-name { font-weight: 600; }
.cc-legend-count {
  font-variant-numeric: tabular-nums;
  font-weight: 650;
  min-width: 20px;
  text-align: center;
  border-radius: 6px;
  background: var(--bg-subtle);
}
.cc-legend-explanation { grid-column: 2 / 3; color: var(--fg-muted); font-size: 12px; }
.cc-consensus-agreement { margin-bottom: 4px; }
.cc-legend-zero .cc-legend-count { color: var(--fg-muted); background: none; }

.cc-consensus-pick { font-size: 13px; }
.cc-consensus-final { margin-top: 4px; }
.cc-consensus-reason { margin-top: 4px; color: var(--fg-muted); }
.cc-consensus-body { margin-top: 10px; }
.cc-diff-key {
  display: flex;
  flex-wrap: wrap;
  align-items: center;
  justify-content: space-between;
  gap: 6px 12px;
  font-size: 12px;
  color: var(--fg-muted);
  margin-bottom: 8px;
}
.cc-key-toggle {
  display: inline-flex;
  align-items: center;
  gap: 6px;
  padding: 2px 6px;
  border-radius: 6px;
  color: var(--fg);
}
.cc-key-toggle:hover { background: var(--bg-hover); }
.cc-check {
  width: 14px;
  height: 14px;
  border-radius: 4px;
  border: 1.5px solid var(--border-strong);
  display: inline-grid;
  place-items: center;
}
.cc-key-toggle[aria-pressed='true'] .cc-check { background: var(--accent); border-color: var(--accent); }
.cc-key-toggle[aria-pressed='true'] .cc-check::after {
  content: '';
  width: 7px;
  height: 4px;
  border: solid var(--accent-fg);
  border-width: 0 0 2px 2px;
  transform: translateY(-1px) rotate(-45deg);
}
.cc-fulltext {
  white-space: pre-wrap;
  overflow-wrap: anywhere;
  line-height: 1.55;
}
blockquote.cc-fulltext {
  padding: 10px 12px;
  border-radius: 8px;
  background: var(--bg-subtle);
  border: 1px solid var(--border);
  max-height: 320px;
  overflow: auto;
}
.cc-diff-ins, .cc-diff-del, .cc-diff-mark {
  border-radius: 3px;
  padding: 0 2px;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
.cc-diff-ins { background: var(--ins-bg); color: var(--ins-fg); text-decoration: none; }
.cc-diff-del { background: var(--del-bg); color: var(--del-fg); text-decoration: line-through; text-decoration-thickness: 1px; }
.cc-diff-mark { background: var(--mark-bg); color: var(--mark-fg); font-weight: 600; }

.cc-flags { display: grid; gap: 2px; }
.cc-flag {
  display: flex;
  gap: 10px;
  align-items: baseline;
  width: 100%;
  padding: 6px 8px;
  border-radius: 8px;
}
.cc-flag:hover, .cc-flag[aria-expanded='true'] { background: var(--bg-hover); }
.cc-flag-body { display: grid; gap: 1px; min-width: 0; }
.cc-flag-text {
  overflow: hidden;
  display: -webkit-box;
  -webkit-line-clamp: 2;
  -webkit-box-orient: vertical;
}
.cc-flag-meta { font-size: 12px; color: var(--fg-muted); }

.cc-omission-rule {
  display: inline-block;
  width: 16px;
  border-bottom: 2px dashed var(--cc-omission);
  transform: translateY(-3px);
}
.cc-omissions { display: grid; gap: 10px; }
.cc-omission { padding-inline-start: 10px; border-inline-start: 2px dashed var(--cc-omission); }
.cc-omission-text { font-weight: 500; }
.cc-wordings { display: grid; gap: 6px; padding: 6px 0 2px 20px; }
.cc-wordings li { display: grid; gap: 1px; }

.cc-disclosure-toggle {
  display: inline-flex;
  align-items: center;
  gap: 4px;
  padding: 2px 4px 2px 0;
  color: var(--accent);
  font-weight: 500;
  font-size: 12px;
}
.cc-disclosure-detail { color: var(--fg-muted); font-weight: 400; }
.cc-samples { border-top: 1px solid var(--border); margin-top: 10px; padding-top: 10px; }
.cc-samples > .cc-disclosure-toggle { font-size: 13px; }
.cc-sample-list { display: grid; gap: 10px; padding-top: 8px; counter-reset: none; }
.cc-sample { padding: 10px 12px; border: 1px solid var(--border); border-radius: 8px; background: var(--bg-subtle); }
.cc-sample-title { font-weight: 650; font-size: 12px; color: var(--fg-muted); margin-bottom: 4px; }
.cc-sample-tag { font-size: 11px; font-weight: 650; color: var(--fg-muted); letter-spacing: 0.02em; }
.cc-quote { overflow-wrap: anywhere; }

/* The card. [popover] brings UA styles (inset, margin, border, colours) that are reset here. */
.cc-card {
  position: fixed;
  inset: auto;
  margin: 0;
  z-index: 2147483647;
  width: min(380px, calc(100vw - 16px));
  overflow: auto;
  overscroll-behavior: contain;
  padding: 12px 14px 14px;
  background: var(--bg);
  color: var(--fg);
  border: 1px solid var(--border-strong);
  border-radius: 12px;
  box-shadow: var(--shadow-card);
  font: inherit;
  line-height: 1.45;
}
.cc-card:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; border-radius: 12px; }
.cc-card-head { display: flex; align-items: center; gap: 8px; }
.cc-card-title { font-weight: 650; font-size: 14px; flex: 1 1 auto; }
.cc-card-close { margin: -4px -6px -4px 0; }
.cc-card-explanation { color: var(--fg-muted); margin-top: 10px; font-size: 12px; }
.cc-card-preview { cursor: pointer; padding: 8px 12px; width: min(340px, calc(100vw - 16px)); }
.cc-card-preview .cc-card-title { flex: none; font-size: 13px; }
.cc-preview-text { font-size: 12px; margin-top: 2px; }
.cc-preview-hint { color: var(--fg-muted); }
.cc-own-sentence {
  margin-top: 8px;
  padding: 8px 10px;
  border-radius: 8px;
  border-inline-start: 3px solid var(--border-strong);
  background: var(--bg-subtle);
  overflow-wrap: anywhere;
}
.cc-instead { margin-top: 8px; }
.cc-support {
  display: flex;
  align-items: center;
  gap: 8px;
  margin-top: 10px;
  padding: 6px 8px;
  border-radius: 8px;
  background: var(--bg-subtle);
  font-weight: 500;
}
.cc-dots { display: inline-flex; gap: 3px; }
.cc-dot { width: 8px; height: 8px; border-radius: 50%; border: 1.5px solid var(--silent); }
.cc-dot-agrees { background: var(--good); border-color: var(--good); }
.cc-dot-differs { background: var(--stance-differs); border-color: var(--stance-differs); }
.cc-dot-partly { background: linear-gradient(90deg, var(--stance-differs) 50%, transparent 50%); border-color: var(--stance-differs); }
.cc-card-subtitle {
  margin: 12px 0 6px;
  font-size: 11px;
  font-weight: 650;
  letter-spacing: 0.06em;
  text-transform: uppercase;
  color: var(--fg-muted);
}
.cc-evidence { display: grid; gap: 8px; margin-top: 10px; }
.cc-evidence-item { padding-inline-start: 10px; border-inline-start: 2px solid var(--border); }
.cc-evidence-item.cc-differs { border-inline-start-color: var(--stance-differs); }
.cc-evidence-item.cc-partly { border-inline-start-color: var(--border-strong); border-inline-start-style: dashed; }
.cc-evidence-item.cc-agrees { border-inline-start-color: var(--good); }
.cc-evidence-head { display: flex; align-items: baseline; gap: 6px; margin-bottom: 1px; }
.cc-stance { font-size: 11px; font-weight: 600; }
.cc-stance-differs { color: var(--fg); }
.cc-stance-partly { color: var(--fg-muted); }
.cc-stance-agrees { color: var(--good); }
.cc-stance-silent { color: var(--fg-muted); }
.cc-silent-text { color: var(--fg-muted); font-style: italic; }

/* Windows high contrast drops backgrounds: keep marked words and the dots distinguishable. */
@media (forced-colors: active) {
  .cc-diff-mark, .cc-diff-ins { outline: 1px solid CanvasText; }
  .cc-diff-mark { text-decoration: underline; }
  .cc-dot-agrees { background: CanvasText; }
  .cc-summary, .cc-card { border-color: CanvasText; }
}
`;

/** The whole sheet: type colours, the base styles and one swatch rule per type. */
export function overlayCss(): string {
  return `${typeColourVariables()}${BASE}\n${swatchRules()}\n`;
}
