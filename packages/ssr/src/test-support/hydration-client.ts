// The browser side of the hydration test: hydration support first, then the widgets, as a
// page that server-renders Portico loads them.
import '../hydrate.js';
import '@portico/online-visitors';
import '@portico/view-counter';
import '@portico/category-menu';
import '@portico/article-card';
import '@portico/sidebar-banners';
