import { css } from 'lit';

export const onlineVisitorsStyles = css`
  /* The height before-upgrade.css reserves, kept after upgrade: nothing moves. */
  :host {
    min-block-size: var(--portico-online-visitors-reserve, calc(6.525em + 2px));
  }

  [part~='status'] {
    margin: 0;
  }

  [part~='count'] {
    margin: 0;
    font-size: var(--portico-online-visitors-text-size, 1em);
    line-height: 1.5;
  }

  [part~='names'] {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }

  [part~='names'] li {
    margin-block: 0.125em;
  }
`;
