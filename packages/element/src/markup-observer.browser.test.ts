import { html, LitElement } from 'lit';
import { describe, expect, it, vi } from 'vitest';
import { MarkupObserver } from './markup-observer.js';

class MarkupReader extends LitElement {
  static override properties = { label: { reflect: true } };
  declare label: string | undefined;
  changes = 0;

  constructor() {
    super();
    new MarkupObserver(this, () => {
      this.changes += 1;
    });
  }

  override render() {
    return html`<slot></slot>`;
  }
}
customElements.define('portico-markup-observer-test', MarkupReader);

/** Lets the observer's records arrive (they come in a microtask). */
const settle = () => new Promise((resolve) => setTimeout(resolve));

describe('MarkupObserver', () => {
  it('reports a change anywhere in the light DOM, not the widget’s own attributes, and stops when disconnected', async () => {
    const reader = new MarkupReader();
    reader.innerHTML = '<ul><li><a href="/a">A</a></li></ul>';
    document.body.append(reader);
    await reader.updateComplete;
    await settle();
    expect(reader.changes).toBe(0);

    reader.querySelector('ul')?.append(document.createElement('li'));
    await vi.waitFor(() => {
      expect(reader.changes).toBe(1);
    });
    reader.querySelector('a')?.setAttribute('href', '/b');
    await vi.waitFor(() => {
      expect(reader.changes).toBe(2);
    });
    const text = reader.querySelector('a')?.firstChild;
    if (text) text.textContent = 'B';
    await vi.waitFor(() => {
      expect(reader.changes).toBe(3);
    });

    reader.label = 'reflected';
    reader.setAttribute('lang', 'vi');
    await reader.updateComplete;
    await settle();
    expect(reader.getAttribute('label'), 'the property reflected').toBe('reflected');
    expect(reader.changes, 'the widget’s own attributes').toBe(3);

    reader.remove();
    reader.querySelector('ul')?.replaceChildren();
    await settle();
    expect(reader.changes).toBe(3);
  });
});
