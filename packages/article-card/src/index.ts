/** Registers `<portico-article-card>` and exports its class. */
import { defineElement } from '@portico/element';
import { PorticoArticleCard } from './article-card.js';

defineElement('portico-article-card', PorticoArticleCard);

export * from './element.js';

declare global {
  interface HTMLElementTagNameMap {
    'portico-article-card': PorticoArticleCard;
  }
}
