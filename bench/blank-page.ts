import type { ExtensionBrowser } from '../tests/e2e/harness/extension-browser.ts';

// The baseline of the popup's first row: what any extension page costs before its own code does anything.
// The build has no blank page, and adding one would change the build under test; so it is popup.html
// itself with script execution switched off (DevTools' Emulation.setScriptExecutionDisabled) in that one
// tab: same origin, process, HTML and CSS, none of its JavaScript. Its time is navigation start until both
// DOMContentLoaded has ended and the first paint is done, read from the page's own performance entries.
// Without its scripts the popup's body is empty, and Chromium records no paint entry for a frame with nothing
// in it; then DOMContentLoaded alone is the time, the smaller (stricter) baseline.

export interface BlankOpen {
  domContentLoaded: number | null;
  firstPaint: number | null;
  /** The later of the two (DOMContentLoaded alone when nothing was painted): the page is parsed and on screen. */
  ready: number | null;
}

const VIEWPORT = { width: 380, height: 560 };

// Runs in the page through DevTools, which script execution being off does not stop.
const readTimings = () => {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  const paint =
    performance.getEntriesByName('first-paint')[0] ?? performance.getEntriesByName('first-contentful-paint')[0];
  return { domContentLoaded: navigation?.domContentLoadedEventEnd ?? null, firstPaint: paint?.startTime ?? null };
};

/** One open of popup.html without its scripts, at popup size, in a fresh tab. */
export const openBlankPage = async (browser: ExtensionBrowser): Promise<BlankOpen> => {
  const page = await browser.context.newPage();
  try {
    await page.setViewportSize(VIEWPORT);
    const session = await browser.context.newCDPSession(page);
    await session.send('Emulation.setScriptExecutionDisabled', { value: true });
    await page.goto(browser.pageUrl('/popup.html'), { waitUntil: 'load' });
    // Paint timing is recorded once the frame is presented, which can be after the load event.
    await page.waitForTimeout(50);
    const { domContentLoaded, firstPaint } = await page.evaluate(readTimings);
    const ready = domContentLoaded === null ? null : Math.max(domContentLoaded, firstPaint ?? 0);
    return { domContentLoaded, firstPaint, ready };
  } finally {
    await page.close();
  }
};
