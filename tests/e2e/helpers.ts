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
    page.on('console', (msg) => {
      if (msg.type() !== 'error') return;
      // An address the build has no page for is answered with the not-found page and status 404
      // (as a static host does); the browser logs that status itself. Nothing else is allowed.
      const documentNotFound = msg.text().includes('status of 404') && msg.location().url.split('?')[0] === page.url().split('?')[0];
      if (!documentNotFound) watch.consoleErrors.push(msg.text());
    });
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

/// Waits until the page is shown and the app's code has taken it over. Pages that are read (a
/// brief) load the code only when touched, as a person's first tap or key would: this touches
/// them first.
export async function ready(page: Page) {
  await expect(page.locator('main h1')).toBeVisible({ timeout: 20_000 });
  await page.evaluate(() => {
    if (document.getElementById('app')?.dataset.hydrate === 'touch') dispatchEvent(new Event('pointerdown'));
  });
  // Generous: on a loaded 2-core machine compiling the wasm can take several seconds.
  await page.waitForFunction(() => (window as any).__toolkitStarted === true, null, { timeout: 20_000 });
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

/// Every page the build prerendered, as the address to open it at: each `index.html` under the
/// build folder (every note's page, `notes/_note/`, opened as one note's address), and the
/// not-found page.
export function prerenderedPages(dist = process.env.DIST || 'dist'): string[] {
  const fs = require('node:fs') as typeof import('node:fs');
  const path = require('node:path') as typeof import('node:path');
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'index.html') {
        const rel = path.relative(dist, dir).split(path.sep).join('/');
        found.push(rel === 'notes/_note' ? '/notes/a-note-id' : `/${rel}`);
      }
    }
  };
  walk(dist);
  found.push('/no-such-page');
  return found.sort();
}
