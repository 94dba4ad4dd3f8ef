/**
 * Whether a tag is one of Portico's widgets (`portico-*`). Give it to Vue's template compiler
 * as `compilerOptions.isCustomElement`, so that Vue leaves the tags to the browser instead of
 * looking for Vue components of those names.
 */
export function isPorticoElement(tag: string): boolean {
  return tag.startsWith('portico-');
}
