// The hint before writing something that identifies a child or family: shown under any note
// field as the person types, saying what it noticed and why; dismissible for the note, back only
// for a new kind; never blocking the save.
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

const WHY = 'Notes should not identify a child or family: anyone who uses this browser could read them.';

test('a name after "Mum" brings the hint; dismissed, it stays away for the note until a new kind; saving still works', async ({ page, watch }) => {
  await page.goto('/notes/new?kind=reflection');
  await ready(page);
  const learnt = page.getByLabel('What did you learn?');
  const hint = page.locator('.identifying-hint');

  // Review names and the statutory guidance are not identifying.
  await learnt.fill('Child B and Working Together 2018 both say to listen to the child.');
  await expect(hint).toHaveCount(0);

  await learnt.pressSequentially(' I spoke to Mum Jane Smith');
  await expect(hint).toHaveText(/You may have written a person's name\./);
  await expect(hint).toContainText(WHY);
  // The hint does not say the name again.
  await expect(hint).not.toContainText('Jane');
  await expectNoAxeViolations(page, 'a reflection with the identifying hint');

  await hint.getByRole('button', { name: 'Dismiss this hint for this note' }).click();
  await expect(hint).toHaveCount(0);
  await expect(learnt).toBeFocused();

  // Another field of the same note: a name is already dismissed; an NHS number is new.
  const change = page.getByLabel('How will it change your practice?');
  await change.fill('Ask Dad Peter Smith');
  await expect(hint).toHaveCount(0);
  await change.pressSequentially(' about 943 476 5919');
  await expect(hint).toHaveCount(1);
  await expect(hint).toContainText('You may have written an NHS number and a person\'s name.');

  // The hint never blocks saving.
  await page.getByLabel('What was the learning activity?').fill('Team training');
  await page.getByLabel('When was it?').fill('14 March 2025');
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
  await expect(page.getByRole('main')).toContainText('Team training');
  expect(watch.consoleErrors).toEqual([]);
});

test('each kind of detail is named in the hint', async ({ page }) => {
  await page.goto('/notes/new?kind=free');
  await ready(page);
  const text = page.getByLabel('Your note');
  const hint = page.locator('.identifying-hint');
  for (const [typed, noticed] of [
    ['Lives at LS1 4AB', 'a postcode'],
    ['DOB 03/04/2015', 'a date of birth'],
    ['Ring 07700 900123', 'a phone number'],
    ['Email jo@example.org', 'an email address'],
    ['NHS 9434765919', 'an NHS number'],
  ]) {
    await text.fill(typed);
    await expect(hint, typed).toContainText(`You may have written ${noticed}.`);
  }
  await text.fill('Nothing that identifies anyone: a review from 2021/22.');
  await expect(hint).toHaveCount(0);
});

test.describe('on a phone 320 px wide', () => {
  test.use({ viewport: { width: 320, height: 640 } });

  test('the hint fits the screen and passes axe', async ({ page }) => {
    await page.goto('/notes/new?kind=free');
    await ready(page);
    await page.getByLabel('Your note').fill('Spoke with child called Amy Jones, postcode LS1 4AB, phone 0113 496 0000');
    await expect(page.locator('.identifying-hint')).toBeVisible();
    await expectNoHorizontalScroll(page);
    await expectNoAxeViolations(page, 'the identifying hint at 320 px');
  });
});
