import { definePhrases } from '@portico/core';
import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { closestLanguage, LocaleController } from './locale-controller.js';
import { defineElement } from './define.js';

class LocaleProbe extends LitElement {
  readonly language = new LocaleController(this);
  override render() {
    return html`${this.language.locale}: ${this.language.current.definition.phrases.ONLINE_TITLE}`;
  }
}
defineElement('portico-locale-probe', LocaleProbe);

const cleanUp: (() => void)[] = [];
afterEach(() => {
  cleanUp.splice(0).forEach((undo) => {
    undo();
  });
});

function attach(markup: string): HTMLElement {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  cleanUp.push(() => {
    host.remove();
  });
  return host;
}

describe('closestLanguage', () => {
  it('finds the closest lang, skips empty ones and crosses shadow roots', () => {
    const host = attach('<section lang="vi"><div lang=""><span id="inner"></span></div></section>');
    expect(closestLanguage(host.querySelector('#inner')!)).toBe('vi');

    const shadowHost = host.querySelector('div')!;
    const root = shadowHost.attachShadow({ mode: 'open' });
    root.innerHTML = '<p id="in-shadow"></p>';
    expect(closestLanguage(root.querySelector('#in-shadow')!)).toBe('vi');
  });
});

describe('LocaleController', () => {
  it('re-renders when an ancestor’s lang changes, and when phrases are overridden', async () => {
    const host = attach('<article lang="vi"><portico-locale-probe></portico-locale-probe></article>');
    const probe = host.querySelector<LocaleProbe>('portico-locale-probe')!;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).toBe('vi: Truy cập hiện tại');

    host.querySelector('article')!.lang = 'en-GB';
    await vi.waitFor(() => {
      expect(probe.shadowRoot!.textContent).toBe("en-GB: Who's Online");
    });

    cleanUp.push(definePhrases('en', { ONLINE_TITLE: 'Online now' }));
    await vi.waitFor(() => {
      expect(probe.shadowRoot!.textContent).toBe('en-GB: Online now');
    });
  });

  it('follows lang changes inside shadow roots: its own, and an ancestor’s there', async () => {
    const outer = attach('<div></div>').querySelector('div')!;
    const root = outer.attachShadow({ mode: 'open' });
    root.innerHTML = '<section lang="vi"><portico-locale-probe lang="vi"></portico-locale-probe></section>';
    const probe = root.querySelector<LocaleProbe>('portico-locale-probe')!;
    await probe.updateComplete;
    expect(probe.shadowRoot!.textContent).toBe('vi: Truy cập hiện tại');

    probe.lang = 'en';
    await vi.waitFor(() => {
      expect(probe.shadowRoot!.textContent).toBe("en: Who's Online");
    });
    probe.removeAttribute('lang');
    root.querySelector('section')!.lang = 'en-GB';
    await vi.waitFor(() => {
      expect(probe.shadowRoot!.textContent).toBe("en-GB: Who's Online");
    });
  });
});
