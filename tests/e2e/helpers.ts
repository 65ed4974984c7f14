// Shared helpers for the end-to-end tests: a page that records console errors and requests to
// other origins, and an axe check with the WCAG 2.2 AA tags.
import { test as base, expect, Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

type Watch = { consoleErrors: string[]; foreignRequests: string[] };

export const test = base.extend<{ watch: Watch }>({
  watch: [async ({ page, baseURL }, use) => {
    const watch: Watch = { consoleErrors: [], foreignRequests: [] };
    const origin = new URL(baseURL!).origin;
    page.on('console', (msg) => { if (msg.type() === 'error') watch.consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => watch.consoleErrors.push(String(err)));
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
        watch.foreignRequests.push(url);
      }
    });
    await use(watch);
  }, { auto: true }],
});

export { expect };

/// Waits until the app has mounted (the loading line is gone and a heading is shown).
export async function ready(page: Page) {
  // Generous: on a loaded 2-core machine compiling the wasm can take several seconds.
  await expect(page.locator('main h1')).toBeVisible({ timeout: 20_000 });
}

/// Runs axe with the WCAG 2.2 AA tags and expects no violations.
export async function expectNoAxeViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(summary, `axe violations on ${what}`).toEqual([]);
}

/// Expects the page to fit its viewport with no horizontal scroll.
export async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}
