import { css } from 'lit';

export const categoryMenuStyles = css`
  ul {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  ul ul {
    padding-inline-start: var(--portico-category-menu-indent, 1em);
  }

  li > div {
    display: flex;
    align-items: start;
  }

  a,
  p {
    flex: 1;
    /* A title with a word longer than the box (an address, a run of letters) breaks inside it. */
    min-inline-size: 0;
    margin: 0;
    padding: 0.375em 0.5em;
    color: inherit;
    text-decoration: none;
  }

  a:hover {
    text-decoration: underline;
  }

  /* The title is the CMS's text: a direction override in it cannot turn the count after it around. */
  a > span:first-child {
    unicode-bidi: isolate;
  }

  [aria-current] {
    font-weight: 700;
  }

  [part~='current'] {
    color: var(--_portico-accent);
    background: var(--portico-category-menu-current-background, light-dark(#e7f0fa, #1d2b3a));
  }

  /* Forced colours drop the highlight's colours: a dashed outline marks the current item instead. */
  @media (forced-colors: active) {
    [part~='current'] {
      outline: 2px dashed;
      outline-offset: -2px;
    }

    [part~='current']:focus-visible {
      outline-style: solid;
    }
  }

  [part~='count'],
  p {
    color: var(--_portico-muted);
    font-weight: 400;
  }

  button {
    min-inline-size: 2em;
    min-block-size: 2em;
    color: inherit;
    font: inherit;
    background: none;
    border: 0;
  }

  /* As tall as a row of links (their padding and a line), so folding the row moves nothing. */
  [part~='menu-button'] {
    min-block-size: calc(0.75em + var(--portico-line-height, 1.5) * 1em);
    border: 1px solid;
  }

  [part~='toggle']::before {
    display: inline-block;
    content: '▾';
  }

  [aria-expanded='true']::before {
    rotate: 180deg;
  }

  :focus-visible {
    outline: 2px solid var(--_portico-accent);
  }

  /* Top navigation: the first level in a row, each submenu a panel under its item. */
  .horizontal > div > ul {
    display: flex;
    flex-wrap: wrap;
    column-gap: 0.75em;
  }

  /* An item is never wider than the row: a word longer than the header breaks inside it. */
  .horizontal > div > ul > li {
    position: relative;
    min-inline-size: 0;
    max-inline-size: 100%;
  }

  /* Width unknown yet (see render): one row of links, scrolling sideways, without a scrollbar's height. */
  .one-line > div > ul {
    flex-wrap: nowrap;
    overflow-x: auto;
    scrollbar-width: none;
  }

  .one-line > div > ul > li {
    flex: none;
  }

  .horizontal > div > ul > li > ul {
    position: absolute;
    z-index: var(--portico-category-menu-z-index, 10);
    inline-size: max-content;
    max-inline-size: min(20em, 90vw);
    padding: 0.25em;
    /* Moved back from the viewport's end by the widget (see keepDropdownsInView). */
    translate: var(--_portico-dropdown-shift, 0);
    background: var(--_portico-surface);
    border: 1px solid var(--_portico-border);
    box-shadow: 0 0.25em 0.75em #0003;
  }
`;
