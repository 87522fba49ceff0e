// Code passed to page.evaluate runs inside an extension page, where the `chrome` namespace exists.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
