// Exit this page: the button, the Shift-three-times shortcut, its messages, and the rule that
// Shift does not count while typing in a text field on a touch device.
import { test, expect, ready } from './helpers';
import type { Page } from '@playwright/test';

const NEUTRAL = 'https://www.bbc.co.uk/weather';

async function fakeNeutralSite(page: Page) {
  // The network is closed here: answer the neutral site's address with a stand-in page.
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
}

const status = (page: Page) => page.locator('#exit-this-page-status');

test('the button hides the page at once and goes to the neutral site', async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto('/about');
  await ready(page);
  const button = page.getByRole('button', { name: 'Emergency Exit this page' });
  await expect(button).toHaveAttribute('href', NEUTRAL);
  await button.click();
  await page.waitForURL(NEUTRAL);
  await expect(page.getByRole('heading', { name: 'Weather' })).toBeVisible();
});

test('the button is the first control after the skip link', async ({ page }) => {
  await page.goto('/');
  await ready(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Emergency Exit this page' })).toBeFocused();
});

test('pressing Shift three times leaves, announcing each step', async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto('/briefs');
  await ready(page);
  await page.keyboard.press('Shift');
  await expect(status(page)).toHaveText('Shift, press 2 more times to exit.');
  await expect(status(page)).toHaveAttribute('role', 'status');
  await page.keyboard.press('Shift');
  await expect(status(page)).toHaveText('Shift, press 1 more time to exit.');
  await page.keyboard.press('Shift');
  await page.waitForURL(NEUTRAL);
});

test('Shift three times works on a brief before its code has loaded', async ({ page }) => {
  // A brief loads the app's code only when touched: the first Shift starts it, and the presses
  // made while it loads still count.
  await fakeNeutralSite(page);
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/briefs/child-b');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child B Serious Case Review');
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  release();
  await page.keyboard.press('Shift');
  await page.waitForURL(NEUTRAL);
});

test('another key resets the count', async ({ page }) => {
  await page.goto('/about');
  await ready(page);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.keyboard.press('a');
  await expect(status(page)).toHaveText('Exit this page expired.');
  await page.keyboard.press('Shift');
  await expect(status(page)).toHaveText('Shift, press 2 more times to exit.');
  await expect(page).toHaveURL(/\/about$/);
});

test('the count lapses 5 seconds after the last press', async ({ page }) => {
  await page.clock.install();
  await page.goto('/about');
  await ready(page);
  await page.keyboard.press('Shift');
  await page.keyboard.press('Shift');
  await page.clock.fastForward(4_000);
  await expect(status(page)).toHaveText('Shift, press 1 more time to exit.');
  await page.clock.fastForward(1_500);
  await expect(status(page)).toHaveText('Exit this page expired.');
  await page.keyboard.press('Shift');
  await expect(status(page)).toHaveText('Shift, press 2 more times to exit.');
  await expect(page).toHaveURL(/\/about$/);
});

test('Shift used to type a capital letter does not count', async ({ page }) => {
  await page.goto('/about');
  await ready(page);
  await page.keyboard.press('Shift+A');
  await page.keyboard.press('Shift+B');
  await page.keyboard.press('Shift+C');
  await expect(page).toHaveURL(/\/about$/);
});

test.describe('on a touch device', () => {
  test.use({ hasTouch: true, isMobile: true, viewport: { width: 375, height: 700 } });

  test('Shift while typing in a text field does not leave the page', async ({ page }) => {
    await page.goto('/briefs');
    await ready(page);
    const field = page.getByRole('searchbox');
    await field.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift');
    await expect(status(page)).toHaveText('');
    await expect(page).toHaveURL(/\/briefs/);
  });

  test('Shift outside a text field still leaves the page', async ({ page }) => {
    await fakeNeutralSite(page);
    await page.goto('/briefs');
    await ready(page);
    await page.getByRole('heading', { level: 1 }).click();
    for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
    await page.waitForURL(NEUTRAL);
  });
});

test('on a desktop, Shift three times in a text field still leaves', async ({ page }) => {
  await fakeNeutralSite(page);
  await page.goto('/briefs');
  await ready(page);
  await page.getByRole('searchbox').focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForURL(NEUTRAL);
});
