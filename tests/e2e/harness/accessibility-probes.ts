import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** Only these block: moderate and minor findings are advice (axe's own impact scale). */
const BLOCKING = new Set(['serious', 'critical']);

/** Every serious or critical axe violation on the page as it is now, one line per element. */
export const axeFindings = async (page: Page, where: string): Promise<string[]> => {
  // The colours a state rests in: a fade still running (a "Saved" appearing) is measured once it ends.
  // Endless animations (the live pulse) never end and are left as they are.
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => animation.effect?.getComputedTiming().endTime !== Number.POSITIVE_INFINITY)
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter((violation) => BLOCKING.has(violation.impact ?? ''))
    .flatMap((violation) =>
      violation.nodes.map(
        (node) => `${where}: ${violation.id} (${violation.impact}) ${node.target.join(' ')} — ${node.failureSummary}`,
      ),
    );
};

/** Where the keyboard is, and the ring that shows it. */
export interface FocusStop {
  /** Numbered in the order first reached; a number seen again means the walk came round. */
  visit: number;
  tag: string;
  role: string | null;
  /** aria-label, else the label's text, else the element's own text. */
  name: string;
  /** Inside the expired list (a copy button on a row). */
  inList: boolean;
  focusVisible: boolean;
  outline: { style: string; width: number; color: string };
  /** The first opaque background behind the ring. */
  background: string;
}

/**
 * Runs in the page. The search input draws no outline inside its box: the box (`.search`) wears the ring.
 * The ring is drawn outside the element, so its contrast is against the background of what holds it.
 */
const describeFocus = (): FocusStop | null => {
  const element = document.activeElement;
  if (!(element instanceof HTMLElement) || element === document.body) return null;
  const seen = element.dataset.a11yVisit;
  const count = Number(document.body.dataset.a11yVisits ?? '0');
  if (seen === undefined) {
    element.dataset.a11yVisit = String(count);
    document.body.dataset.a11yVisits = String(count + 1);
  }
  const holder = (element.matches('.search__input') && element.closest('.search')) || element;
  const style = getComputedStyle(holder);
  let background = 'rgb(255, 255, 255)';
  for (let behind = holder.parentElement; behind; behind = behind.parentElement) {
    const colour = getComputedStyle(behind).backgroundColor;
    if (colour !== 'transparent' && !/^rgba\(.*,\s*0\)$/.test(colour)) {
      background = colour;
      break;
    }
  }
  const labels = element instanceof HTMLInputElement || element instanceof HTMLSelectElement ? element.labels : null;
  return {
    visit: Number(element.dataset.a11yVisit),
    tag: element.tagName.toLowerCase(),
    role: element.getAttribute('role'),
    name: (element.getAttribute('aria-label') ?? labels?.[0]?.textContent ?? element.textContent ?? '').trim(),
    inList: element.closest('[role="table"]') !== null,
    focusVisible: element.matches(':focus-visible'),
    outline: { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth), color: style.outlineColor },
    background,
  };
};

/**
 * Presses Tab from the top of the page until focus comes back round to where it started (or leaves the page
 * for the browser's own controls): every stop on the way, once. A trap shows as a walk that never comes round.
 */
export const tabWalk = async (page: Page, maxSteps = 250): Promise<{ stops: FocusStop[]; cameRound: boolean }> => {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    for (const element of document.querySelectorAll<HTMLElement>('[data-a11y-visit]')) delete element.dataset.a11yVisit;
    delete document.body.dataset.a11yVisits;
  });
  const stops: FocusStop[] = [];
  for (let step = 0; step < maxSteps; step++) {
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(describeFocus);
    if (stop === null || stop.visit < stops.length) return { stops, cameRound: true };
    stops.push(stop);
  }
  return { stops, cameRound: false };
};

const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);

const luminance = (colour: string) => {
  const [r = 0, g = 0, b = 0] = channels(colour).map((value) => {
    const c = value / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};

/** WCAG's contrast ratio of two `rgb(…)` colours, 1 to 21. */
export const contrastRatio = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
};

/** What still moves on the page: elements (and ::before/::after) with an animation or a transition that takes time. */
export const movingElements = (page: Page): Promise<string[]> =>
  page.evaluate(() => {
    const moving: string[] = [];
    const takesTime = (durations: string) => durations.split(',').some((value) => Number.parseFloat(value) > 0);
    for (const element of document.querySelectorAll('*')) {
      for (const pseudo of [null, '::before', '::after']) {
        const style = getComputedStyle(element, pseudo);
        const animated = style.animationName !== 'none' && takesTime(style.animationDuration);
        if (animated || takesTime(style.transitionDuration)) {
          moving.push(`${element.tagName.toLowerCase()}.${[...element.classList].join('.')}${pseudo ?? ''}`);
        }
      }
    }
    return moving;
  });
