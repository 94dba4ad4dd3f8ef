import { css } from 'lit';

export const viewCounterStyles = css`
  /* The height before-upgrade.css reserves, kept after upgrade: nothing moves. */
  :host {
    min-block-size: var(--portico-view-counter-reserve, calc(5.625em + 2px));
  }

  :host([digits='tiles']) {
    min-block-size: var(--portico-view-counter-reserve, calc(5.975em + 2px));
  }

  [part~='status'] {
    margin: 0;
  }

  [part~='number'],
  [part~='digits'] {
    font-size: var(--portico-view-counter-size, 1.625em);
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }

  /*
   * A group of tiles and the separator after it move to the next line as one; a group wider
   * than the box (grouping="off") wraps inside.
   */
  [part~='digits'],
  .group {
    display: inline-flex;
    flex-wrap: wrap;
    gap: 0.125em;
  }

  [part~='digit'] {
    min-inline-size: 1.2ch;
    padding: 0.1em 0.2em;
    color: var(--portico-view-counter-tile-color, light-dark(#ffffff, #16191d));
    text-align: center;
    background: var(--portico-view-counter-tile-background, light-dark(#1b1f24, #e8eaed));
    border-radius: var(--_portico-radius);
  }

  [part~='separator'] {
    align-self: flex-end;
  }

  /* The compact unit (18 Tr): plain text on the tiles' baseline, its leading space kept. */
  [part~='unit'] {
    align-self: baseline;
    white-space: pre;
  }
`;
