/** The languages the demo page is offered in; the first is the default, served at `/`. */
export const PAGE_LOCALES = ['vi', 'en'] as const;
export type PageLocale = (typeof PAGE_LOCALES)[number];

/** The page's own words (the widgets bring theirs): header, landmarks, list, footer. */
export interface PageText {
  /** The language's own name, on the switch that leads to it. */
  languageName: string;
  tagline: string;
  skipLink: string;
  menuLabel: string;
  sidebarLabel: string;
  /** The sidebar banners' list, as other boxes there have headings. */
  bannersLabel: string;
  latestHeading: string;
  emptyCategory: string;
  notFoundTitle: string;
  notFoundText: string;
  backHome: string;
  categoryDescription: (category: string, site: string) => string;
  articleDescription: (title: string, site: string) => string;
  footer: (site: string, shortName: string) => string;
  footerNote: string;
}

export const PAGE_TEXT: Record<PageLocale, PageText> = {
  vi: {
    languageName: 'Tiếng Việt',
    tagline: 'Cổng thông tin điện tử · trang minh họa Portico',
    skipLink: 'Bỏ qua, đến nội dung chính',
    menuLabel: 'Chuyên mục',
    sidebarLabel: 'Thông tin bên lề',
    bannersLabel: 'Liên kết',
    latestHeading: 'Tin mới',
    emptyCategory: 'Chuyên mục này chưa có bài viết.',
    notFoundTitle: 'Không tìm thấy trang',
    notFoundText: 'Trang bạn tìm không có trên cổng thông tin này.',
    backHome: 'Về trang chủ',
    categoryDescription: (category, site) => `Các bài viết của chuyên mục ${category}, ${site}.`,
    articleDescription: (title, site) => `${title}. Bài viết của ${site}.`,
    footer: (site, shortName) => `Nội dung: ${site} (${shortName}).`,
    footerNote: 'Trang được dựng lại từ các thành phần Portico để minh họa.',
  },
  en: {
    languageName: 'English',
    tagline: 'Government portal · a Portico demo page',
    skipLink: 'Skip to main content',
    menuLabel: 'Categories',
    sidebarLabel: 'Sidebar',
    bannersLabel: 'Links',
    latestHeading: 'Latest news',
    emptyCategory: 'This category has no articles yet.',
    notFoundTitle: 'Page not found',
    notFoundText: 'The page you are looking for is not on this portal.',
    backHome: 'Back to the home page',
    categoryDescription: (category, site) => `Articles of the category ${category}, ${site} (in Vietnamese).`,
    articleDescription: (title, site) => `${title}. An article of ${site}, in Vietnamese.`,
    footer: (site, shortName) => `Content: ${site} (${shortName}).`,
    footerNote: 'This page is rebuilt from Portico’s components as a demonstration.',
  },
};
