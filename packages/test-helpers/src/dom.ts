/** The text a widget renders in its shadow root, white space collapsed. */
export function shadowText(element: Element): string {
  return (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Resolves after the next animation frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      resolve();
    }),
  );
}

/** Waits for a Lit element's pending update and for pending promise callbacks. */
export async function settle(element: Element & { updateComplete?: Promise<unknown> }): Promise<void> {
  await Promise.resolve();
  await element.updateComplete;
}
