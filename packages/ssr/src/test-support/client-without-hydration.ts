// The widgets without `@portico/ssr/hydrate`: what a page that forgets it gets.
import '@portico/online-visitors';
import '@portico/view-counter';
import '@portico/category-menu';
import '@portico/article-card';
import '@portico/sidebar-banners';
