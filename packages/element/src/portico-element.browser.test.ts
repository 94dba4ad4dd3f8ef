// PorticoElement in server-rendered markup: what counts as fallback markup, and a declarative
// shadow root without Lit's hydration support (`@portico/ssr` tests it with).
import { defineLocale, formatInteger } from '@portico/core';
import markupShowingNothing from '../../../fixtures/markup-showing-nothing.json' with { type: 'json' };
import { html } from 'lit';
import { property, state } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement } from './define.js';
import { PorticoElement } from './portico-element.js';

class Probe extends PorticoElement {
  @property({ attribute: false }) stats: { guests: number } | undefined;
  @property() heading: string | undefined;
  @property({ type: Number, reflect: true }) count: unknown = 0;
  @state() private secret = 'kept';
  renders = 0;

  override render() {
    this.renders += 1;
    return html`<p>${this.heading ?? '—'}: ${this.stats?.guests ?? '—'} (${this.secret})</p>
      <span>${this.hasServerMarkup() ? 'markup' : 'no markup'}</span>`;
  }
}
defineElement('portico-element-probe', Probe);

class PhraseProbe extends PorticoElement {
  override render() {
    return html`${this.locale}: ${this.phrase('ONLINE_TITLE')} (${formatInteger(1200, { locale: this.locale })})`;
  }
}
defineElement('portico-element-phrase-probe', PhraseProbe);

const holders: HTMLElement[] = [];
afterEach(() => {
  holders.splice(0).forEach((holder) => {
    holder.remove();
  });
  vi.restoreAllMocks();
});

async function mount(markup: string): Promise<Probe> {
  const holder = document.createElement('div');
  holder.setHTMLUnsafe(markup);
  document.body.append(holder);
  holders.push(holder);
  const element = holder.querySelector<Probe>('portico-element-probe')!;
  await element.updateComplete;
  return element;
}

const text = (element: Probe): string => element.shadowRoot!.textContent.replace(/\s+/g, ' ').trim();

describe('PorticoElement in server-rendered markup', () => {
  it('counts text and elements as server markup, but not a script or a template', async () => {
    const markup = await mount('<portico-element-probe><p>69 khách</p></portico-element-probe>');
    expect(text(markup)).toContain(' markup');
    const hidden = await mount(`<portico-element-probe>
      <template><p>x</p></template>
      <script type="application/json" data-portico-properties>{"stats": {"guests": 69}}</script>
      <h3 slot="heading">x</h3>
    </portico-element-probe>`);
    expect(text(hidden)).toContain('no markup');
    for (const shows of ['<a href="/x"><img src="/a.png" alt=""></a>', '<ul><li><a>Tin</a></li></ul>']) {
      const element = await mount(`<portico-element-probe>${shows}</portico-element-probe>`);
      expect(text(element), shows).toContain(' markup');
    }
    // Markup that shows nothing: the widget shows its own fallback, not a blank box.
    for (const blank of markupShowingNothing) {
      const element = await mount(`<portico-element-probe>${blank}</portico-element-probe>`);
      expect(text(element), blank).toContain('no markup');
    }
  });

  it('takes the properties the server rendered it with from their block, and none of the DOM’s own', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const element = await mount(`<portico-element-probe heading="Truy cập">
      <script type="application/json" data-portico-properties>
        {"stats": {"guests": 69}, "innerHTML": "<img src=x onerror=window.__porticoPwned=1>"}
      </script>
    </portico-element-probe>`);
    expect(text(element)).toBe('Truy cập: 69 (kept) no markup');
    expect(element.querySelector('img')).toBeNull();
    expect(warn).toHaveBeenCalledWith(
      '<portico-element-probe>: data-portico-properties cannot set "innerHTML"; not used.',
      element,
    );
    // Read once: taken out of the page and put back, the widget keeps what a script set since.
    element.stats = { guests: 12 };
    const holder = element.parentElement!;
    element.remove();
    holder.append(element);
    await element.updateComplete;
    expect(text(element)).toBe('Truy cập: 12 (kept) no markup');

    const broken = await mount(`<portico-element-probe>
      <script type="application/json" data-portico-properties>["stats"]</script>
    </portico-element-probe>`);
    expect(text(broken)).toBe('—: — (kept) no markup');
    expect(warn).toHaveBeenCalledWith(
      '<portico-element-probe>: its data-portico-properties block is not a JSON object; not used.',
      broken,
    );
  });

  it('lets a script’s assignment made before the upgrade win over the server’s properties', async () => {
    const holder = document.createElement('div');
    holder.setHTMLUnsafe(`<portico-element-late-probe>
      <script type="application/json" data-portico-properties>{"stats": {"guests": 69}}</script>
    </portico-element-late-probe>`);
    document.body.append(holder);
    holders.push(holder);
    const element = holder.firstElementChild as Probe;
    element.stats = { guests: 5 };
    defineElement('portico-element-late-probe', class extends Probe {});
    await element.updateComplete;
    expect(text(element)).toBe('—: 5 (kept) no markup');
  });

  it('renders anew over a server-rendered shadow root when Lit has no hydration support', async () => {
    const element = await mount(`<portico-element-probe heading="Truy cập">
      <template shadowrootmode="open"><p>server: 69</p></template>
    </portico-element-probe>`);
    expect(text(element)).toBe('Truy cập: — (kept) no markup');
    expect(element.shadowRoot!.querySelectorAll('p')).toHaveLength(1);
    expect(element.renders).toBe(1);
  });
});

describe('PorticoElement’s language', () => {
  it('shows an added locale’s phrases where Intl does not know the language, with English numbers', async () => {
    expect(Intl.NumberFormat.supportedLocalesOf('tlh'), 'Intl does not know it').toEqual([]);
    const remove = defineLocale('tlh', { phrases: { ONLINE_TITLE: 'ghom' } });
    try {
      const holder = document.createElement('div');
      holder.innerHTML = '<portico-element-phrase-probe lang="tlh"></portico-element-phrase-probe>';
      document.body.append(holder);
      holders.push(holder);
      const element = holder.querySelector<PhraseProbe>('portico-element-phrase-probe')!;
      await element.updateComplete;
      expect(element.shadowRoot!.textContent).toBe('tlh: ghom (1,200)');
    } finally {
      remove();
    }
  });

  it('reads lang="vn", a country code Vietnamese sites often give, as Vietnamese, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const holder = document.createElement('div');
      holder.innerHTML = '<div lang="vn"><portico-element-phrase-probe></portico-element-phrase-probe></div>';
      document.body.append(holder);
      holders.push(holder);
      const element = holder.querySelector<PhraseProbe>('portico-element-phrase-probe')!;
      await element.updateComplete;
      expect(element.shadowRoot!.textContent).toBe('vi: Truy cập hiện tại (1.200)');
      expect(warn.mock.calls.map(([said]) => String(said))).toEqual([
        '<portico-element-phrase-probe>: lang="vn" is a country code, not a language; showing "vi".',
      ]);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('PorticoElement reflected properties', () => {
  it('declares them without a Lit development-mode warning (the console an integrator sees while developing)', () => {
    const issued = [...((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings ?? [])];
    expect(issued.join('\n'), 'Lit runs in development mode here').toMatch(/Lit is in dev mode/);
    expect(issued.filter((warning) => /Overriding|deprecated/.test(warning))).toEqual([]);
  });

  it('reflects a value that cannot be text as no attribute, without throwing out of the update', async () => {
    const element = await mount('<portico-element-probe></portico-element-probe>');
    element.count = 12;
    source(element, 'site');
    await element.updateComplete;
    expect(element.getAttribute('count')).toBe('12');
    expect(element.getAttribute('source')).toBe('site');
    const broken = { toString: 'not a function' };
    element.count = broken;
    source(element, [broken]);
    await expect(element.updateComplete).resolves.toBe(true);
    expect(element.hasAttribute('count')).toBe(false);
    expect(element.hasAttribute('source')).toBe(false);
    expect(text(element), 'still rendered').toContain('(kept)');
    element.setAttribute('count', '7');
    await element.updateComplete;
    expect(element.count, 'attributes still read as numbers').toBe(7);
  });
});

/** Sets `source`, typed as a string, to whatever a careless script might give. */
function source(element: Probe, value: unknown): void {
  (element as { source: unknown }).source = value;
}

describe('PorticoElement in a hidden container', () => {
  it('stays hidden with the container (a closed off-canvas panel), so nothing in it takes focus unseen', async () => {
    const element = await mount(
      `<div style="visibility: hidden"><portico-element-probe heading="Tin tức"></portico-element-probe></div>`,
    );
    const shown = element.shadowRoot!.querySelector('p')!;
    expect(shown.checkVisibility({ visibilityProperty: true })).toBe(false);
    element.parentElement!.style.visibility = 'visible';
    expect(shown.checkVisibility({ visibilityProperty: true })).toBe(true);
  });
});
