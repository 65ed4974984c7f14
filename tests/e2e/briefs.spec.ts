// Learning briefs: find one by theme filter, by search, open it, print it, reload deep links,
// and check every state with axe, at 320 px too.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

test('find a brief by theme filter and open it', async ({ page, watch }) => {
  await page.goto('/briefs');
  await ready(page);
  await page.getByLabel('Theme').selectOption({ label: 'Disguised compliance' });
  await expect(page).toHaveURL(/theme=disguised-compliance/);
  await expect(page.getByRole('status').filter({ hasText: /brief/ })).toHaveText('1 brief');
  await page.getByRole('link', { name: /Cross-cutting themes/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Cross-cutting themes');
  await expect(page.getByRole('heading', { level: 2, name: 'Disguised compliance' })).toBeVisible();
  // Back returns to the filtered list.
  await page.goBack();
  await expect(page.getByLabel('Theme')).toHaveValue('disguised-compliance');
  expect(watch.consoleErrors).toEqual([]);
});

test('search as you type, with the count announced and matches marked', async ({ page }) => {
  await page.goto('/briefs');
  await ready(page);
  const box = page.getByRole('searchbox', { name: 'Search the briefs' });
  await box.pressSequentially('disgu');
  await expect(page).toHaveURL(/q=disgu/);
  const status = page.getByRole('status').filter({ hasText: /match/ });
  await expect(status).toHaveText(/^\d+ briefs? match “disgu”$/);
  const first = page.locator('.result').first();
  await expect(first.locator('mark').first()).toHaveText(/disgu/i);
  await expectNoAxeViolations(page, 'search results');
  await first.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('search tolerates case, punctuation and plurals, and says when nothing matches', async ({ page }) => {
  await page.goto('/briefs?q=RISK%20ASSESSMENTS!');
  await ready(page);
  await expect(page.getByRole('searchbox')).toHaveValue('RISK ASSESSMENTS!');
  await expect(page.locator('.result').first()).toBeVisible();
  await page.goto('/briefs?q=zzzzqqq');
  await ready(page);
  await expect(page.getByText('No briefs match your search')).toBeVisible();
  await expectNoAxeViolations(page, 'no results');
});

test('a full brief shows its learning, next steps, source and edition, and prints without navigation', async ({ page }) => {
  await page.goto('/briefs/child-b');
  await ready(page);
  for (const name of ['Risk assessments', 'Attendance at meetings', 'Positive relationships', 'Your next steps']) {
    await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  }
  await expect(page.locator('.steps li')).toHaveCount(4);
  await expect(page.getByText('Written under Working Together to Safeguard Children 2018.')).toBeVisible();
  // The first use of an acronym on the page is spelt out.
  await expect(page.locator('abbr', { hasText: 'SCR' }).first()).toHaveAttribute('title', /Serious Case Review/);
  await expectNoAxeViolations(page, 'brief page');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print this brief' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 2, name: 'Risk assessments' })).toBeVisible();
});

test('a headings-only brief says the full brief is not bundled', async ({ page }) => {
  await page.goto('/briefs/child-e');
  await ready(page);
  await expect(page.getByText(/Only the theme headings of this review are in the sources bundled here/)).toBeVisible();
  await expect(page.locator('.learning li')).toHaveCount(4);
});

test('the figures page has a table for every chart', async ({ page }) => {
  await page.goto('/briefs/review-activity-2021-22');
  await ready(page);
  await expect(page.locator('svg.chart__svg')).toHaveCount(await page.locator('table.table').count());
  await expect(page.getByRole('row', { name: /Under 1 year 2/ })).toBeVisible();
  await expectNoAxeViolations(page, 'figures');
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of ['/briefs', '/briefs?q=risk', '/themes', '/briefs/cross-cutting-themes-2021-22', '/briefs/review-activity-2021-22']) {
    test(`${path} fits and passes axe`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `${path} at 320 px`);
    });
  }
});
