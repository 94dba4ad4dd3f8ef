import { css } from 'lit';

// Element selectors are enough: the shadow root holds only the widget's own markup and the
// sanitized custom HTML, which should look the same.
export const sidebarBannersStyles = css`
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  li + li {
    margin-block-start: var(--portico-sidebar-banners-gap, 0);
  }

  p {
    margin: 0;
  }

  a {
    color: var(--_portico-accent);
  }

  img {
    max-inline-size: 100%;
    block-size: auto;
  }

  :focus-visible {
    outline: 2px solid var(--_portico-accent);
    outline-offset: 2px;
  }

  [part~='controls'] {
    display: flex;
    justify-content: flex-end;
    gap: 0.25em;
    margin-block-end: 0.5em;
  }

  /* In the widget's font size, not the browser's smaller one for buttons: 2em is the same box in every browser, and the head stylesheet reserves it. */
  button {
    display: grid;
    place-items: center;
    font: inherit;
    inline-size: 2em;
    block-size: 2em;
    padding: 0;
    color: inherit;
    background: none;
    border: 1px solid var(--_portico-border);
    border-radius: var(--_portico-radius);
  }

  svg {
    inline-size: 1em;
    block-size: 1em;
    fill: currentColor;
  }

  /* Every slide in one cell: the box keeps the tallest slide's height as they change. */
  [part~='slides'] {
    display: grid;
    /* Not the auto track's min-content: one long word would widen the slides past the column. */
    grid-template-columns: minmax(0, 1fr);
  }

  [part~='slide'] {
    grid-area: 1 / 1;
  }

  [part~='slide']:not([data-current]) {
    visibility: hidden;
  }
`;
