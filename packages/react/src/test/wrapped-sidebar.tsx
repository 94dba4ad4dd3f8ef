// A small React app: the seed portal's sidebar through @portico/react's components.
import type { Article, Banner, Category, SourceError, VisitorStats } from '@portico/core';
import type { BannerEventDetail } from '@portico/sidebar-banners/element';
import type { Ref } from 'react';
import {
  PorticoArticleCard,
  PorticoCategoryMenu,
  PorticoOnlineVisitors,
  PorticoSidebarBanners,
  PorticoViewCounter,
  type PorticoViewCounterProps,
} from '../index.js';
import type { PorticoViewCounter as PorticoViewCounterElement } from '@portico/view-counter';

export interface SidebarProps {
  lang: string;
  visitors: VisitorStats;
  views: string;
  grouping: NonNullable<PorticoViewCounterProps['grouping']>;
  categories: Category[];
  current: string;
  article: Article;
  banners: Banner[];
  /** A data source for the live counter, which takes its number from nowhere else. */
  liveSource: string;
  counterRef?: Ref<PorticoViewCounterElement>;
  onBannerClick: (detail: BannerEventDetail) => void;
  onSourceError: (error: SourceError) => void;
}

export function WrappedSidebar(props: SidebarProps) {
  return (
    <aside lang={props.lang}>
      <PorticoOnlineVisitors stats={props.visitors} />
      <PorticoViewCounter ref={props.counterRef} value={props.views} grouping={props.grouping} />
      <PorticoViewCounter
        className="live"
        heading="Live"
        source={props.liveSource}
        onPorticoError={(event) => {
          props.onSourceError(event.detail.error);
        }}
      />
      <PorticoCategoryMenu categories={props.categories} current={props.current} />
      <PorticoArticleCard article={props.article} variant="list" headingLevel={2} />
      <PorticoSidebarBanners
        banners={props.banners}
        position="sidebar"
        onPorticoBannerClick={(event) => {
          props.onBannerClick(event.detail);
        }}
      />
    </aside>
  );
}
