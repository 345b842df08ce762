/**
 * The overlay's few icons as inline SVG: static markup of our own, decorative (aria-hidden),
 * drawn with `currentColor` so they follow the scheme.
 */

export function Logo() {
  return (
    <svg class="cc-logo" viewBox="0 0 20 20" width="18" height="18" aria-hidden="true">
      <circle cx="7.5" cy="10" r="5.5" fill="none" stroke="currentColor" stroke-width="1.8" />
      <circle cx="12.5" cy="10" r="5.5" fill="none" stroke="currentColor" stroke-width="1.8" />
    </svg>
  );
}

export function Chevron({ open }: { open: boolean }) {
  return (
    <svg
      class={`cc-chevron${open ? ' cc-chevron-open' : ''}`}
      viewBox="0 0 16 16"
      width="14"
      height="14"
      aria-hidden="true"
    >
      <path
        d="M6 4l4 4-4 4"
        fill="none"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function RerunIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M13 8a5 5 0 1 1-1.5-3.6M13 2.5V5h-2.5"
        fill="none"
        stroke="currentColor"
        stroke-width="1.7"
        stroke-linecap="round"
        stroke-linejoin="round"
      />
    </svg>
  );
}

export function GearIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <circle cx="8" cy="8" r="2.2" fill="none" stroke="currentColor" stroke-width="1.6" />
      <path
        d="M8 1.5v2M8 12.5v2M1.5 8h2M12.5 8h2M3.4 3.4l1.4 1.4M11.2 11.2l1.4 1.4M3.4 12.6l1.4-1.4M11.2 4.8l1.4-1.4"
        stroke="currentColor"
        stroke-width="1.6"
        stroke-linecap="round"
      />
    </svg>
  );
}

export function CloseIcon() {
  return (
    <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
      <path
        d="M4 4l8 8M12 4l-8 8"
        stroke="currentColor"
        stroke-width="1.8"
        stroke-linecap="round"
      />
    </svg>
  );
}

export function Spinner() {
  return <span class="cc-spinner" aria-hidden="true" />;
}
