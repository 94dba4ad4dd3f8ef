import { registerSource, SourceError, type Banner, type VisitorStats } from '@portico/core';
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
  /** What it shows, worked out before each render as the widgets do (in `willUpdate`, before the controller's `hostUpdate`). */
  private shown = '';
  override willUpdate() {
    this.shown = `${this.data.state}:${(this.data.value ?? []).map((banner) => banner.title).join(',')}`;
  }
  override render() {
    return html`${this.shown}`;
  }
}
defineElement('portico-banner-probe', BannerProbe);

/** A minimal live widget: the guests online, followed live from its `source`. */
class LiveProbe extends LitElement {
  static override properties = { source: {} };
  source: string | undefined;
  readonly data = new SourceController<VisitorStats>(
    this,
    () => ({
      name: this.source,
      capability: 'getVisitorStats',
      live: true,
      fetch: (source, options) => source.getVisitorStats?.(options),
      subscribe: (source, observer, options) => source.subscribeVisitorStats?.(observer, options),
    }),
    { registrationTimeout: 100 },
  );
  override render() {
    return html`${this.data.state}:${this.data.value?.guests ?? ''}`;
  }
}
defineElement('portico-live-probe', LiveProbe);

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
        createMemorySource(
          {
            banners: [
              { id: 'a', title: 'Tiến tới đại hội đảng', position: 'sidebar' },
              { id: 'b', title: 'Giải phóng miền Nam', position: 'top' },
            ],
          },
          { latency: 50 },
        ),
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
    expect(element.shadowRoot!.textContent, 'nor shows').toBe('loading:');
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
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanUp.push(() => {
      warn.mockRestore();
    });
    const element = await probe('source="stats-only"');
    await vi.waitFor(() => {
      expect(element.data.state).toBe('error');
    });
    expect(errors).toContain('The data source "stats-only" (stats) does not provide getBanners.');
    // The console links the widget it names.
    expect(warn).toHaveBeenCalledWith(
      '<portico-banner-probe>: The data source "stats-only" (stats) does not provide getBanners.',
      element,
    );
  });

  it('shows the error state when no source is registered in time, says so in the console once, then recovers when it is', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanUp.push(() => {
      warn.mockRestore();
    });
    const element = await probe('id="hits" source="slow-to-register"');
    const second = await probe('source="slow-to-register"');
    expect(element.data.state).toBe('loading');
    await vi.waitFor(() => {
      expect(element.data.state).toBe('error');
      expect(second.data.state).toBe('error');
    });
    expect(element.data.error?.code).toBe('not-registered');
    expect(warn.mock.calls, 'one warning for two widgets').toEqual([
      [
        expect.stringMatching(
          /^<portico-banner-probe id="hits">: No data source named "slow-to-register" was registered within 100 ms\. Register it with registerSource/,
        ),
        element,
      ],
    ]);
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

  it('says once in the console that a source cannot be reached when the widgets have nothing to show', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    cleanUp.push(() => {
      warn.mockRestore();
    });
    cleanUp.push(
      registerSource('unreachable', {
        kind: 'unreachable',
        getBanners: () =>
          Promise.reject(new SourceError('network', 'Could not reach http://localhost:8799/stats: Failed to fetch.')),
      }),
    );
    const element = await probe('source="unreachable"');
    const second = await probe('source="unreachable"');
    await vi.waitFor(() => {
      expect(element.data.error?.code).toBe('network');
      expect(second.data.error?.code).toBe('network');
    });
    expect(element.data.state).toBe('error');
    expect(warn.mock.calls, 'one warning for two widgets').toEqual([
      ['<portico-banner-probe>: Could not reach http://localhost:8799/stats: Failed to fetch.', element],
    ]);
  });

  it('shows nothing of the old source once the source is removed', async () => {
    cleanUp.push(
      registerSource('removed', createMemorySource({ banners: [{ id: 'a', title: 'A', position: 'sidebar' }] })),
    );
    const element = await probe('source="removed"');
    await vi.waitFor(() => {
      expect(element.shadowRoot!.textContent).toBe('ready:A');
    });
    element.removeAttribute('source');
    await element.updateComplete;
    expect(element.shadowRoot!.textContent).toBe('idle:');
  });

  it('shows the error state when the source throws as it subscribes, and does not hang loading', async () => {
    const errors: string[] = [];
    const onError = (event: Event) => errors.push((event as CustomEvent<{ error: Error }>).detail.error.message);
    document.addEventListener('portico-error', onError);
    cleanUp.push(() => {
      document.removeEventListener('portico-error', onError);
    });
    cleanUp.push(
      registerSource('throws-live', {
        kind: 'broken',
        getVisitorStats: () => Promise.resolve({ guests: 1, members: 0 }),
        subscribeVisitorStats: () => {
          throw new Error('The socket is closed.');
        },
      }),
    );
    const host = new LiveProbe();
    host.source = 'throws-live';
    document.body.append(host);
    cleanUp.push(() => {
      host.remove();
    });
    await vi.waitFor(() => {
      expect(host.shadowRoot!.textContent).toBe('error:');
    });
    expect(errors.some((message) => message.includes('The socket is closed.'))).toBe(true);
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

  it('moves to a source registered again under its name, showing the old data until the new one answers', async () => {
    cleanUp.push(
      registerSource('reconfigured', createMemorySource({ banners: [{ id: 'a', title: 'Old', position: 'sidebar' }] })),
    );
    const element = await probe('source="reconfigured"');
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toBe('ready:Old');
    });
    let answer: (banners: Banner[]) => void = () => undefined;
    cleanUp.push(
      registerSource('reconfigured', {
        kind: 'deferred',
        getBanners: () =>
          new Promise<Banner[]>((resolve) => {
            answer = resolve;
          }),
      }),
    );
    await element.updateComplete;
    expect(element.shadowRoot?.textContent).toBe('ready:Old');
    answer([{ id: 'b', title: 'New', position: 'sidebar' }]);
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toBe('ready:New');
    });
  });

  it('moves a live subscription to the new source and ends the old one, but not the same source again', async () => {
    const live = (guests: number) => {
      const unsubscribe = vi.fn();
      const subscribe = vi.fn((observer: { next(value: VisitorStats): void }) => {
        observer.next({ guests, members: 0 });
        return unsubscribe;
      });
      return {
        unsubscribe,
        subscribe,
        source: {
          kind: 'live',
          getVisitorStats: () => Promise.resolve({ guests, members: 0 }),
          subscribeVisitorStats: subscribe,
        },
      };
    };
    const first = live(1);
    cleanUp.push(registerSource('live-reconfigured', first.source));
    const host = document.createElement('div');
    host.innerHTML = '<portico-live-probe source="live-reconfigured"></portico-live-probe>';
    document.body.append(host);
    cleanUp.push(() => {
      host.remove();
    });
    const element = host.querySelector<LiveProbe>('portico-live-probe')!;
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toBe('ready:1');
    });
    cleanUp.push(registerSource('live-reconfigured', first.source));
    expect(first.subscribe, 'the same source again changes nothing').toHaveBeenCalledTimes(1);

    const second = live(2);
    cleanUp.push(registerSource('live-reconfigured', second.source));
    await vi.waitFor(() => {
      expect(element.shadowRoot?.textContent).toBe('ready:2');
    });
    expect(first.unsubscribe).toHaveBeenCalledTimes(1);
    expect(second.subscribe).toHaveBeenCalledTimes(1);

    element.remove();
    const third = live(3);
    cleanUp.push(registerSource('live-reconfigured', third.source));
    expect(third.subscribe, 'a widget off the page does not follow').not.toHaveBeenCalled();
  });
});
