interface LayoutShift extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: { node?: Node | null }[];
}

/**
 * The layout-shift entries Chromium records while `action` runs and the page settles (three
 * frames after it), for elements inside `within`: what Cumulative Layout Shift adds up for
 * that part of the page.
 */
export async function layoutShiftsDuring(within: Element, action: () => unknown): Promise<LayoutShift[]> {
  const shifts: LayoutShift[] = [];
  const observer = new PerformanceObserver((list) => {
    shifts.push(...(list.getEntries() as LayoutShift[]));
  });
  observer.observe({ type: 'layout-shift', buffered: false });
  // Let the page paint as it is first, so only what `action` causes is measured.
  await frames(2);
  await action();
  await frames(3);
  shifts.push(...(observer.takeRecords() as LayoutShift[]));
  observer.disconnect();
  return shifts.filter(
    (shift) =>
      !shift.hadRecentInput && (shift.sources ?? []).some((source) => source.node && within.contains(source.node)),
  );
}

function frames(count: number): Promise<void> {
  return new Promise((resolve) => {
    const step = (left: number): void => {
      if (left === 0) resolve();
      else
        requestAnimationFrame(() => {
          step(left - 1);
        });
    };
    step(count);
  });
}
