/**
 * State that must be one per page even when two copies of Portico are loaded (a CMS
 * extension bundling its own copy beside the site's CDN build, say): it hangs off
 * `globalThis` under a registered symbol, which every copy resolves to the same key.
 * The key carries a version so that a future incompatible shape gets its own slot.
 */
export function pageGlobal<T extends object>(key: string, create: () => T): T {
  const slot = Symbol.for(`portico.${key}`);
  const holder = globalThis as unknown as Record<symbol, T | undefined>;
  let value = holder[slot];
  if (value === undefined) {
    value = create();
    Object.defineProperty(globalThis, slot, { value, configurable: false, enumerable: false, writable: false });
  }
  return value;
}
