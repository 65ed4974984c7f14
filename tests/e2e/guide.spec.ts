// The review guide: keyboard-only journeys to different outcomes, Back and Change, reloads,
// stale links, deadlines, the step-by-step page, and axe on every kind of page.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';
import type { Locator, Page } from '@playwright/test';

/// Presses Tab until `target` has focus, as a keyboard user would.
async function tabTo(page: Page, target: Locator, max = 40) {
  for (let i = 0; i < max; i++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error('could not reach the element with Tab');
}

/// Chooses the answer at `index` with the keyboard and continues.
async function answer(page: Page, index: number) {
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio').first()).toBeFocused();
  if (index === 0) await page.keyboard.press('Space');
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
}

async function start(page: Page) {
  await page.goto('/guide');
  await ready(page);
  await tabTo(page, page.getByRole('button', { name: 'Start now' }));
  await page.keyboard.press('Enter');
}

async function seeOutcome(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'See what may follow' }));
  await page.keyboard.press('Enter');
}

const JOURNEYS: Array<[string, number[], string]> = [
  ['a serious case', [0, 1, 0], 'This may be a serious child safeguarding case'],
  ['good practice', [2], 'Appreciative Inquiry'],
  ['one agency', [0, 2, 1, 1], 'single'],
];

for (const [name, answers, outcome] of JOURNEYS) {
  test(`keyboard only: ${name} reaches its outcome`, async ({ page, watch }) => {
    await start(page);
    for (const index of answers) await answer(page, index);
    await seeOutcome(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(new RegExp(outcome, 'i'));
    await expect(page.getByText('This is a guide, not a decision.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Who decides' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();
    await expect(page.locator('.citations li').first()).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });
}

test('Continue without an answer shows an error summary', async ({ page }) => {
  await page.goto('/guide/review-threshold');
  await ready(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary).toBeFocused();
  await expect(page).toHaveTitle(/^Error: /);
  await expectNoAxeViolations(page, 'question with error');
  await summary.getByRole('link', { name: 'Select an answer to continue' }).click();
  await expect(page.getByRole('radio').first()).toBeFocused();
});

test('Back and Change keep the answers given', async ({ page }) => {
  await page.goto('/guide/review-threshold');
  await ready(page);
  await page.getByLabel('Something that happened to a child').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('The child has been seriously harmed').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Back shows the previous question with its answer still chosen.
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByLabel('The child has been seriously harmed')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('Yes, it is known or suspected').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expectNoAxeViolations(page, 'check your answers');
  // Change the first answer, keep it the same: straight back to Check your answers, nothing lost.
  await page.getByRole('link', { name: /Change your answer to: What has made you think about a review/ }).click();
  await expect(page.getByLabel('Something that happened to a child')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(page.locator('.summary-list__row')).toHaveCount(3);
  // Change the second answer to a different one: the path changes and the guide asks again.
  await page.getByRole('link', { name: /Change your answer to: Has the child died/ }).click();
  await expect(page.getByLabel('The child has been seriously harmed')).toBeChecked();
  await page.getByLabel('No, neither').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/agencies working together/);
});

test('a mid-guide link survives a reload and the browser Back button', async ({ page }) => {
  await page.goto('/guide/review-threshold?a=one-child,died');
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did the child die in custody, or by suspected suicide?');
  await page.reload();
  await ready(page);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did the child die in custody, or by suspected suicide?');
  await page.getByLabel('No', { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/abuse or neglect/);
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Did the child die in custody, or by suspected suicide?');
});

for (const url of ['/guide/review-threshold?a=one-child,banana', '/guide/review-threshold?a=good-practice,yes', '/guide/review-threshold/outcome?a=one-child']) {
  test(`a stale or tampered link (${url}) says start again`, async ({ page, watch }) => {
    await page.goto(url);
    await ready(page);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This guide has changed');
    await expect(page.getByRole('button', { name: 'Start again' })).toBeVisible();
    expect(watch.consoleErrors).toEqual([]);
  });
}

test('the outcome works out deadlines in working days, skipping bank holidays', async ({ page }) => {
  await page.goto('/guide/review-threshold/outcome?a=one-child,seriously-harmed,yes');
  await ready(page);
  // Known on Friday 23 December 2022. Christmas Day fell on a Sunday, so Monday 26 and Tuesday
  // 27 December were bank holidays, and so was Monday 2 January 2023 (New Year's Day was a
  // Sunday). The 5 working days are 28, 29, 30 December, 3 and 4 January.
  await page.getByLabel('Date the incident became known').fill('2022-12-23');
  const results = page.locator('.calculator dl');
  await expect(results).toContainText('Wednesday 4 January 2023');
  await page.getByLabel('Date the incident became known').fill('2031-03-01');
  await expect(page.locator('.calculator')).toContainText(/2031/);
  await expect(page.locator('.calculator')).not.toContainText('Wednesday 4 January 2023');
  await expectNoAxeViolations(page, 'outcome');
});

test('the step-by-step overview lists every step with a diagram and sources', async ({ page }) => {
  await page.goto('/guide/review-threshold/steps');
  await ready(page);
  await expect(page.locator('.step-nav__step')).toHaveCount(5);
  await expect(page.locator('svg.diagram__svg')).toBeVisible();
  await expectNoAxeViolations(page, 'step by step');
});

test.describe('at 320 px', () => {
  test.use({ viewport: { width: 320, height: 640 } });
  for (const path of [
    '/guide', '/guide/review-threshold', '/guide/review-threshold?a=one-child,seriously-harmed,yes',
    '/guide/review-threshold/outcome?a=one-child,seriously-harmed,yes', '/guide/review-threshold/steps',
  ]) {
    test(`${path} fits and passes axe`, async ({ page }) => {
      await page.goto(path);
      await ready(page);
      await expectNoHorizontalScroll(page);
      await expectNoAxeViolations(page, `${path} at 320 px`);
    });
  }
});
