// "My next steps": every brief's next steps with what the person has done, reached from the home
// page and from My notes, printable as part of a CPD record, and readable at 320 px.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';
import type { Page } from '@playwright/test';

const KEY = 'safeguarding-toolkit.notes';

/// Opens `url` with the notes store holding `value` (a schema 1 store, migrated on load).
async function openWith(page: Page, value: string, url: string) {
  await page.goto('/about');
  await ready(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, value]);
  await page.goto(url);
  await ready(page);
}

test('before anything is ticked: reached from the home page, every brief listed, nothing done', async ({ page, watch }) => {
  await page.goto('/');
  await ready(page);
  await page.getByRole('link', { name: 'My next steps' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My next steps');
  const main = page.getByRole('main');
  await expect(main.getByRole('status')).toContainText('You have not ticked any next steps as done yet.');
  await expect(page.getByRole('heading', { level: 2, name: 'Next steps in each brief' })).toBeVisible();
  const childB = page.getByRole('region', { name: 'Child B Serious Case Review' });
  await expect(childB).toContainText('0 of 4 next steps done');
  await expect(childB.getByRole('listitem')).toHaveCount(4);
  await expect(childB.getByText('Not done yet.')).toHaveCount(4);
  await expectNoAxeViolations(page, 'my next steps, nothing ticked');
  expect(watch.consoleErrors).toEqual([]);
});

test('ticked steps show when and what was done, link back to the brief, and print', async ({ page, watch }) => {
  await page.goto('/briefs/child-b');
  await ready(page);
  const section = page.getByRole('region', { name: 'Your progress and notes' });
  await section.getByRole('checkbox').nth(0).check();
  await section.getByRole('checkbox').nth(2).check();
  await expect(section.getByText('2 of 4 next steps done')).toBeVisible();
  await section.getByRole('link', { name: 'Add what you did for next step 3' }).click();
  await page.getByLabel('What did you do? (optional)').fill('Booked the team session');
  await page.getByRole('button', { name: 'Save and finish' }).click();

  // From My notes.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
  await page.getByRole('link', { name: /My next steps: every brief/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My next steps');
  await expect(page.getByRole('main').getByRole('status')).toContainText(/You have done 2 of \d+ next steps, on 1 of \d+ briefs\./);
  await expect(page.getByRole('heading', { level: 2, name: 'Briefs you have started' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Briefs not started yet' })).toBeVisible();
  const childB = page.getByRole('region', { name: 'Child B Serious Case Review' });
  await expect(childB).toContainText('2 of 4 next steps done');
  const steps = childB.getByRole('listitem');
  const today = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });
  await expect(steps.nth(0)).toContainText(`Done on ${today}.`);
  await expect(steps.nth(1)).toContainText('Not done yet.');
  await expect(steps.nth(2)).toContainText('What I did: Booked the team session');
  await expect(steps.nth(2).getByRole('link', { name: 'Change what you did for next step 3' })).toBeVisible();
  await expect(steps.nth(0).getByRole('link', { name: 'Add what you did for next step 1' })).toBeVisible();
  await expectNoAxeViolations(page, 'my next steps, two ticked');

  // Printable: the record stays, the buttons and edit links go.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
  await expect(steps.nth(2).getByRole('link', { name: /Change what you did/ })).toBeHidden();
  await expect(steps.nth(2)).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to My notes' })).toBeHidden();
  await page.emulateMedia({ media: 'screen' });

  // Back to the brief's next steps.
  await childB.getByRole('link', { name: 'Child B Serious Case Review' }).click();
  await expect(page).toHaveURL(/\/briefs\/child-b#next-steps$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child B Serious Case Review');
  // The link named a part of the page: focus and the view go there, as a browser would.
  await expect(page.getByRole('heading', { level: 2, name: 'Your next steps' })).toBeFocused();
  await expect(page.getByRole('heading', { level: 2, name: 'Your next steps' })).toBeInViewport();
  expect(watch.consoleErrors).toEqual([]);
});

test('a tick for a brief the toolkit no longer has is still shown', async ({ page }) => {
  const tick = { id: 't1', created_at: 1, updated_at: 1, kind: 'next-step', brief_id: 'retired-brief', step: 1, done_on: '2025-06-02', what_i_did: 'Ran the audit' };
  await openWith(page, JSON.stringify({ schema: 1, notes: [tick] }), '/notes/next-steps');
  await expect(page.getByRole('heading', { level: 2, name: 'Steps from briefs no longer in the toolkit' })).toBeVisible();
  await expect(page.getByRole('main')).toContainText('Brief “retired-brief”, next step 2');
  await expect(page.getByRole('main')).toContainText('Done on 2 June 2025. What I did: Ran the audit');
  await expectNoAxeViolations(page, 'my next steps with a tick for a retired brief');
});

test.describe('on a phone 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('my next steps fits the screen and passes axe', async ({ page }) => {
    const tick = { id: 't1', created_at: 1, updated_at: 1, kind: 'next-step', brief_id: 'child-b', step: 0, done_on: '2025-06-02', what_i_did: 'A long line about what was done, to wrap on a small screen without scrolling sideways' };
    await openWith(page, JSON.stringify({ schema: 1, notes: [tick] }), '/notes/next-steps');
    await expect(page.getByRole('region', { name: 'Child B Serious Case Review' })).toContainText('1 of 4 next steps done');
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'my next steps at 320 px');
  });
});
