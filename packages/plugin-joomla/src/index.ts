/**
 * @portico/plugin-joomla: Portico data from a Joomla 4 or 5 site's Web Services, through the
 * token-holding proxy in `@portico/plugin-joomla/proxy` (Node) or `php/portico-joomla-proxy.php`.
 */
export {
  joomla,
  DEFAULT_ARTICLE_URL,
  DEFAULT_CATEGORY_URL,
  DEFAULT_MENU_ITEM_URL,
  type JoomlaSourceOptions,
} from './joomla-source.js';
