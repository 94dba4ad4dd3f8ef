import { css } from 'lit';

// Tiles shrink to keep the number on one line in a narrow sidebar, down to the text's size
// (below it they break after a group separator): the box's width, read as a container, over
// the glyphs' count (`--_glyphs`, set after rendering) at 1.3em a tile and its gap. Before the
// count is set (a server-rendered counter before hydration), the full size: x / 0 is infinite.
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

  /* Tiles shrink to stay on one line, down to the text's size (see above). */
  .fit {
    display: block;
    container-type: inline-size;
  }

  .fit [part~='digits'] {
    font-size: max(1em, min(var(--portico-view-counter-size, 1.625em), 100cqi / (var(--_glyphs, 0) * 1.3)));
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
