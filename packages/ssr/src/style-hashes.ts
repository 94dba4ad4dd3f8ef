import { createHash } from 'node:crypto';
import { PorticoArticleCard } from '@portico/article-card/element';
import { PorticoCategoryMenu } from '@portico/category-menu/element';
import { PorticoOnlineVisitors } from '@portico/online-visitors/element';
import { PorticoSidebarBanners } from '@portico/sidebar-banners/element';
import { PorticoViewCounter } from '@portico/view-counter/element';
import type { CSSResultOrNative } from 'lit';

const WIDGETS = [
  PorticoArticleCard,
  PorticoCategoryMenu,
  PorticoOnlineVisitors,
  PorticoSidebarBanners,
  PorticoViewCounter,
];

/**
 * The Content-Security-Policy sources (`'sha256-…'`) of the `<style>` each widget's
 * server-rendered shadow root holds, one per widget: a page under a policy without
 * `'unsafe-inline'` for styles allows them with
 * `style-src 'self' ${styleHashes().join(' ')}`. They change only when the widgets' styles do.
 */
export function styleHashes(): string[] {
  return WIDGETS.map((widget) => {
    // As @lit-labs/ssr writes it: the class's styles, one after the other, in one <style>.
    const styles = widget as unknown as { finalize(): void; elementStyles: CSSResultOrNative[] };
    styles.finalize();
    const text = styles.elementStyles.map((style) => ('cssText' in style ? style.cssText : '')).join('');
    return `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  });
}
