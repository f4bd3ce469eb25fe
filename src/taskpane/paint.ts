/**
 * Lets the browser draw what was just set (a progress line) before the next synchronous step, which
 * would otherwise run first and leave "Đang tổng hợp…" never seen. A frame, then a task; bounded, so
 * a pane the browser does not draw (hidden, a test without frames) still goes on.
 */
export function paint(): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => void setTimeout(resolve, 0);
    const timer = setTimeout(resolve, 100);
    if (typeof requestAnimationFrame === "function") {
      requestAnimationFrame(() => {
        clearTimeout(timer);
        done();
      });
    } else {
      clearTimeout(timer);
      done();
    }
  });
}
