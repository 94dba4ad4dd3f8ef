// The same app on React 19's own custom-element support: the tags themselves, typed by
// @portico/react/jsx; the widgets are registered by their packages.
import '@portico/article-card';
import '@portico/category-menu';
import '@portico/online-visitors';
import '@portico/sidebar-banners';
import '@portico/view-counter';
import type {} from '../jsx.js';
import type { SidebarProps } from './wrapped-sidebar.js';

export function NativeSidebar(props: SidebarProps) {
  return (
    <aside lang={props.lang}>
      <portico-online-visitors stats={props.visitors} />
      <portico-view-counter ref={props.counterRef} value={props.views} grouping={props.grouping} />
      <portico-view-counter
        className="live"
        heading="Live"
        source={props.liveSource}
        onportico-error={(event) => {
          props.onSourceError(event.detail.error);
        }}
      />
      <portico-category-menu categories={props.categories} current={props.current} />
      <portico-article-card article={props.article} variant="list" heading-level="2" />
      <portico-sidebar-banners
        banners={props.banners}
        position="sidebar"
        onportico-banner-click={(event) => {
          props.onBannerClick(event.detail);
        }}
      />
    </aside>
  );
}
