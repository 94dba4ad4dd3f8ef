/**
 * @portico/widgets: all five Portico widgets, registered with one import.
 */
export * from '@portico/online-visitors';
export * from '@portico/view-counter';
export * from '@portico/category-menu';
export * from '@portico/article-card';
export * from '@portico/sidebar-banners';
