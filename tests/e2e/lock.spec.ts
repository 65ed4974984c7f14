// The notes lock: turned on with a passphrase, locked on reload, a wrong passphrase refused with
// nothing changed, unlocked, locked by itself after a wait (with the words typed kept), in two
// tabs at once, the passphrase changed and the lock turned off; storage never holds a note's
// words in plain text while it is on; axe on every state and the phone width.
import fs from 'node:fs';
import { Page } from '@playwright/test';
import { test, expect, ready, expectNoAxeViolations, expectNoHorizontalScroll } from './helpers';

const PASSPHRASE = 'green kettle on monday';
const WORDS = 'Visit planned with the health visitor';
// The note's title, which My notes lists.
const TITLE = 'Home visit';

/// Every value the toolkit keeps in local storage, by key.
async function storage(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])));
}

/// Writes a free note with `text` and goes back to My notes.
async function writeNote(page: Page, text: string) {
  await page.goto('/notes/new?kind=free');
  await ready(page);
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Your note').fill(text);
  await page.getByRole('button', { name: 'Save and finish' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
}

/// Turns the lock on from My notes.
async function turnOn(page: Page, passphrase = PASSPHRASE) {
  await page.getByRole('link', { name: 'Lock my notes with a passphrase' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lock my notes with a passphrase');
  await page.getByLabel('Choose a passphrase').fill(passphrase);
  await page.getByLabel('Type it again').fill(passphrase);
  await page.getByLabel('I understand that if I forget my passphrase').check();
  await page.getByRole('button', { name: 'Lock my notes' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your notes are now locked with your passphrase' })).toBeVisible({ timeout: 15_000 });
}

async function unlock(page: Page, passphrase = PASSPHRASE) {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
}

function lockedBox(page: Page) {
  return page.getByRole('region', { name: 'Your notes are locked' });
}

/// No value in storage holds `text`, nor any note field's name in plain JSON.
async function expectNoPlainText(page: Page, text: string) {
  const all = await storage(page);
  const toolkit = Object.entries(all).filter(([k]) => k.startsWith('safeguarding-toolkit'));
  expect(toolkit.length).toBeGreaterThan(1);
  for (const [key, value] of toolkit) {
    expect(value, key).not.toContain(text);
    expect(value, key).not.toContain('"kind"');
    expect(value, key).not.toContain('"schema"');
  }
}

test('turn on, reload locked, a wrong passphrase changes nothing, unlock, and storage holds no plain text', async ({ page, watch }) => {
  await writeNote(page, WORDS);
  await turnOn(page);
  await expectNoAxeViolations(page, 'the lock settings, open');
  await expectNoPlainText(page, WORDS);

  await page.goto('/notes');
  await expect(lockedBox(page)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('main')).not.toContainText(TITLE);
  await expectNoAxeViolations(page, 'My notes, locked');

  // A brief still reads, and its notes panel is locked too.
  await page.goto('/briefs/child-b');
  await ready(page);
  await page.locator('.brief-notes').scrollIntoViewIfNeeded();
  await expect(page.locator('.brief-notes').getByRole('region', { name: 'Your notes are locked' })).toBeVisible();
  await expectNoAxeViolations(page, 'a brief with its notes locked');
  await unlock(page);
  await expect(page.locator('.brief-notes').getByRole('region', { name: 'Your notes are locked' })).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('#brief-notes-heading')).toBeFocused();

  await page.goto('/notes');
  await expect(lockedBox(page)).toBeVisible({ timeout: 20_000 });
  const before = await storage(page);
  await unlock(page, 'green kettle on tuesday');
  const error = page.locator('#unlock-error');
  await expect(error).toContainText('That passphrase does not unlock these notes');
  await expect(error).toBeFocused();
  await expect(page.getByLabel('Passphrase', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'a wrong passphrase');
  expect(await storage(page)).toEqual(before);

  await unlock(page);
  await expect(page.getByRole('main')).toContainText(TITLE, { timeout: 15_000 });
  // The passphrase box went with the focus in it: focus is on the notes, not lost.
  await expect(page.getByRole('main')).toBeFocused();
  const unlockMs = await page.evaluate(() => performance.getEntriesByName('toolkit:unlock').at(-1)?.duration);
  expect(unlockMs).toBeGreaterThan(0);
  expect(watch.consoleErrors).toEqual([]);
});

test('the new passphrase must be long enough, typed twice the same, and the warning understood', async ({ page }) => {
  await page.goto('/notes/lock');
  await ready(page);
  await expect(page.getByRole('main')).toContainText('If you forget your passphrase, nobody can recover your notes');
  await page.getByRole('button', { name: 'Lock my notes' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Enter a passphrase');
  await expect(summary).toContainText('Confirm you understand');
  await page.getByLabel('Choose a passphrase').fill('short');
  await page.getByLabel('Type it again').fill('other');
  await page.getByRole('button', { name: 'Lock my notes' }).click();
  await expect(summary).toContainText('at least 10 characters');
  await expect(summary).toContainText('The two passphrases are not the same');
  await expectNoAxeViolations(page, 'the lock form with errors');
  expect(await page.evaluate(() => localStorage.getItem('safeguarding-toolkit.lock'))).toBeNull();
});

test('words typed when the lock comes by itself are kept, sealed, and there after unlocking', async ({ page }) => {
  await page.clock.install();
  await writeNote(page, WORDS);
  await turnOn(page);
  await page.goto('/notes/new?kind=free');
  await expect(lockedBox(page)).toBeVisible({ timeout: 20_000 });
  await unlock(page);
  await page.getByLabel('Title').fill('Typed as it locked');
  await page.getByLabel('Your note').pressSequentially('Words not saved by hand');
  // Sixteen minutes without use.
  await page.clock.fastForward('16:00');
  await expect(lockedBox(page)).toBeVisible({ timeout: 15_000 });
  await expectNoPlainText(page, 'Words not saved by hand');
  await page.goto('/notes');
  await ready(page);
  await expect(lockedBox(page)).toBeVisible({ timeout: 15_000 });
  await unlock(page);
  await expect(page.getByRole('main')).toContainText('Typed as it locked', { timeout: 15_000 });
  await page.getByRole('link', { name: /Typed as it locked/ }).click();
  await expect(page.getByLabel('Your note')).toHaveValue('Words not saved by hand');
});

test('two tabs: turning on, locking and unlocking in one does the same in the other, and their edits merge', async ({ context }) => {
  const a = await context.newPage();
  await writeNote(a, WORDS);
  const b = await context.newPage();
  await b.goto('/notes');
  await ready(b);
  await expect(b.getByRole('main')).toContainText(TITLE);

  // Turned on in A: B is sent the key, stays open, and what it writes is sealed.
  await turnOn(a);
  await b.getByRole('button', { name: 'Write a note' }).click();
  await b.getByLabel('Title').fill('From tab B');
  await b.getByLabel('Your note').fill('Written in the second tab');
  await b.getByRole('button', { name: 'Save and finish' }).click();
  await expect(b.getByRole('main')).toContainText('From tab B');
  await a.getByRole('link', { name: 'Back' }).click();
  await expect(a.getByRole('main')).toContainText('From tab B', { timeout: 15_000 });
  await expectNoPlainText(a, 'Written in the second tab');

  // Locked in B: A locks too.
  await b.getByRole('link', { name: 'Lock now, or change your passphrase' }).click();
  await b.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockedBox(b)).toBeVisible();
  await expect(lockedBox(a)).toBeVisible({ timeout: 15_000 });
  await expect(a.getByRole('main')).not.toContainText(TITLE);

  // Unlocked in A: B opens too.
  await unlock(a);
  await expect(a.getByRole('main')).toContainText(TITLE, { timeout: 15_000 });
  await expect(b.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: 15_000 });
});

test('change the passphrase, then turn the lock off: the notes are plain again', async ({ page }) => {
  await writeNote(page, WORDS);
  await turnOn(page);
  await page.getByLabel('New passphrase').fill('blue teapot on friday');
  await page.getByLabel('Type it again').fill('blue teapot on friday');
  await page.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your passphrase is changed' })).toBeVisible({ timeout: 15_000 });
  await expectNoPlainText(page, WORDS);

  await page.goto('/notes');
  await expect(lockedBox(page)).toBeVisible({ timeout: 20_000 });
  await unlock(page);
  await expect(page.locator('#unlock-error')).toContainText('does not unlock');
  await unlock(page, 'blue teapot on friday');
  await expect(page.getByRole('main')).toContainText(TITLE, { timeout: 15_000 });

  await page.getByRole('link', { name: 'Lock now, or change your passphrase' }).click();
  await page.getByRole('button', { name: 'Turn the lock off' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The lock is off' })).toBeVisible({ timeout: 15_000 });
  const all = await storage(page);
  expect(all['safeguarding-toolkit.lock']).toBeUndefined();
  expect(Object.values(all).some((v) => v.includes(WORDS))).toBe(true);
  await page.reload();
  await ready(page);
  await expect(page.getByLabel('Choose a passphrase')).toBeVisible();
});

test('locked and lock pages fit a 320 px phone', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await writeNote(page, WORDS);
  await page.goto('/notes/lock');
  await ready(page);
  await expectNoHorizontalScroll(page);
  await page.getByLabel('Choose a passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByLabel('I understand that if I forget my passphrase').check();
  await page.getByRole('button', { name: 'Lock my notes' }).click();
  await expect(page.getByRole('button', { name: 'Lock now' })).toBeVisible({ timeout: 15_000 });
  await expectNoHorizontalScroll(page);
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(lockedBox(page)).toBeVisible();
  await expectNoHorizontalScroll(page);
  await expectNoAxeViolations(page, 'the lock page, locked, at 320 px');
});

test('export locked with the passphrase, or plain; a locked file imports elsewhere only with its passphrase', async ({ page, browser, baseURL }) => {
  await writeNote(page, WORDS);
  await turnOn(page);
  await page.getByRole('link', { name: 'Back' }).click();
  await expect(page.getByText('A plain file can be read by anyone who opens it')).toBeVisible();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export, locked with my passphrase' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^safeguarding-notes-\d{4}-\d{2}-\d{2}-locked\.json$/);
  const file = (await download.path())!;
  const text = fs.readFileSync(file, 'utf8');
  expect(text).not.toContain(WORDS);
  expect(JSON.parse(text)).toMatchObject({ format: 'stk-lock-1', kdf: { name: 'PBKDF2-SHA256', iterations: 600000 } });
  await expect(page.getByText(/Exported 1 note, locked with your passphrase/)).toBeVisible();

  // Another browser, with no lock: the file asks for its passphrase.
  const clean = await browser.newContext({ baseURL });
  const fresh = await clean.newPage();
  await fresh.goto('/notes/import');
  await ready(fresh);
  await fresh.getByLabel('Choose an export file').setInputFiles(file);
  const field = fresh.getByLabel('The passphrase the notes were locked with');
  await field.fill('not the passphrase');
  await fresh.getByRole('button', { name: 'Open the file' }).click();
  await expect(fresh.locator('#file-passphrase-error')).toContainText('That passphrase does not open this file');
  await expectNoAxeViolations(fresh, 'a locked file with a wrong passphrase');
  await field.fill(PASSPHRASE);
  await fresh.getByRole('button', { name: 'Open the file' }).click();
  await expect(fresh.getByText('1 note will be added')).toBeVisible({ timeout: 15_000 });
  await fresh.getByRole('button', { name: 'Import 1 note' }).click();
  await expect(fresh.getByRole('heading', { name: 'Notes imported' })).toBeVisible();
  await fresh.goto('/notes');
  await ready(fresh);
  await expect(fresh.getByRole('main')).toContainText(TITLE);
  await clean.close();

  // A plain export still reads as before.
  const [plain] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export as plain text' }).click(),
  ]);
  expect(fs.readFileSync((await plain.path())!, 'utf8')).toContain(WORDS);
});

test('two tabs: a passphrase changed or the lock turned off in one is followed in the other, with no word lost', async ({ context }) => {
  const a = await context.newPage();
  await writeNote(a, WORDS);
  const b = await context.newPage();
  await b.goto('/notes');
  await ready(b);
  await turnOn(a);

  // A new passphrase in A: B is sent the new key, and what B writes opens with it.
  await a.getByLabel('New passphrase').fill('blue teapot on friday');
  await a.getByLabel('Type it again').fill('blue teapot on friday');
  await a.getByRole('button', { name: 'Change passphrase' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Your passphrase is changed' })).toBeVisible({ timeout: 15_000 });
  await b.getByRole('button', { name: 'Write a note' }).click();
  await b.getByLabel('Title').fill('After the change');
  await b.getByLabel('Your note').fill('Written in B after the new passphrase');
  await b.getByRole('button', { name: 'Save and finish' }).click();
  await expect(b.getByRole('main')).toContainText('After the change');
  await expectNoPlainText(b, 'Written in B after the new passphrase');
  const c = await context.newPage();
  await c.goto('/notes');
  await expect(lockedBox(c)).toBeVisible({ timeout: 20_000 });
  await unlock(c, 'blue teapot on friday');
  await expect(c.getByRole('main')).toContainText('After the change', { timeout: 15_000 });
  await expect(c.getByRole('main')).toContainText(TITLE);
  await c.close();

  // Turned off in A: B stores what it writes as typed again.
  await a.getByRole('button', { name: 'Turn the lock off' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'The lock is off' })).toBeVisible({ timeout: 15_000 });
  await b.getByRole('button', { name: 'Write a note' }).click();
  await b.getByLabel('Title').fill('After the lock');
  await b.getByLabel('Your note').fill('Written in B with the lock off');
  await b.getByRole('button', { name: 'Save and finish' }).click();
  await expect(b.getByRole('main')).toContainText('After the lock');
  const all = await storage(b);
  expect(all['safeguarding-toolkit.lock']).toBeUndefined();
  const values = Object.values(all).join('\n');
  for (const words of [WORDS, 'Written in B after the new passphrase', 'Written in B with the lock off']) expect(values).toContain(words);
  await a.goto('/notes');
  await ready(a);
  await expect(a.getByRole('main')).toContainText('After the lock');
});

test('a damaged lock record or a damaged locked note is said in words and kept exactly as stored', async ({ page }) => {
  await writeNote(page, WORDS);
  await turnOn(page);
  // One note's stored envelope has a byte changed; another entry is cut short.
  const damagedKey = await page.evaluate(() => {
    const key = Object.keys(localStorage).find((k) => k.startsWith('safeguarding-toolkit.note.'))!;
    const envelope = JSON.parse(localStorage.getItem(key)!);
    const bytes = atob(envelope.ciphertext);
    envelope.ciphertext = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    localStorage.setItem(key, JSON.stringify(envelope));
    localStorage.setItem('safeguarding-toolkit.note.zzzz/cut', '{"cipher":{"iv":"AAAA');
    return key;
  });
  const before = await storage(page);
  await page.goto('/notes');
  await expect(lockedBox(page)).toBeVisible({ timeout: 20_000 });
  await unlock(page);
  const banner = page.getByRole('region', { name: '2 locked entries could not be opened' });
  await expect(banner).toBeVisible({ timeout: 15_000 });
  await expect(banner).toContainText(damagedKey);
  await expect(banner).toContainText('the passphrase is wrong or the stored text was changed');
  await expectNoAxeViolations(page, 'My notes with damaged locked entries');
  const after = await storage(page);
  expect(after[damagedKey]).toBe(before[damagedKey]);
  expect(after['safeguarding-toolkit.note.zzzz/cut']).toBe(before['safeguarding-toolkit.note.zzzz/cut']);

  // The lock's own record damaged: said, and nothing is changed.
  await page.evaluate(() => localStorage.setItem('safeguarding-toolkit.lock', '{"format":"stk-lock-9"}'));
  const stored = await storage(page);
  await page.goto('/notes');
  const damaged = page.getByRole('region', { name: "Your notes' lock cannot be read" });
  await expect(damaged).toBeVisible({ timeout: 20_000 });
  await expect(damaged).toContainText('Nothing stored has been changed or removed');
  await expectNoAxeViolations(page, 'a damaged lock record');
  expect(await storage(page)).toEqual(stored);
});

test('when the locked notes would not fit in storage, the lock is not turned on and nothing is changed', async ({ page }) => {
  await page.goto('/about');
  await ready(page);
  // One note of 4.1 M characters fits as typed; sealed (base64, a third longer) it would go over
  // what Chromium allows the site (about 5.2 M characters).
  await page.evaluate(() => {
    const version = '00000001';
    const note = { id: 'big', version, created_at: 1_700_000_000_000, updated_at: 1_700_000_000_000, kind: 'free-form', title: 'A very long note', text: 'look listen record '.repeat(215_000) };
    localStorage.setItem('safeguarding-toolkit.notes', JSON.stringify({ schema: 2 }));
    localStorage.setItem(`safeguarding-toolkit.note.${version}/big`, JSON.stringify(note));
  });
  await page.goto('/notes');
  await ready(page);
  await expect(page.getByRole('main')).toContainText('A very long note');
  const before = await storage(page);
  await page.getByRole('link', { name: 'Lock my notes with a passphrase' }).click();
  await page.getByLabel('Choose a passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByLabel('I understand that if I forget my passphrase').check();
  await page.getByRole('button', { name: 'Lock my notes' }).click();
  await expect(page.getByRole('alert')).toContainText('The lock was not turned on: the storage this browser allows the toolkit is full. Your notes are as they were.', { timeout: 20_000 });
  expect(await storage(page)).toEqual(before);
  await expect(page.getByLabel('Choose a passphrase')).toBeVisible();
  await page.goto('/notes');
  await ready(page);
  await expect(page.getByRole('main')).toContainText('A very long note');
});

test('a damaged check value does not keep the notes locked for good: a note that opens shows the passphrase is right', async ({ page }) => {
  await writeNote(page, WORDS);
  await turnOn(page);
  await page.evaluate(() => {
    const envelope = JSON.parse(localStorage.getItem('safeguarding-toolkit.lock')!);
    const bytes = atob(envelope.ciphertext);
    envelope.ciphertext = btoa(String.fromCharCode(bytes.charCodeAt(0) ^ 1) + bytes.slice(1));
    localStorage.setItem('safeguarding-toolkit.lock', JSON.stringify(envelope));
  });
  const before = await storage(page);
  await page.goto('/notes');
  await expect(lockedBox(page)).toBeVisible({ timeout: 20_000 });
  await unlock(page, 'green kettle on tuesday');
  await expect(page.locator('#unlock-error')).toContainText('That passphrase does not unlock these notes');
  await unlock(page);
  await expect(page.getByRole('main')).toContainText(TITLE, { timeout: 15_000 });
  const banner = page.getByRole('region', { name: '1 locked entry could not be opened' });
  await expect(banner).toContainText("the lock's check value did not open");
  expect(await storage(page)).toEqual(before);
});
