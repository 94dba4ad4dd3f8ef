/** The `<portico-article-card>` class, without registering the tag. */
export { PorticoArticleCard, type ArticleCardVariant } from './article-card.js';
