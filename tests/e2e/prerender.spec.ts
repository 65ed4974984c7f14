// Every page arrives as finished HTML and the app takes it over without drawing it again:
// prerendered at build time, hydrated after it has painted (at once on the pages that show the
// notes, which preload the code), with no console message on any page. A brief loads no code
// until it is touched. With scripts off, a brief can be read, the guide walked to an outcome,
// and Exit this page used.
import * as fs from 'fs';
import * as path from 'path';
import { test, expect, prerenderedPages } from './helpers';

const PAGES = prerenderedPages();

test('the build prerenders every page', () => {
  // Home, briefs and their discussion and handout pages, the guide's questions and outcomes,
  // the notes pages' frames, and the not-found page.
  expect(PAGES.length).toBeGreaterThan(100);
  for (const page of ['/', '/briefs', '/briefs/child-b', '/briefs/child-b/discuss', '/briefs/child-b/handout',
    '/themes', '/glossary', '/about', '/guide', '/guide/review-threshold', '/guide/review-threshold/steps',
    '/guide/review-threshold/a/one-child', '/notes', '/notes/new', '/notes/a-note-id', '/no-such-page']) {
    expect(PAGES).toContain(page);
  }
});

for (const url of PAGES) {
  test(`${url}: shown before the app's code runs, then taken over as it is, with no console message`, async ({ page }) => {
    const messages: string[] = [];
    page.on('console', (m) => {
      const documentNotFound = m.text().includes('status of 404') && m.location().url === page.url();
      if (!documentNotFound) messages.push(`${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => messages.push(`page error: ${e}`));
    // The code is held back until the prerendered page has been looked at.
    let release = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
    await page.goto(url);
    const heading = page.locator('main h1');
    await expect(heading).toBeVisible();
    const prerendered = await heading.textContent();
    // Mark the prerendered heading: the app must keep this very element, not draw a new one.
    await page.evaluate(() => { (document.querySelector('main h1') as any).__prerendered = true; });
    release();
    await page.evaluate(() => {
      if (document.getElementById('app')?.dataset.hydrate === 'touch') dispatchEvent(new Event('pointerdown'));
    });
    await page.waitForFunction(() => (window as any).__toolkitStarted === true);
    // Effects run after the app has taken over: let them (notes, the query) settle.
    await page.waitForTimeout(200);
    if (!url.startsWith('/notes')) {
      expect(await page.evaluate(() => (document.querySelector('main h1') as any).__prerendered === true)).toBe(true);
      await expect(heading).toHaveText(prerendered!);
    }
    expect(messages).toEqual([]);
    // An acronym the source gives in brackets after its full name is not expanded again:
    // "Serious Case Review (SCR (Serious Case Review))" must never be shown.
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/\([A-Z]{2,}s? \([^()]+\)\)/);
    // Every "source 003" the text names is listed on the same page as "Source 003: <title>"
    // (perhaps under a "Sources for this step" that is folded away).
    const whole = (await page.locator('body').textContent()) ?? '';
    for (const [, id] of text.matchAll(/\bsource (\d{3})\b/g)) {
      expect(whole, `${url} names source ${id}`).toMatch(new RegExp(`Source ${id}: \\S`));
    }
  });
}

test('only the pages that show the notes start at once and preload the code', () => {
  const dist = process.env.DIST || 'dist';
  const now = ['notes/index.html', 'notes/_note/index.html', 'notes/cpd/index.html', 'notes/next-steps/index.html'];
  for (const file of fs.readdirSync(dist, { recursive: true }) as string[]) {
    if (!file.endsWith('.html')) continue;
    const html = fs.readFileSync(path.join(dist, file), 'utf8');
    const when = html.match(/<div id="app" class="app" data-path="[^"]*" data-hydrate="(\w+)">/)?.[1];
    const preloads = (html.match(/<link rel="(?:preload|modulepreload)" href="\/safeguarding-toolkit-[0-9a-f]+(?:_bg\.wasm|\.js)"[^>]*>/g) || []).length;
    const expected = now.includes(file.split(path.sep).join('/'));
    expect([file, when === 'now', preloads]).toEqual([file, expected, expected ? 2 : 0]);
  }
});

test('a brief fetches no app code until it is touched, then takes itself over', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto('/briefs/child-b');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child B Serious Case Review');
  await page.waitForLoadState('load');
  await page.waitForTimeout(1000);
  expect(fetched.filter((p) => /\.(wasm|js)$/.test(p))).toEqual([]);
  await expect(page.locator('.brief-notes')).toContainText('Loading your notes…');
  // Reaching the notes part loads the code, and the notes.
  await page.locator('.brief-notes').scrollIntoViewIfNeeded();
  await expect(page.getByText('0 of 4 next steps done')).toBeVisible();
  expect(fetched.some((p) => p.endsWith('_bg.wasm'))).toBe(true);
});

test.describe('with scripts off', () => {
  test.use({ javaScriptEnabled: false });

  test('a brief reads in full, the guide walks to an outcome, and Exit this page leaves', async ({ page }) => {
    await page.goto('/briefs/child-b');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Child B Serious Case Review');
    await expect(page.getByRole('heading', { level: 2, name: 'Risk assessments' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Your next steps' })).toBeVisible();
    await expect(page.getByText("Your notes need a browser that runs this toolkit's code")).toBeVisible();

    // The guide: every answer is also a link.
    await page.goto('/guide');
    await page.getByRole('button', { name: 'Start now' }).click();
    for (const answer of ['Something that happened to a child', 'The child has been seriously harmed', 'Yes, it is known or suspected']) {
      await page.getByRole('link', { name: answer, exact: true }).click();
    }
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your answers');
    await page.getByRole('button', { name: 'See what may follow' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This may be a serious child safeguarding case');
    await expect(page.getByRole('heading', { name: 'Sources' })).toBeVisible();

    // Exit this page is a plain link to an everyday site.
    await page.route('https://www.bbc.co.uk/**', (route) => route.fulfill({ body: '<title>Weather</title>', contentType: 'text/html' }));
    await page.getByRole('button', { name: 'Emergency Exit this page' }).click();
    await expect(page).toHaveURL(/bbc\.co\.uk\/weather/);
  });

  test('the notes pages say they need a browser that runs the app', async ({ page }) => {
    await page.goto('/notes');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('My notes');
    await expect(page.getByText("Your notes need a browser that runs this toolkit's code")).toBeVisible();
  });
});
