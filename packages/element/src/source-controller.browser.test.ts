import { registerSource, type Banner } from '@portico/core';
import { createMemorySource } from '@portico/core/testing';
import { html, LitElement } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineElement } from './define.js';
import { SourceController } from './source-controller.js';

/** A minimal widget: the banners of its `position`, from its `source`. */
class BannerProbe extends LitElement {
  static override properties = { source: {}, position: {} };
  source: string | undefined;
  position = 'sidebar';
  readonly data = new SourceController<Banner[]>(
    this,
    () => ({
      name: this.source,
      capability: 'getBanners',
      key: this.position,
      fetch: (source, options) => source.getBanners?.(this.position, options),
    }),
    { registrationTimeout: 100 },
  );
  override render() {
    return html`${this.data.state}:${(this.data.value ?? []).map((banner) => banner.title).join(',')}`;
  }
}
defineElement('portico-banner-probe', BannerProbe);

const cleanUp: (() => void)[] = [];
afterEach(() => {
  cleanUp.splice(0).forEach((undo) => {
    undo();
  });
});

async function probe(attributes: string): Promise<BannerProbe> {
  const host = document.createElement('div');
  host.innerHTML = `<portico-banner-probe ${attributes}></portico-banner-probe>`;
  document.body.append(host);
  cleanUp.push(() => {
    host.remove();
  });
  const element = host.querySelector<BannerProbe>('portico-banner-probe')!;
  await element.updateComplete;
  return element;
}

describe('SourceController', () => {
  it('is idle without a source, then loads, and reloads when its key changes', async () => {
    cleanUp.push(
      registerSource(
        'banner-source',
        createMemorySource({
          banners: [
            { id: 'a', title: 'Tiến tới đại hội đảng', position: 'sidebar' },
            { id: 'b', title: 'Giải phóng miền Nam', position: 'top' },
          ],
        }),
      ),
    );
    const element = await probe('');
    expect(element.shadowRoot!.textContent).toBe('idle:');

    element.source = 'banner-source';
    await vi.waitFor(() => {
      expect(element.shadowRoot!.textContent).toBe('ready:Tiến tới đại hội đảng');
    });

    element.position = 'top';
    await element.updateComplete;
    expect(element.data.value, 'old data no longer applies').toBeUndefined();
    await vi.waitFor(() => {
      expect(element.shadowRoot!.textContent).toBe('ready:Giải phóng miền Nam');
    });
  });

  it('reports a capability the source lacks, with a portico-error event', async () => {
    cleanUp.push(
      registerSource('stats-only', {
        kind: 'stats',
        getVisitorStats: () => Promise.resolve({ guests: 1, members: 0 }),
      }),
    );
    const errors: string[] = [];
    document.addEventListener('portico-error', (event) => {
      errors.push((event as CustomEvent<{ error: Error }>).detail.error.message);
    });
    const element = await probe('source="stats-only"');
    await vi.waitFor(() => {
      expect(element.data.state).toBe('error');
    });
    expect(errors).toContain('The data source "stats-only" (stats) does not provide getBanners.');
  });

  it('shows the error state when no source is registered in time, then recovers when it is', async () => {
    const element = await probe('source="slow-to-register"');
    expect(element.data.state).toBe('loading');
    await vi.waitFor(() => {
      expect(element.data.state).toBe('error');
    });
    expect(element.data.error?.code).toBe('not-registered');
    cleanUp.push(
      registerSource(
        'slow-to-register',
        createMemorySource({ banners: [{ id: 'a', title: 'A', position: 'sidebar' }] }),
      ),
    );
    await vi.waitFor(() => {
      expect(element.shadowRoot!.textContent).toBe('ready:A');
    });
  });

  it('stops loading when the element leaves the page', async () => {
    const memory = createMemorySource({ banners: [] }, { latency: 50 });
    const getBanners = vi.spyOn(memory, 'getBanners');
    cleanUp.push(registerSource('leaving', memory));
    const element = await probe('source="leaving"');
    await vi.waitFor(() => {
      expect(getBanners).toHaveBeenCalledTimes(1);
    });
    const signal = (getBanners.mock.calls[0]![1] as { signal: AbortSignal }).signal;
    element.remove();
    expect(signal.aborted).toBe(true);
  });
});
