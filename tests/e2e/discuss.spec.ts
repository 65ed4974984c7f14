// Team discussion mode: by keyboard only from the brief to the last theme and back, the record
// that lands in notes, the QR code decoded back to the brief's address, swipe, the pausable
// timer, axe on every kind of slide and at 320 px, and the one-page handout.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';
import type { Page } from '@playwright/test';
import { readdirSync } from 'node:fs';
import jsQR from 'jsqr';

const position = (page: Page) => page.locator('.discuss__position');

/// Presses Tab until the focused element matches, as a keyboard user would; fails after `max`.
async function tabTo(page: Page, matches: (el: Element) => boolean, what: string, max = 40) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error(`Tab never reached ${what}`);
}

test('keyboard only: open discussion mode, go through every theme, record it, leave with Escape', async ({ page, watch }) => {
  await page.goto('/briefs/child-b');
  await ready(page);
  await tabTo(page, (el) => el.textContent === 'Discuss with your team', 'the discuss link');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child B Serious Case Review');
  await expect(position(page)).toHaveText('Start');
  // The site's header and footer step aside; Exit this page stays.
  await expect(page.locator('header.header')).toBeHidden();
  await expect(page.getByRole('button', { name: /Exit this page/ })).toBeVisible();

  const themes = ['Risk assessments', 'Attendance at meetings', 'Positive relationships'];
  const live = page.locator('[aria-live="polite"]').filter({ hasText: /Theme|Start|End/ });
  await page.keyboard.press('ArrowRight');
  for (const [i, title] of themes.entries()) {
    if (i > 0) await page.keyboard.press(i % 2 ? ' ' : 'PageDown');
    await expect(position(page)).toHaveText(`Theme ${i + 1} of 3`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
    await expect(page.getByRole('heading', { level: 2, name: 'Questions for your team' })).toBeVisible();
    await expect(live).toHaveText(`Theme ${i + 1} of 3: ${title}`);
  }
  await expect(page).toHaveURL(/\/briefs\/child-b\/discuss\?at=3$/);
  // Back one, then on to the end; a reload stays where it was.
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toHaveText('Theme 2 of 3');
  await page.reload();
  await ready(page);
  await expect(position(page)).toHaveText('Theme 2 of 3');
  await page.keyboard.press('End');
  await expect(position(page)).toHaveText('End');
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toHaveText('End');

  // Record that we discussed this, by keyboard. Keys typed in the box stay there.
  await tabTo(page, (el) => el.id === 'discuss-agreed', 'the agreed box');
  await page.keyboard.type('Review risk plans monthly <b>not bold</b>');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Escape');
  await expect(position(page)).toHaveText('End');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const saved = page.getByRole('status').filter({ hasText: 'Saved in your notes' });
  await expect(saved).toBeVisible();

  // Escape leaves for the brief; it is not Exit this page.
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/\/briefs\/child-b$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child B Serious Case Review');
  await expect(page.locator('header.header')).toBeVisible();

  // The record is in notes, with the brief, today's date and what was agreed, as text.
  await page.goto('/notes');
  await ready(page);
  const item = page.locator('.note-item').filter({ hasText: 'Team discussion' });
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('Child B Serious Case Review');
  await item.getByRole('link').click();
  await expect(page.getByLabel('What did the team agree?', { exact: false })).toHaveValue('Review risk plans monthly <b>not bold</b>');
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  await expect(page.locator('input[type="date"]')).toHaveValue(today);
  expect(watch.consoleErrors).toEqual([]);
  expect(watch.foreignRequests).toEqual([]);
});

test('Shift+Space goes back, and three of them are not the Exit this page shortcut', async ({ page }) => {
  await page.goto('/briefs/cross-cutting-themes-2021-22/discuss?at=5');
  await ready(page);
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+Space');
  await expect(position(page)).toHaveText('Theme 2 of 9');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/discuss\?at=2$/);
  // Shift on its own three times still leaves, as on every page.
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Weather</title><h1>Weather</h1>' }));
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
  await page.waitForURL('https://www.bbc.co.uk/weather');
});

test('the QR code decodes to the brief\'s address', async ({ page, baseURL }) => {
  await page.goto('/briefs/child-b/discuss');
  await ready(page);
  const qr = page.getByRole('img', { name: 'QR code that opens this brief' });
  await expect(qr).toBeVisible();
  // Draw the SVG the app made onto a canvas and read its pixels back.
  const image = await qr.evaluate(async (svg) => {
    const size = 400;
    const img = new Image();
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(img, 0, 0, size, size);
    return { size, data: Array.from(ctx.getImageData(0, 0, size, size).data) };
  });
  const decoded = jsQR(Uint8ClampedArray.from(image.data), image.size, image.size);
  expect(decoded?.data).toBe(`${baseURL}/briefs/child-b`);
  await expect(page.locator('.qr__address')).toHaveText(`${baseURL}/briefs/child-b`);
});

test('a swipe turns the page, and a short touch does not', async ({ page }) => {
  await page.goto('/briefs/child-b/discuss');
  await ready(page);
  const swipe = (dx: number) => page.locator('.discuss').evaluate((el, dx) => {
    const at = (type: string, x: number) => el.dispatchEvent(new PointerEvent(type, {
      pointerType: 'touch', isPrimary: true, clientX: x, clientY: 300, bubbles: true,
    }));
    at('pointerdown', 200);
    at('pointerup', 200 + dx);
  }, dx);
  await swipe(-120);
  await expect(position(page)).toHaveText('Theme 1 of 3');
  await swipe(-20);
  await expect(position(page)).toHaveText('Theme 1 of 3');
  await swipe(-120);
  await expect(position(page)).toHaveText('Theme 2 of 3');
  await swipe(120);
  await expect(position(page)).toHaveText('Theme 1 of 3');
});

test('the timer counts down, pauses, restarts on a new theme and says when time is up', async ({ page }) => {
  await page.clock.install();
  await page.goto('/briefs/child-b/discuss?at=1');
  await ready(page);
  await expect(page.getByRole('timer')).toHaveCount(0);
  await page.getByLabel('Timer for each theme').selectOption({ label: '2 minutes' });
  const timer = page.getByRole('timer');
  await expect(timer).toHaveText('2:00');
  await page.getByRole('button', { name: 'Start timer', exact: true }).click();
  await page.clock.runFor(60_000);
  await expect(timer).toHaveText('1:00');
  await page.getByRole('button', { name: 'Pause timer' }).click();
  await page.clock.runFor(30_000);
  await expect(timer).toHaveText('1:00');
  await page.getByRole('button', { name: 'Resume timer' }).click();
  await page.clock.runFor(61_000);
  await expect(timer).toHaveText('0:00');
  await expect(page.getByText('Time is up')).toBeVisible();
  // It is shown, not spoken: no live region around the clock.
  await expect(timer).not.toHaveAttribute('aria-live', /polite|assertive/);
  await page.getByRole('button', { name: 'Restart timer' }).click();
  await expect(timer).toHaveText('2:00');
  await page.getByRole('button', { name: 'Start timer', exact: true }).click();
  await page.clock.runFor(10_000);
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(position(page)).toHaveText('Theme 2 of 3');
  await expect(timer).toHaveText('2:00');
  await expect(page.getByRole('button', { name: 'Pause timer' })).toBeVisible();
});

test('a brief with only headings says so on each theme', async ({ page }) => {
  await page.goto('/briefs/child-e/discuss?at=1');
  await ready(page);
  await expect(page.getByText(/Only this theme's heading is in the sources bundled here/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Key learning' })).toHaveCount(0);
});

test('saving the record without a date shows the error summary', async ({ page }) => {
  await page.goto('/briefs/child-b/discuss?at=4');
  await ready(page);
  await page.getByLabel('Date of the discussion').fill('');
  await page.getByRole('button', { name: 'Record that we discussed this' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the date of the discussion');
  await expect(page.locator('#error-summary')).toBeFocused();
  await expectNoAxeViolations(page, 'discussion record error');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`every kind of slide passes axe (${scheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    for (const at of [0, 1, 4]) {
      await page.goto(`/briefs/child-b/discuss?at=${at}`);
      await ready(page);
      await expectNoAxeViolations(page, `slide ${at} (${scheme})`);
    }
    await page.getByRole('button', { name: 'Record that we discussed this' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved in your notes' })).toBeVisible();
    await expectNoAxeViolations(page, `saved record (${scheme})`);
    await page.goto('/briefs/child-b/handout');
    await ready(page);
    await expectNoAxeViolations(page, `handout (${scheme})`);
  });
}

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 }, hasTouch: true });
  for (const path of ['/briefs/cross-cutting-themes-2021-22/discuss', '/briefs/cross-cutting-themes-2021-22/discuss?at=1', '/briefs/child-b/discuss?at=4', '/briefs/child-b/handout']) {
    test(`${path} fits and passes axe`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `${path} at 320 px`);
    });
  }
});

test('the controls stay in view on a wide screen and follow the slide on a phone', async ({ page }) => {
  const position = () => page.locator('.discuss__controls').evaluate((el) => getComputedStyle(el).position);
  await page.goto('/briefs/child-b/discuss?at=1');
  await ready(page);
  expect(await position()).toBe('sticky');
  await page.setViewportSize({ width: 320, height: 640 });
  expect(await position()).toBe('static');
});

test('every brief\'s handout prints on one A4 page, with space for notes', async ({ page }) => {
  const ids = readdirSync('content/briefs').map((f) => f.replace(/\.toml$/, ''));
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    await page.goto(`/briefs/${id}/handout`);
    await ready(page);
    await expect(page.getByRole('heading', { level: 2, name: 'Notes' })).toBeVisible();
    await expect(page.locator('.source')).toContainText('Working Together to Safeguard Children');
    const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
    const pages = (pdf.match(/\/Type\s*\/Page(?!s)/g) || []).length;
    expect(pages, `${id} handout pages`).toBe(1);
  }
});
