// Opening the notes while the app's code is still arriving: the page loader reads the notes in
// that wait and hands them to the app (scripts/loader.js, src/browser/storage.rs). What it read
// is used only if nothing changed meanwhile; a note saved in another tab in that moment is shown.
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

/// Stores 60 notes, then opens /notes with the app's code held until `release` is called,
/// once the loader has read the notes ahead. The notes are stored by a script run before the
/// page's own, so this is the browser's first page here: no service worker answers for the
/// code yet, and the test can hold it back.
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
  await page.waitForFunction(() => '__toolkitReadAhead' in window);
  return release;
}

const readAheadUsed = (page: Page) =>
  page.evaluate(() => performance.getEntriesByName('toolkit:read-ahead').length > 0);

test('notes read while the code arrives are the ones shown, and are not kept after', async ({ page, watch }) => {
  const release = await openHeld(page);
  release();
  await ready(page);
  await expect(page.getByText('You have 60 notes')).toBeVisible();
  await expect(page.locator('.note-item')).toHaveCount(50);
  await expect(page.locator('.note-item').first()).toContainText('Stored note 59');
  expect(await readAheadUsed(page)).toBe(true);
  await page.waitForFunction(() => !('__toolkitReadAhead' in window));
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
  // Hearing the other tab's change throws away what was read ahead.
  await page.waitForFunction(() => !('__toolkitReadAhead' in window));
  release();
  await ready(page);
  await expect(page.getByText('You have 61 notes')).toBeVisible();
  await expect(page.locator('.note-item').first()).toContainText('Saved in the other tab meanwhile.');
  expect(await readAheadUsed(page)).toBe(false);
  expect(watch.consoleErrors).toEqual([]);
});
