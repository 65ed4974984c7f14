// Themes across reviews at a glance: a picture (SVG) of which themes recur in which briefs, the
// same facts in a table, each linking to that theme's section in that brief; at 320 px too.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';
import type { Page } from '@playwright/test';

/// The table's links to brief sections, and the picture's, as sorted addresses.
async function links(page: Page) {
  const table = await page.locator('.theme-table td ul a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  const picture = await page.locator('svg.matrix a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return { table: table.sort(), picture: picture.sort() };
}

test('the picture and the table give the same themes and briefs, and link to the sections', async ({ page, watch }) => {
  await page.goto('/themes');
  await ready(page);
  const table = page.getByRole('table', { name: 'Each theme and the briefs that cover it' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Domestic abuse', exact: true }) });
  await expect(row.getByRole('link', { name: /Show the 3 briefs on this theme/ })).toBeVisible();
  await expect(row.getByRole('link', { name: 'Thematic learning from Leeds safeguarding reviews: domestic abuse: Coercive control' })).toBeVisible();

  // The picture is for the eye: hidden from screen readers, its links out of the tab order.
  const svg = page.locator('svg.matrix');
  await expect(svg).toHaveAttribute('aria-hidden', 'true');
  const dots = svg.locator('a');
  expect(await dots.count()).toBeGreaterThan(10);
  expect(await dots.evaluateAll((as) => as.every((a) => a.getAttribute('tabindex') === '-1'))).toBe(true);
  // Each dot links to a section the table also links to, and each brief with a section on a
  // theme has its dot: one per (theme, brief) pair.
  const { table: tableLinks, picture } = await links(page);
  for (const href of picture) expect(tableLinks).toContain(href);
  const pairs = await table.locator('tbody tr').evaluateAll((trs) => trs
    .map((tr) => new Set([...tr.querySelectorAll('td ul a')].map((a) => a.getAttribute('href')!.split('#')[0])).size)
    .reduce((a, b) => a + b, 0));
  expect(picture.length).toBe(pairs);
  const rows = await table.locator('tbody tr').count();
  const briefs = await page.locator('.matrix-key li').count();
  expect(await svg.locator('circle.matrix__dot').count() + await svg.locator('circle.matrix__empty').count()).toBe(rows * briefs);
  await expectNoAxeViolations(page, 'themes');

  // A dot goes to that theme in that brief.
  const dot = svg.locator('a[href="/briefs/child-b#risk-assessments"]').first();
  await expect(dot).toHaveCount(1);
  await dot.locator('circle').click();
  await expect(page).toHaveURL(/\/briefs\/child-b#risk-assessments$/);
  await expect(page.getByRole('heading', { level: 2, name: 'Risk assessments' })).toBeInViewport();

  // The table's filter link shows the briefs on the theme.
  await page.goBack();
  await ready(page);
  await row.getByRole('link', { name: /Show the 3 briefs/ }).click();
  await expect(page.getByRole('status').filter({ hasText: /brief/ })).toHaveText('3 briefs');
  expect(watch.consoleErrors).toEqual([]);
});

test('printed, the table and the picture both show', async ({ page }) => {
  await page.goto('/themes');
  await ready(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('svg.matrix')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Each theme and the briefs that cover it' })).toBeVisible();
});

test.describe('on a phone 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the picture fits the screen with readable names, and the page passes axe', async ({ page }) => {
    await page.goto('/themes');
    await ready(page);
    await expectNoHorizontalScroll(page);
    const box = await page.locator('svg.matrix').boundingBox();
    expect(box!.width).toBeLessThanOrEqual(320);
    // The picture scales to the screen: the themes' names are still drawn at 11 px or more.
    const size = await page.locator('svg.matrix').evaluate((svg) => {
      const label = svg.querySelector('text.matrix__label')!;
      const scale = svg.getBoundingClientRect().width / (svg as SVGSVGElement).viewBox.baseVal.width;
      return parseFloat(getComputedStyle(label).fontSize) * scale;
    });
    expect(size).toBeGreaterThanOrEqual(11);
    await expectNoAxeViolations(page, 'themes at 320 px');
  });
});
