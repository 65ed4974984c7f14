// Section 3: search as you type on /briefs, in real Chromium. Queries are typed one key at a
// time; each keystroke is timed from the keydown event's timestamp to the animation frame after
// the last change the page made in <main> in response (results list and count).
import { QUICK, log, summary, table, ms, ready } from './lib.mjs';

const QUERIES = ['risk assessment', 'domestic abuse', 'disguised compliance', 'neglect', 'information sharing', 'voice of the child', 'early help'];

/// Installs the keystroke recorder in the page.
function install(page) {
  return page.evaluate(() => {
    const state = { cur: null };
    window.__searchBench = state;
    document.querySelector('#q').addEventListener('keydown', (e) => {
      state.cur = { key: e.key, t0: e.timeStamp, lastMutation: 0, frame: 0 };
    }, true);
    new MutationObserver(() => {
      const cur = state.cur;
      if (!cur) return;
      cur.lastMutation = performance.now();
      requestAnimationFrame(() => { cur.frame = performance.now(); });
    }).observe(document.querySelector('main'), { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

/// Types `queries` into the search box and returns each keystroke's latency (ms).
async function typeQueries(browser, base, queries) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${base}/briefs`);
  await ready(page);
  await page.locator('.card').first().waitFor();
  await install(page);
  const box = page.locator('#q');
  const samples = [];
  let unchanged = 0;
  for (const query of queries) {
    await box.click();
    for (const ch of query) {
      await page.keyboard.type(ch);
      try {
        // Done when the page has been quiet for 150 ms after its last change and a frame has
        // been drawn since.
        await page.waitForFunction(() => {
          const c = window.__searchBench.cur;
          return c && c.lastMutation > 0 && c.frame > c.lastMutation && performance.now() - c.lastMutation > 150;
        }, null, { timeout: 3000 });
        samples.push(await page.evaluate(() => { const c = window.__searchBench.cur; return c.frame - c.t0; }));
      } catch {
        unchanged += 1; // A key that changed nothing on screen, such as a space.
      }
    }
    await box.fill('');
    await page.waitForTimeout(300);
    await page.evaluate(() => { window.__searchBench.cur = null; });
  }
  const briefs = await page.evaluate(() => document.querySelectorAll('.card').length);
  await context.close();
  return { samples, unchanged, briefs };
}

export async function searchSection({ browser, server, server10x }) {
  const queries = QUICK ? QUERIES.slice(0, 3) : QUERIES;
  const sets = [['Bundled content', server]];
  if (server10x) sets.push(['10× content (synthetic copies)', server10x]);
  const rows = [];
  const data = {};
  for (const [name, srv] of sets) {
    log(`section 3: search as you type, ${name}`);
    const { samples, unchanged, briefs } = await typeQueries(browser, srv.base, queries);
    const s = summary(samples);
    data[name] = { ...s, unchanged, briefs, samples };
    rows.push([name, String(briefs), String(s.n), ms(s.median), ms(s.p95), ms(s.max)]);
  }
  const markdown = [
    `Queries typed one key at a time (${queries.map((q) => `“${q}”`).join(', ')}), with the box cleared between them. Latency: from the keydown event’s timestamp to the first animation frame after the last change the page made in \`<main>\` (a MutationObserver, then requestAnimationFrame). Keys that changed nothing on screen (a space that leaves the results the same) are not counted.`,
    '',
    table(['Content', 'Briefs', 'Keystrokes', 'p50', 'p95', 'Max'], rows),
    server10x ? '' : '\nThe 10× content build was skipped (BENCH_QUICK=1).',
  ].join('\n');
  return { markdown, data: { queries, ...data } };
}
