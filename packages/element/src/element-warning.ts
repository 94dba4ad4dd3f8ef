import { onServer } from './server.js';

/**
 * How a warning names a widget: its tag, with its `id` when it has one
 * (`<portico-article-card id="lead">`), so a page with twelve cards says which.
 */
export function describeElement(element: Element): string {
  return element.id ? `<${element.localName} id=${JSON.stringify(element.id)}>` : `<${element.localName}>`;
}

/**
 * Tells the page's author, in the console, what is wrong with `element`: the message names it,
 * and in a browser the element itself follows, which the developer tools link to the page
 * (hovering it highlights the widget). `details` (an error) come between.
 */
export function warnAbout(element: Element, message: string, ...details: unknown[]): void {
  console.warn(`${describeElement(element)}: ${message}`, ...details, ...(onServer ? [] : [element]));
}
