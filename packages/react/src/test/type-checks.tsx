// Type tests, checked by `tsc -p tsconfig.json` (npm run typecheck) and never run: what must
// compile does, and each `@ts-expect-error` fails the check if its line ever compiles.
import type { SourceError } from '@portico/core';
import type { PorticoViewCounter as PorticoViewCounterElement } from '@portico/view-counter';
import { createRef } from 'react';
import type {} from '../jsx.js';
import {
  PorticoArticleCard,
  PorticoOnlineVisitors,
  PorticoSidebarBanners,
  PorticoViewCounter,
  type PorticoElementEvents,
  type PorticoTagName,
} from '../index.js';

const counter = createRef<PorticoViewCounterElement>();

export const wrappedComponents = [
  <PorticoViewCounter ref={counter} value={18116910n} grouping="off" lang="vi" className="views" />,
  <PorticoOnlineVisitors stats={{ guests: 69, members: 0 }} headingLevel={2} live={false} />,
  <PorticoSidebarBanners
    onPorticoBannerClick={(event) => {
      const id: string = event.detail.id;
      return id;
    }}
    onPorticoError={(event) => {
      const error: SourceError = event.detail.error;
      return error;
    }}
  />,
  // @ts-expect-error `grouping` is 'auto' or 'off'.
  <PorticoViewCounter grouping="none" />,
  // @ts-expect-error `stats` is a VisitorStats, whose counts are numbers.
  <PorticoOnlineVisitors stats={{ guests: 'many', members: 0 }} />,
  // @ts-expect-error `headingLevel` is 1 to 6.
  <PorticoOnlineVisitors headingLevel={7} />,
  // @ts-expect-error `headingLevel` is 1 to 6 on the article card too.
  <PorticoArticleCard headingLevel={7} />,
  // @ts-expect-error No such property.
  <PorticoViewCounter groupin="off" />,
  <PorticoSidebarBanners
    onPorticoBannerClick={(event) => {
      // @ts-expect-error A banner click's detail has no `href`.
      const detail: { href: string } = event.detail;
      return detail;
    }}
  />,
  // @ts-expect-error The view counter dispatches no banner clicks.
  <PorticoViewCounter onPorticoBannerClick={() => undefined} />,
];

export const nativeTags = [
  <portico-view-counter ref={counter} value="18116910" grouping="off" heading-level="2" lang="vi" />,
  <portico-online-visitors stats={{ guests: 69, members: 0 }} no-heading />,
  <portico-sidebar-banners
    rotate={8}
    onportico-banner-click={(event) => {
      const id: string = event.detail.id;
      return id;
    }}
  />,
  // @ts-expect-error `grouping` is 'auto' or 'off'.
  <portico-view-counter grouping="none" />,
  // @ts-expect-error `heading-level` is 1 to 6.
  <portico-view-counter heading-level="7" />,
  // @ts-expect-error `rotate` is set as a property, a number: React 19 would give it the string.
  <portico-sidebar-banners rotate="8" />,
  // @ts-expect-error `banners` is a Banner[].
  <portico-sidebar-banners banners={[{ id: 1 }]} />,
  // (A misspelt name with a hyphen, `onportico-banner-clik`, compiles: JSX lets any hyphenated
  // attribute through, as it does `data-*`.)
];

// Under exactOptionalPropertyTypes (on in this repository), an unset value passes through.
declare const maybeGrouping: 'auto' | 'off' | undefined;
declare const maybeHandler: ((event: CustomEvent<{ error: SourceError }>) => void) | undefined;
export const passedThrough = [
  <PorticoViewCounter grouping={maybeGrouping} onPorticoError={maybeHandler} />,
  <portico-view-counter grouping={maybeGrouping} onportico-error={maybeHandler} />,
];

// Every tag is in HTMLElementTagNameMap, and every event of every tag is in
// HTMLElementEventMap with the type the manifests give it, so addEventListener is typed.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type EveryTagDeclared = {
  [Tag in PorticoTagName]: Same<HTMLElementTagNameMap[Tag]['tagName'], string>;
}[PorticoTagName];
type EveryEventDeclared = {
  [Tag in PorticoTagName]: {
    [Name in keyof PorticoElementEvents[Tag]]: Name extends keyof HTMLElementEventMap
      ? Same<HTMLElementEventMap[Name], PorticoElementEvents[Tag][Name]>
      : false;
  }[keyof PorticoElementEvents[Tag]];
}[PorticoTagName];
export const everyTagDeclared: EveryTagDeclared extends true ? true : never = true;
export const everyEventDeclared: EveryEventDeclared extends true ? true : never = true;

export const created: PorticoViewCounterElement = document.createElement('portico-view-counter');
created.addEventListener('portico-error', (event) => {
  const error: SourceError = event.detail.error;
  return error;
});
document.createElement('portico-sidebar-banners').addEventListener('portico-banner-impression', (event) => {
  const position: string | undefined = event.detail.position;
  return position;
});
export const clickDetail = (event: PorticoElementEvents['portico-sidebar-banners']['portico-banner-click']) =>
  event.detail.position;

// The events bubble out of the widgets: typed on the document and the window too.
export function listenAbove(): void {
  document.addEventListener('portico-banner-click', (event) => {
    event.detail.id satisfies string;
  });
  window.addEventListener('portico-error', (event) => {
    event.detail.error.retryable satisfies boolean;
  });
}
