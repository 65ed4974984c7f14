// Section 5: the review guide. A full walk from the first question to "Check your answers",
// repeated; each step is timed in the page from the click on Continue to the animation frame
// after the next question's heading is shown.
import { QUICK, log, summary, table, ms, ready, timeInPage } from './lib.mjs';

const GUIDE = 'review-threshold';
/// The option chosen at each question, by position; past the list, the first option.
const WALKS = [[0, 0, 1, 0], [0, 1, 0], [0, 2, 1, 1]];

export async function guideSection({ browser, server }) {
  const repeats = QUICK ? 1 : 3;
  const context = await browser.newContext();
  const page = await context.newPage();
  const steps = [];
  const paths = [];
  // One load first, so the timed walks use the browser's compiled wasm.
  await page.goto(`${server.base}/guide/${GUIDE}`);
  await ready(page);
  for (let r = 1; r <= repeats; r++) {
    for (const walk of WALKS) {
      log(`section 5: guide walk ${walk.join(',')} (${r} of ${repeats})`);
      await page.goto(`${server.base}/guide/${GUIDE}`);
      await ready(page);
      const path = [];
      for (let step = 0; step < 15; step++) {
        const radios = page.locator('input[type=radio]');
        if ((await radios.count()) === 0) break;
        const choice = Math.min(walk[step] ?? 0, (await radios.count()) - 1);
        await radios.nth(choice).check();
        const before = await page.locator('main h1').first().textContent();
        path.push(before);
        const t = await timeInPage(page, { click: 'button[type=submit]', text: 'Continue' }, { h1Not: before });
        steps.push(t.frame);
      }
      path.push(await page.locator('main h1').first().textContent());
      if (r === 1) paths.push(path);
    }
  }
  await context.close();
  const s = summary(steps);
  const markdown = [
    `Guide \`${GUIDE}\`: ${WALKS.length} walks from the first question to “Check your answers”, ${repeats} time${repeats > 1 ? 's' : ''} each (${paths.map((p) => p.length - 1).join(', ')} questions). Each answer: choose an option, click Continue, time to the frame after the next heading is drawn.`,
    '',
    table(['Answers timed', 'Median', 'p95', 'Max'], [[String(s.n), ms(s.median), ms(s.p95), ms(s.max)]]),
  ].join('\n');
  return { markdown, data: { ...s, samples: steps, paths } };
}
