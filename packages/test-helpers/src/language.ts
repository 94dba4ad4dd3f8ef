/**
 * The language a screen reader reads a node's text in: the closest `lang` on it or an ancestor,
 * across shadow roots (`null` for none). Read from the attributes, as the accessibility tree is.
 */
export function languageOf(node: Node): string | null {
  for (let current: Node | null = node; current;) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang');
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return null;
}

/** The first element in `root` (open shadow roots included) whose own text contains `text`. */
export function elementWithText(root: Element, text: string): Element {
  const inside = (scope: ParentNode): Element | undefined => {
    for (const element of scope.querySelectorAll('*')) {
      const own = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent?.includes(text),
      );
      if (own) return element;
      const found = element.shadowRoot ? inside(element.shadowRoot) : undefined;
      if (found) return found;
    }
    return undefined;
  };
  const found = inside(root.shadowRoot ?? root);
  if (!found) throw new Error(`no element with the text "${text}" in <${root.localName}>`);
  return found;
}
