// Opening the notes: the pages that show them start the app's code as soon as it is ready and
// say the notes are loading until then. A note saved in another tab while this one is still
// waiting for its code is shown, not lost from view.
import { test, expect, ready } from './helpers';
import type { Page } from '@playwright/test';

/// `count` free notes in the stored format (schema 2), as the benchmark stores them.
function stored(count: number): Record<string, string> {
  const entries: Record<string, string> = { 'safeguarding-toolkit.notes': JSON.stringify({ schema: 2 }) };
  for (let i = 0; i < count; i++) {
    const version = i.toString(36).padStart(8, '0');
    const at = 1_700_000_000_000 + i * 60_000;
    entries[`safeguarding-toolkit.note.${version}/stored-${i}`] = JSON.stringify({
      id: `stored-${i}`, version, created_at: at, updated_at: at, kind: 'free-form', title: `Stored note ${i}`, text: `Words of note ${i}.`,
    });
  }
  return entries;
}

/// Stores 60 notes, then opens /notes with the app's code held until `release` is called. The
/// notes are stored by a script run before the page's own, so this is the browser's first page
/// here: no service worker answers for the code yet, and the test can hold it back.
async function openHeld(page: Page) {
  await page.context().addInitScript((all) => {
    if (localStorage.getItem('safeguarding-toolkit.notes') !== null) return;
    for (const [k, v] of Object.entries(all)) localStorage.setItem(k, v);
  }, stored(60));
  let release = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/notes');
  await expect(page.locator('main h1')).toHaveText('My notes');
  await expect(page.getByText('Loading your notes…')).toBeVisible();
  return release;
}

test('the notes say they are loading until the code arrives, then are shown with no touch', async ({ page, watch }) => {
  const release = await openHeld(page);
  release();
  await expect(page.getByText('You have 60 notes')).toBeVisible();
  await expect(page.locator('.note-item')).toHaveCount(50);
  await expect(page.locator('.note-item').first()).toContainText('Stored note 59');
  await expect(page.getByText('Loading your notes…')).toHaveCount(0);
  expect(watch.consoleErrors).toEqual([]);
});

test('a note saved in another tab while this one waits for its code is shown', async ({ page, context, watch }) => {
  const release = await openHeld(page);
  const other = await context.newPage();
  await other.goto('/notes/new?kind=free');
  await ready(other);
  await other.getByLabel('Your note', { exact: true }).fill('Saved in the other tab meanwhile.');
  await other.getByRole('button', { name: 'Save and finish' }).click();
  await expect(other.getByText('You have 61 notes')).toBeVisible();
  release();
  await ready(page);
  await expect(page.getByText('You have 61 notes')).toBeVisible();
  await expect(page.locator('.note-item').first()).toContainText('Saved in the other tab meanwhile.');
  expect(watch.consoleErrors).toEqual([]);
});
