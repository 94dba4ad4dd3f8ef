import type { Article } from '@portico/core';
import { html, renderPage, widget } from '@portico/ssr';
import { nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { BANNER_POSITION, LATEST_COUNT, type PortalContent } from './content.js';
import { PAGE_LOCALES, PAGE_TEXT, type PageLocale } from './page-text.js';
import { localizeCategories, localizePath, type PortalPage } from './routes.js';

/** Where the built page finds Portico's CDN build and its own styles. */
export const ASSETS = '/assets';
/** Where the demo server mounts the stats service. */
export const STATS_BASE = '/stats';
/** Seconds between the live widgets' polls: short, so a new visitor shows up soon. */
export const LIVE_INTERVAL_SECONDS = 10;

/** An article's links into the given language's pages; its text stays as written. */
function localizeArticle(article: Article, locale: PageLocale): Article {
  return article.url ? { ...article, url: localizePath(article.url, locale) } : article;
}

/** The `data-portico` block: the stats service as the live widgets' `stats` source. */
function configurationBlock(page: PortalPage): string {
  const stats = { type: 'stats', baseUrl: STATS_BASE, path: page.statsPath, countView: page.countsView };
  const config = { sources: { stats } };
  // `<` escaped so no text can close the script element.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<script type="application/json" data-portico>${json}</script>`;
}

/**
 * The articles as cards, a list of links to them: only real articles, never placeholders. Their
 * titles are headings one level under the heading the list is under.
 */
function articleList(articles: readonly Article[], locale: PageLocale, headingLevel: 2 | 3): unknown {
  return html`<ul class="card-list">
    ${articles.map(
      (article) =>
        html`<li>
          ${widget('portico-article-card', {
            attributes: { variant: 'list', 'heading-level': headingLevel, 'lead-lines': 3 },
            properties: { article: localizeArticle(article, locale) },
          })}
        </li>`,
    )}
  </ul>`;
}

function mainContent(page: PortalPage, content: PortalContent): unknown {
  const { locale, article, category } = page;
  const text = PAGE_TEXT[locale];
  if (page.notFound) {
    return html`<h1>${text.notFoundTitle}</h1>
      <p>${text.notFoundText}</p>
      <p><a href=${localizePath('/', locale)}>${text.backHome}</a></p>`;
  }
  if (article) {
    // The latest news besides the article shown: none when the portal has no other (the seed has one).
    const latest = content.articles.filter((other) => other.id !== article.id).slice(0, LATEST_COUNT);
    return html`${
      category
        ? html`<p class="section-name">
            <a href=${localizePath(category.url, locale)} lang=${category.lang ?? nothing}>${category.title}</a>
          </p>`
        : nothing
    }
    ${widget('portico-article-card', {
      attributes: { variant: 'full', 'heading-level': 1 },
      properties: { article: localizeArticle(article, locale) },
    })}
    ${
      latest.length
        ? html`<section class="latest" aria-labelledby="latest-heading">
            <h2 id="latest-heading">${text.latestHeading}</h2>
            ${articleList(latest, locale, 3)}
          </section>`
        : nothing
    }`;
  }
  const articles = content.articles.filter((candidate) => candidate.categoryId === category?.id);
  return html`<h1 lang=${category?.lang ?? nothing}>${category?.title ?? content.site.name}</h1>
    ${articles.length ? articleList(articles, locale, 2) : html`<p class="empty">${text.emptyCategory}</p>`}`;
}

function pageTitle(page: PortalPage, content: PortalContent): string {
  const text = PAGE_TEXT[page.locale];
  const heading = page.notFound ? text.notFoundTitle : (page.article?.title ?? page.category?.title);
  return heading ? `${heading} · ${content.site.name}` : content.site.name;
}

function pageDescription(page: PortalPage, content: PortalContent): string {
  const text = PAGE_TEXT[page.locale];
  if (page.article) return text.articleDescription(page.article.title, content.site.name);
  if (page.category) return text.categoryDescription(page.category.title, content.site.name);
  return text.tagline;
}

/**
 * One page of the demo portal as finished HTML: the seed page's layout built from Portico's
 * five widgets, pre-rendered with `@portico/ssr` (declarative shadow DOM) so the article, the
 * menu's links and the cards' titles are in the HTML the server sends; the CDN build then
 * hydrates the widgets in place, and the live ones follow the stats service.
 */
export async function renderPortalPage(page: PortalPage, content: PortalContent): Promise<string> {
  const { locale } = page;
  const text = PAGE_TEXT[locale];
  const otherLocales = PAGE_LOCALES.filter((other) => other !== locale);
  const template = html`<!doctype html>
    <html lang=${locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${pageTitle(page, content)}</title>
        <meta name="description" content=${pageDescription(page, content)} />
        <meta name="color-scheme" content="light dark" />
        <link rel="icon" href="${ASSETS}/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="${ASSETS}/portico.css" />
        <link rel="stylesheet" href="${ASSETS}/site.css" />
        <script type="module" src="${ASSETS}/portico.js"></script>
        ${unsafeHTML(configurationBlock(page))}
      </head>
      <body>
        <a class="skip-link" href="#main">${text.skipLink}</a>
        <header class="site-header">
          <div class="masthead">
            <p class="site-name"><a href=${localizePath('/', locale)}>${content.site.name}</a></p>
            <p class="tagline">${text.tagline}</p>
            <p class="language-switch">
              ${otherLocales.map(
                (other) =>
                  html`<a href=${page.alternates[other]} hreflang=${other} lang=${other}
                    >${PAGE_TEXT[other].languageName}</a
                  >`,
              )}
            </p>
          </div>
          ${widget('portico-category-menu', {
            // Not folded behind a menu button on phones: the fold is decided once the width is
            // known, after hydration, and would move the page (CLS); three links wrap well.
            attributes: {
              orientation: 'horizontal',
              current: page.category ? localizePath(page.category.url, locale) : undefined,
            },
            properties: { categories: localizeCategories(content.categories, locale) },
          })}
        </header>
        <div class="layout">
          <main id="main" tabindex="-1">${mainContent(page, content)}</main>
          <aside class="sidebar" aria-label=${text.sidebarLabel}>
            ${widget('portico-sidebar-banners', {
              attributes: { position: BANNER_POSITION, label: text.bannersLabel },
              properties: {
                banners: content.banners.map((banner) =>
                  banner.url ? { ...banner, url: localizePath(banner.url, locale) } : banner,
                ),
              },
            })}
            ${widget('portico-online-visitors', {
              attributes: { source: 'stats', interval: LIVE_INTERVAL_SECONDS, 'heading-level': 2 },
            })}
            ${widget('portico-view-counter', {
              attributes: {
                source: 'stats',
                value: content.viewTotal,
                grouping: 'off',
                interval: LIVE_INTERVAL_SECONDS,
                'heading-level': 2,
              },
            })}
          </aside>
        </div>
        <footer class="site-footer">
          <p>${text.footer(content.site.name, content.site.shortName)}</p>
          <p>${text.footerNote}</p>
        </footer>
      </body>
    </html>`;
  return renderPage(template, { lang: locale, url: `http://portal.invalid${page.path}` });
}
