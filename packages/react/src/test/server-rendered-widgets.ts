// Each component with props of every kind, and the attributes React's server renderer must
// write for them: shared by the Node test (the server's HTML) and the Chromium test (the same
// HTML hydrated), so both hold the server and the client to one list. Each case gives the
// reflected properties' values too (`mode`, `grouping`, …): the widgets add those attributes
// as they upgrade, and React, asked to compare every attribute, would report them as extra.
import { seed } from '@portico/test-helpers/seed';
import type { FunctionComponent } from 'react';
import {
  PorticoArticleCard,
  PorticoCategoryMenu,
  PorticoOnlineVisitors,
  PorticoSidebarBanners,
  PorticoViewCounter,
} from '../index.js';

export interface ServerRenderedWidget {
  component: FunctionComponent<Record<string, unknown>>;
  props: Record<string, unknown>;
  tag: string;
  /**
   * Exactly the attributes of the server's start tag: none for objects, handlers or `false`,
   * except `live`, on by default, whose `false` is `live="off"` (and whose `true` is none).
   */
  attributes: Record<string, string>;
}

const handler = () => undefined;

function fromSeed<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The seed fixture lacks what these cases use.');
  return value;
}
const article = fromSeed(seed.articles[0]);
const currentCategoryUrl = fromSeed(seed.categories[1]).url;

const serverRenderedWidgets = [
  {
    component: PorticoOnlineVisitors,
    props: { guests: 69, members: 0, lang: 'vi', mode: 'count', headingLevel: 2, noHeading: true, live: false },
    tag: 'portico-online-visitors',
    attributes: {
      guests: '69',
      members: '0',
      lang: 'vi',
      mode: 'count',
      'heading-level': '2',
      'no-heading': '',
      live: 'off',
    },
  },
  {
    component: PorticoOnlineVisitors,
    props: {
      stats: seed.visitorStats,
      mode: 'both',
      interval: 60,
      live: true,
      heading: 'Trực tuyến',
      onPorticoError: handler,
    },
    tag: 'portico-online-visitors',
    attributes: { mode: 'both', interval: '60', heading: 'Trực tuyến' },
  },
  {
    component: PorticoViewCounter,
    props: {
      value: 18116910n,
      grouping: 'off',
      notation: 'compact',
      digits: 'tiles',
      path: '/tin-tuc',
      live: false,
      lang: 'vi',
    },
    tag: 'portico-view-counter',
    attributes: {
      value: '18116910',
      grouping: 'off',
      notation: 'compact',
      digits: 'tiles',
      path: '/tin-tuc',
      live: 'off',
      lang: 'vi',
    },
  },
  {
    component: PorticoCategoryMenu,
    props: {
      categories: seed.categories,
      orientation: 'horizontal',
      current: currentCategoryUrl,
      label: 'Chuyên mục',
      showCounts: true,
      maxDepth: 2,
      collapseBelow: 640,
      onPorticoError: handler,
    },
    tag: 'portico-category-menu',
    attributes: {
      orientation: 'horizontal',
      current: currentCategoryUrl,
      label: 'Chuyên mục',
      'show-counts': '',
      'max-depth': '2',
      'collapse-below': '640',
    },
  },
  {
    component: PorticoArticleCard,
    props: {
      article: article,
      variant: 'list',
      headingLevel: 2,
      articleId: article.id,
      leadLines: 2,
      readingTime: true,
      timeZone: 'Asia/Ho_Chi_Minh',
    },
    tag: 'portico-article-card',
    attributes: {
      variant: 'list',
      'heading-level': '2',
      'article-id': article.id,
      'lead-lines': '2',
      'reading-time': '',
      'time-zone': 'Asia/Ho_Chi_Minh',
    },
  },
  {
    component: PorticoSidebarBanners,
    props: {
      banners: seed.banners,
      position: 'sidebar',
      rotate: 8,
      order: 'ordering',
      limit: 3,
      label: 'Quảng cáo',
      source: 'site',
      className: 'ads',
      onPorticoBannerClick: handler,
    },
    tag: 'portico-sidebar-banners',
    attributes: {
      position: 'sidebar',
      rotate: '8',
      order: 'ordering',
      limit: '3',
      label: 'Quảng cáo',
      source: 'site',
      class: 'ads',
    },
  },
] as ServerRenderedWidget[];

/** The cases for `it.each`: each named by its component and the attributes it writes. */
export const serverRenderedCases = serverRenderedWidgets.map(
  (widget) => [widget.component.displayName ?? widget.tag, Object.keys(widget.attributes).join(' '), widget] as const,
);
