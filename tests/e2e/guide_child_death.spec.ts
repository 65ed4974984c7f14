// The review guide for a child who has died, not in custody or by suspected suicide, with no
// abuse or neglect known or suspected: walked by clicking, as a person does, from /guide. The
// page where "No" is given, and the outcome, must say that this is not a serious child
// safeguarding case and that the child death review process applies, and the outcome must cite
// its sources with the edition of Working Together each was written under.
import { test, expect, ready, expectNoAxeViolations } from './helpers';
import type { Page } from '@playwright/test';

/// Chooses the answer labelled `label` on the question headed `question`, then continues.
async function answer(page: Page, question: string, label: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(question);
  await page.getByLabel(label, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
}

test('a child who died with no abuse or neglect known or suspected: not a serious case, child death review', async ({ page, watch }) => {
  await page.goto('/guide');
  await ready(page);
  await page.getByRole('button', { name: 'Start now' }).or(page.getByRole('link', { name: 'Start now' })).click();

  await answer(page, 'What has made you think about a review?', 'Something that happened to a child');
  await answer(page, 'Has the child died or been seriously harmed?', 'The child has died');
  await answer(page, 'Did the child die in custody, or by suspected suicide?', 'No');

  // The question where the answer is given says what it means, and where that comes from.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is abuse or neglect of the child known or suspected?');
  const main = page.getByRole('main');
  await expect(main).toContainText('Working Together to Safeguard Children 2018');
  await expect(main).toContainText('defines a serious child safeguarding case as one where abuse or neglect of a child is known or suspected and the child has died or been seriously harmed');
  const no = page.getByLabel('No', { exact: true });
  await expect(no).toHaveAccessibleDescription(/Then this is not a serious child safeguarding case\./);
  await expect(no).toHaveAccessibleDescription(/The child's death still goes through the child death review process/);
  await expect(main).toContainText('(Children Act 2004, section 16M)');
  await expectNoAxeViolations(page, 'the abuse question on the died path');
  await no.check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Check your answers lists the four answers, then on to the outcome.
  await expect(page.getByRole('heading', { level: 1, name: 'Check your answers' })).toBeVisible();
  await expect(main).toContainText('The child has died');
  await page.getByRole('button', { name: 'See what may follow' }).or(page.getByRole('link', { name: 'See what may follow' })).click();

  // The outcome says both things, and that the safeguarding partners decide on a learning review.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Not a serious child safeguarding case: the child death review process applies');
  await expect(main).toContainText("With no abuse or neglect known or suspected, this child's death is not a serious child safeguarding case.");
  await expect(main).toContainText("The child's death still goes through the child death review process.");
  await expect(main).toContainText('Child Death Overview Panel (CDOP)');
  await expect(main).toContainText('Sudden Unexpected Death in Childhood (SUDIC)');
  await expect(main).toContainText('The safeguarding partners decide whether a learning review is held, and how.');

  // Its sources, each with the edition of Working Together it was written under.
  await expect(page.getByRole('heading', { name: 'Sources', exact: true })).toBeVisible();
  const cited = page.getByRole('listitem').filter({ hasText: 'Written under Working Together to Safeguard Children' });
  await expect(cited.filter({ hasText: 'Cross Cutting themes from Review Processes' })).toContainText('Written under Working Together to Safeguard Children 2018.');
  await expect(cited.filter({ hasText: 'Child Death Overview Panel and Sudden Unexpected Death in Childhood processes' })).toContainText('Written under Working Together to Safeguard Children 2018.');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Children Act 2004, section 16M' }).filter({ hasText: 'Check the current edition.' }),
  ).toBeVisible();
  await expectNoAxeViolations(page, 'the child death review outcome');
  expect(watch.consoleErrors).toEqual([]);
});
