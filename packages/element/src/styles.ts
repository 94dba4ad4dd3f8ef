import { css } from 'lit';

/**
 * Styles every widget starts from. Public tokens are `--portico-*` custom properties a page
 * sets once for all widgets; each resolves into a private `--_portico-*` with its default.
 * Colours use `light-dark()`, so the page's `color-scheme` (inherited) picks light or dark
 * and `color-scheme: light dark` follows the reader's system.
 */
export const baseStyles = css`
  :host {
    --_portico-text: var(--portico-color-text, light-dark(#1b1f24, #e8eaed));
    --_portico-muted: var(--portico-color-muted, light-dark(#555d66, #a4adb6));
    --_portico-accent: var(--portico-color-accent, light-dark(#0a58a8, #8cc2ff));
    --_portico-surface: var(--portico-color-surface, light-dark(#ffffff, #16191d));
    --_portico-border: var(--portico-color-border, light-dark(#d0d7de, #3d444d));
    --_portico-warning: var(--portico-color-warning, light-dark(#8a4b00, #f2b45a));
    --_portico-radius: var(--portico-radius, 0.25em);
    --_portico-space: var(--portico-space, 0.75em);
    display: block;
    box-sizing: border-box;
    min-inline-size: 0;
    max-inline-size: 100%;
    color: var(--_portico-text);
    font-family: var(--portico-font-family, inherit);
    overflow-wrap: break-word;
    /*
     * Inherited text properties a host page may set on every element (Joomla 3 templates set
     * text-transform, letter-spacing and line-height on *): the widget's text stays readable
     * and its layout intact. Important declarations in a shadow root win over the page's, so
     * these hold; the font itself may follow the page, and --portico-line-height adjusts. A
     * reader's own spacing (a user style sheet: its important rules win over any page's) still
     * applies. Visibility is left to inherit, so a hidden panel hides the widget in it.
     */
    line-height: var(--portico-line-height, 1.5) !important;
    text-transform: none !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    font-style: normal !important;
    font-variant: normal !important;
    font-weight: normal !important;
    white-space: normal !important;
  }

  :host([hidden]) {
    display: none;
  }

  /* A failure note: the source could not be reached, the figures are unavailable. */
  [part~='error'] {
    color: var(--_portico-warning);
  }

  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }
`;

/**
 * A CMS module box: a surface, an optional heading, then the content. The box is drawn by
 * the host itself, so a page styles it as any element (`portico-view-counter { border: 0 }`),
 * and `before-upgrade.css` can draw the same box before the script runs: no layout shift.
 */
export const moduleStyles = css`
  :host {
    padding: var(--_portico-space);
    background: var(--_portico-surface);
    border: 1px solid var(--_portico-border);
    border-radius: var(--_portico-radius);
  }

  [part~='heading'] {
    margin: 0 0 0.5em;
    font-size: var(--portico-heading-size, 1.125em);
    font-weight: 700;
    line-height: 1.3;
  }

  [part~='stale'] {
    display: block;
    margin-block-start: 0.25em;
    color: var(--_portico-warning);
    font-size: 0.875em;
  }

  [part~='stale']::before {
    content: '⚠\\FE0E  ';
  }

  /* A placeholder of the final size while the first answer is on its way. */
  .placeholder {
    color: transparent;
    background: linear-gradient(var(--_portico-border), var(--_portico-border)) 0 50% / 100% 0.8em no-repeat;
    border-radius: var(--_portico-radius);
  }

  @media (prefers-reduced-motion: no-preference) {
    .placeholder {
      animation: portico-pulse 1.5s ease-in-out infinite;
    }
  }

  @keyframes portico-pulse {
    50% {
      opacity: 0.5;
    }
  }
`;
