// Section 8: the notes lock. With the 5,000 notes of section 4 stored, each run times turning the
// lock on (every value sealed), then a page load of /notes (to the locked box) and unlocking
// (the Unlock click to 50 notes drawn, PBKDF2 at 600,000 iterations included). Unlocking with no
// notes times the key derivation and the check alone. The same, with the page's CPU slowed 4×
// (Lighthouse's phone setting; Web Crypto may run off the main thread, which this does not slow).
import { QUICK, log, summary, table, ms, ready, timeInPage } from './lib.mjs';
import { seed, seedNotes } from './notes.mjs';

const PASSPHRASE = 'green kettle on monday';
const OPEN = { h1: 'My notes', count: { selector: '.note-item', atLeast: 50 } };

const toolkitChars = (page) => page.evaluate(() => Object.keys(localStorage)
  .filter((k) => k.startsWith('safeguarding-toolkit'))
  .reduce((n, k) => n + k.length + localStorage.getItem(k).length, 0));

async function turnOn(page, base) {
  await page.goto(`${base}/notes/lock`);
  await ready(page);
  await page.getByLabel('Choose a passphrase').fill(PASSPHRASE);
  await page.getByLabel('Type it again').fill(PASSPHRASE);
  await page.getByLabel('I understand that if I forget my passphrase').check();
  return (await timeInPage(page, { click: 'button[type=submit]', text: 'Lock my notes' }, { text: 'Your notes are now locked' }, 120_000)).frame;
}

/// A page load of /notes to the locked box, then Unlock to `until` shown.
async function unlockOnce(page, base, until) {
  const t0 = Date.now();
  await page.goto(`${base}/notes`);
  await page.getByLabel('Passphrase', { exact: true }).waitFor({ timeout: 60_000 });
  const locked = Date.now() - t0;
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  const unlocked = (await timeInPage(page, { click: 'button[type=submit]', text: 'Unlock' }, until, 60_000)).frame;
  const inApp = await page.evaluate(() => Object.fromEntries(['unlock', 'unlock:derive', 'unlock:read', 'unlock:open', 'load']
    .map((n) => [n, performance.getEntriesByName(`toolkit:${n}`).at(-1)?.duration ?? NaN])));
  return { locked, unlocked, inApp };
}

export async function lockSection({ browser, server }) {
  const runs = QUICK ? 2 : 5;
  const base = server.base;
  const value = seedNotes();
  const plainChars = Object.entries(value).reduce((n, [k, v]) => n + k.length + v.length, 0);
  const rows = [];
  const data = {};
  for (const [label, rate] of [['desktop', 1], ['CPU slowed 4×', 4]]) {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on('dialog', (d) => d.accept());
    if (rate > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    }
    const times = {
      turn_on: [], locked_load: [], unlock_5000: [], unlock_5000_in_app: [], derive: [], read: [], open: [], load: [], unlock_empty: [],
    };
    let sealedChars = 0;
    for (let i = 1; i <= runs; i++) {
      log(`section 8: the notes lock (${label}), run ${i} of ${runs}`);
      await seed(page, base, value);
      times.turn_on.push(await turnOn(page, base));
      sealedChars = await toolkitChars(page);
      const r = await unlockOnce(page, base, OPEN);
      times.locked_load.push(r.locked);
      times.unlock_5000.push(r.unlocked);
      times.unlock_5000_in_app.push(r.inApp.unlock);
      times.derive.push(r.inApp['unlock:derive']);
      times.read.push(r.inApp['unlock:read']);
      times.open.push(r.inApp['unlock:open']);
      times.load.push(r.inApp.load);
      // No notes: the key and the check alone.
      await seed(page, base, {});
      await turnOn(page, base);
      const e = await unlockOnce(page, base, { text: 'You have no notes yet' });
      times.unlock_empty.push(e.unlocked);
    }
    await context.close();
    const names = {
      turn_on: 'Turn the lock on with 5,000 notes (click to “now locked”: derive, seal every value, write)',
      locked_load: 'Open /notes locked (page load to the passphrase box, as Playwright sees it)',
      unlock_5000: 'Unlock 5,000 notes (Unlock click to 50 notes drawn)',
      unlock_5000_in_app: '… of which deriving the key, checking it, opening every value and reading the notes (in the app)',
      derive: '… … deriving the key (PBKDF2)',
      read: '… … reading every stored value and its envelope',
      open: '… … decrypting every value (Web Crypto, all started at once)',
      load: '… … reading the notes from the opened values (as with the lock off)',
      unlock_empty: 'Unlock with no notes (Unlock click to My notes drawn)',
    };
    for (const [k, xs] of Object.entries(times)) {
      const s = summary(xs);
      rows.push([`${names[k]}, ${label}`, String(s.n), ms(s.median), ms(s.p95)]);
      data[`${k}_${rate}x`] = { ...s, samples: xs };
    }
    data.sealed_chars = sealedChars;
  }
  data.plain_chars = plainChars;
  const markdown = [
    `PBKDF2-SHA256 at 600,000 iterations, AES-GCM 256. With the lock on, the 5,000 notes take ${(data.sealed_chars / 1e6).toFixed(2)} M characters of local storage against ${(plainChars / 1e6).toFixed(2)} M with it off (${(data.sealed_chars / plainChars).toFixed(2)}×: base64 and each value's envelope). No phone was measured: the “CPU slowed 4×” rows are Chromium's CPU throttling on this machine.`,
    '',
    table(['Action', 'Runs', 'Median', 'p95'], rows),
  ].join('\n');
  return { markdown, data };
}
