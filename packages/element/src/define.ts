/**
 * Registers a custom element unless its tag is already taken, so that two copies of
 * Portico on one page (a CMS extension's bundle beside the site's CDN build) never throw.
 * The first registration wins; the second copy's widgets are the same tags and keep working.
 */
export function defineElement(tagName: string, elementClass: CustomElementConstructor): void {
  if (typeof customElements === 'undefined' || customElements.get(tagName)) return;
  customElements.define(tagName, elementClass);
}
