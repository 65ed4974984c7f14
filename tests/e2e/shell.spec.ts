// The app shell: navigation, deep links, not found, layout at 320 px, privacy and accessibility.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

const ROUTES: Array<[string, string]> = [
  ['/', 'Learning from safeguarding reviews'],
  ['/briefs', 'Learning briefs'],
  ['/briefs/child-b', 'Child B Serious Case Review'],
  ['/guide', 'Review guide'],
  ['/notes', 'My notes'],
  ['/about', 'About this toolkit'],
  ['/themes', 'Themes'],
  ['/glossary', 'Glossary'],
  ['/no-such-page', 'Page not found'],
];

test('the primary navigation reaches every section and marks the current one', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const [link, heading] of [
    ['Learning briefs', 'Learning briefs'], ['Review guide', 'Review guide'],
    ['My notes', 'My notes'], ['About', 'About this toolkit'],
  ]) {
    await nav.getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(nav.getByRole('link', { name: link, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(page).toHaveTitle(`${heading} – Safeguarding learning toolkit`);
    // Focus moves to the new page's heading so screen readers announce it.
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  }
  await expect(page.getByRole('contentinfo')).toContainText('Nothing you type in this toolkit leaves your device');
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

for (const [path, heading] of ROUTES) {
  test(`${path} loads directly, survives a reload and has no axe violations`, async ({ page, watch }) => {
    await page.goto(path);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.reload();
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page).toHaveTitle(new RegExp(`^${heading.replace(/[()]/g, '\\$&')}`));
    await expectNoAxeViolations(page, path);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
  });

  test(`${path} fits a 320 px wide screen and passes axe there`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(path);
    await ready(page);
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, `${path} at 320 px`);
  });
}

test('the not-found page offers ways on', async ({ page }) => {
  await page.goto('/briefs/not-a-real-brief');
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.getByRole('link', { name: 'browse the learning briefs' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Learning briefs');
});

test('the skip link is the first thing a keyboard reaches and moves focus to the main content', async ({ page }) => {
  await page.goto('/about');
  await ready(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

test('the page sends a strict Content-Security-Policy; its one inline script is allowed by hash', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toMatch(/script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*'/);
  expect(csp).not.toContain('unsafe-inline');
  const inline = await page.locator('script:not([src])').allTextContents();
  expect(inline).toHaveLength(1);
  const hash = await page.evaluate(async (text) => {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
    return btoa(String.fromCharCode(...new Uint8Array(digest)));
  }, inline[0]);
  expect(csp).toContain(`'sha256-${hash}'`);
});

test('print hides the navigation and the exit control', async ({ page }) => {
  await page.goto('/about');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

for (const [path] of ROUTES) {
  test(`${path} in the dark colour scheme has no contrast or other axe problems`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(path);
    await ready(page);
    await expectNoAxeViolations(page, `${path} in dark mode`);
  });
}
