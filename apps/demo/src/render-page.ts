import { formatAuthors, formatDate, formatInteger, formatVisitorPhrase, translate, type Article } from '@portico/core';

/** The part of `fixtures/seed-portal.json` the page shows. */
export interface SeedPortal {
  site: { name: string; locale: string };
  visitorStats: { guests: number; members: number };
  viewStats: { total: number | string };
  categories: { id: string; title: string; url: string }[];
  banners: { id: string; title: string; url?: string }[];
  articles: Article[];
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** CMS text is text: every value goes into the page escaped. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character] ?? character);
}

/**
 * The placeholder portal page, rendered on the server with @portico/core until the widgets
 * exist: the seed's menu, article heading and sidebar boxes, with the seed's exact texts.
 */
export function renderPortalPage(seed: SeedPortal): string {
  const locale = 'vi';
  const [article] = seed.articles;
  const menu = seed.categories
    .map((category) => `<li><a href="${escapeHtml(category.url)}">${escapeHtml(category.title)}</a></li>`)
    .join('');
  const banners = seed.banners.map((banner) => `<li>${escapeHtml(banner.title)}</li>`).join('');
  const articleBlock = article
    ? `<article>
        <h1>${escapeHtml(article.title)}</h1>
        <p><time datetime="${escapeHtml(article.published)}">${escapeHtml(formatDate(article.published, { locale }))}</time></p>
        <p>${article.source ? `(${escapeHtml(article.source)})- ` : ''}${escapeHtml(article.lead ?? '')}</p>
        <p>${escapeHtml(formatAuthors(article.authors, locale))}</p>
      </article>`
    : '';
  return `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>${escapeHtml(seed.site.name)} · Portico demo</title>
    <meta name="description" content="The seed portal page, rebuilt from Portico.">
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 64rem; padding: 1rem; color-scheme: light dark; }
      .layout { display: grid; gap: 2rem; grid-template-columns: minmax(0, 1fr); }
      @media (min-width: 48rem) { .layout { grid-template-columns: minmax(0, 1fr) 16rem; } }
      nav ul, aside ul { list-style: none; padding: 0; }
      nav ul { display: flex; flex-wrap: wrap; gap: 1rem; }
      .notice { border: 1px dashed; padding: 0.5rem 1rem; }
    </style>
  </head>
  <body>
    <header>
      <p><strong>${escapeHtml(seed.site.name)}</strong></p>
      <nav aria-label="Chuyên mục"><ul>${menu}</ul></nav>
    </header>
    <p class="notice" lang="en">Placeholder: this page becomes the portal composed from Portico's widgets as they land.</p>
    <div class="layout">
      <main>${articleBlock}</main>
      <aside>
        <ul>${banners}</ul>
        <section><h2>${escapeHtml(translate('ONLINE_TITLE', locale))}</h2><p>${escapeHtml(formatVisitorPhrase(seed.visitorStats, locale))}</p></section>
        <section><h2>${escapeHtml(translate('VIEW_HITS_TITLE', locale))}</h2><p>${escapeHtml(formatInteger(seed.viewStats.total, { locale, grouping: 'off' }))}</p></section>
      </aside>
    </div>
  </body>
</html>
`;
}
