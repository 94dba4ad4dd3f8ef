/// <reference types="node" />
// What the generator reads from the widgets' custom-elements.json: every widget, what a
// framework may set on it, and each event's detail type (from the `@event` descriptions, so
// a reworded description that loses its type shows here, not as `CustomEvent<unknown>`).
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readWidgets } from '../../../tooling/widget-manifests.mjs';

const widgets = readWidgets(fileURLToPath(new URL('..', import.meta.url)));
const widget = (tagName: string) => widgets.find((candidate) => candidate.tagName === tagName)!;

describe('readWidgets', () => {
  it('finds every widget this package depends on, with its class and registering entry', () => {
    expect(widgets.map(({ tagName, className, entry }) => ({ tagName, className, entry }))).toEqual([
      { tagName: 'portico-article-card', className: 'PorticoArticleCard', entry: '@portico/article-card' },
      { tagName: 'portico-category-menu', className: 'PorticoCategoryMenu', entry: '@portico/category-menu' },
      { tagName: 'portico-online-visitors', className: 'PorticoOnlineVisitors', entry: '@portico/online-visitors' },
      { tagName: 'portico-sidebar-banners', className: 'PorticoSidebarBanners', entry: '@portico/sidebar-banners' },
      { tagName: 'portico-view-counter', className: 'PorticoViewCounter', entry: '@portico/view-counter' },
    ]);
  });

  it('takes the public, writable fields, inherited ones too, with their attributes', () => {
    const fields = widget('portico-view-counter').fields;
    expect(fields.map((field) => [field.name, field.attribute])).toEqual(
      expect.arrayContaining([
        ['value', 'value'],
        ['grouping', 'grouping'],
        ['headingLevel', 'heading-level'],
        ['live', 'live'],
        ['source', 'source'],
      ]),
    );
    const names = fields.map((field) => field.name);
    expect(names, 'read-only').not.toContain('locale');
    expect(names, 'protected').not.toContain('defaultHeadingKey');
    expect(names, 'private').not.toContain('currentValue');
    expect(widget('portico-online-visitors').fields).toContainEqual(expect.objectContaining({ name: 'stats' }));
    // A property the README documents, without an attribute.
    expect(widget('portico-sidebar-banners').fields).toContainEqual({
      name: 'random',
      attribute: undefined,
      description: expect.stringContaining('The random source of `order="random"`') as string,
    });
  });

  it('types every event’s detail, importing the type from where it is exported', () => {
    for (const { tagName, events } of widgets) {
      for (const event of events) expect(event.detail, `${tagName} ${event.name}`).not.toBe('unknown');
    }
    expect(widget('portico-sidebar-banners').events.map(({ name, detail }) => ({ name, detail }))).toEqual([
      { name: 'portico-banner-impression', detail: 'BannerEventDetail' },
      { name: 'portico-banner-click', detail: 'BannerEventDetail' },
      { name: 'portico-error', detail: '{ error: SourceError }' },
    ]);
    expect(widget('portico-sidebar-banners').typeImports).toEqual(
      new Map([
        ['@portico/sidebar-banners/element', new Set(['BannerEventDetail'])],
        ['@portico/core', new Set(['SourceError'])],
      ]),
    );
  });
});
