import { LitElement } from 'lit';
import { describe, expect, it } from 'vitest';
import { defineElement } from './define.js';

describe('defineElement', () => {
  it('registers a tag, and a second registration (a second copy of Portico) neither throws nor replaces it', () => {
    class First extends LitElement {}
    class Second extends LitElement {}
    defineElement('portico-define-test', First);
    expect(() => {
      defineElement('portico-define-test', Second);
    }).not.toThrow();
    expect(customElements.get('portico-define-test')).toBe(First);
  });
});
