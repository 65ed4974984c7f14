// Section 2: the app against the floor. Lighthouse's default mobile preset (simulated slow 4G
// and a 4x slower CPU) on the app's brief page and on the static floor page of the same brief,
// runs interleaved (app, floor, app, ...), medians of each figure and the app/floor LCP ratio.
import { mkdirSync, readFileSync } from 'node:fs';
import { ROOT, OUT, CHROMIUM, QUICK, log, run, median, table, ms } from './lib.mjs';

const FLAGS = '--headless=new --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage';

/// One Lighthouse run; returns its figures.
async function lighthouse(url, out) {
  await run('node', [
    `${ROOT}/node_modules/lighthouse/cli/index.js`, url, '--quiet', '--output=json', `--output-path=${out}`,
    '--only-categories=performance,accessibility,best-practices', `--chrome-flags=${FLAGS}`,
  ], { env: { CHROME_PATH: CHROMIUM }, quiet: true });
  const lhr = JSON.parse(readFileSync(out, 'utf8'));
  if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const score = (id) => Math.round((lhr.categories[id]?.score ?? NaN) * 100);
  const value = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    best_practices: score('best-practices'),
    fcp: value('first-contentful-paint'),
    lcp: value('largest-contentful-paint'),
    tbt: value('total-blocking-time'),
    cls: value('cumulative-layout-shift'),
    warnings: lhr.runWarnings || [],
    failed_audits: ['accessibility', 'best-practices'].flatMap((cat) =>
      (lhr.categories[cat]?.auditRefs || [])
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score !== null && lhr.audits[ref.id]?.score < 1)
        .map((ref) => `${cat}: ${ref.id}`)),
  };
}

export async function lighthouseSection({ server, briefId, floor }) {
  const runs = QUICK ? 1 : 3;
  const dir = `${OUT}/lighthouse`;
  mkdirSync(dir, { recursive: true });
  const pages = { app: `${server.base}/briefs/${briefId}`, floor: `${server.base}${floor.path}` };
  const results = { app: [], floor: [] };
  for (let i = 1; i <= runs; i++) {
    for (const which of ['app', 'floor']) {
      log(`section 2: Lighthouse ${which} run ${i} of ${runs}`);
      results[which].push(await lighthouse(pages[which], `${dir}/${which}-${i}.json`));
    }
  }
  const med = (which, key) => median(results[which].map((r) => r[key]));
  const rows = [
    ['Performance', 'performance', (x) => String(x)],
    ['Accessibility', 'accessibility', (x) => String(x)],
    ['Best Practices', 'best_practices', (x) => String(x)],
    ['First Contentful Paint', 'fcp', ms],
    ['Largest Contentful Paint', 'lcp', ms],
    ['Total Blocking Time', 'tbt', ms],
    ['Cumulative Layout Shift', 'cls', (x) => x.toFixed(3)],
  ].map(([name, key, f]) => {
    const a = med('app', key);
    const b = med('floor', key);
    const ratio = key === 'fcp' || key === 'lcp' ? `${(a / b).toFixed(2)}×` : '';
    return [name, f(a), f(b), ratio];
  });
  const lcpRatio = med('app', 'lcp') / med('floor', 'lcp');
  const failed = [...new Set(results.app.flatMap((r) => r.failed_audits))];
  const failedFloor = [...new Set(results.floor.flatMap((r) => r.failed_audits))];
  const warnings = [...new Set([...results.app, ...results.floor].flatMap((r) => r.warnings))];
  const markdown = [
    `Lighthouse ${JSON.parse(readFileSync(`${ROOT}/node_modules/lighthouse/package.json`, 'utf8')).version}, mobile preset (simulated slow 4G, 4× CPU slowdown), median of ${runs} run${runs > 1 ? 's' : ''} each, interleaved. App: \`/briefs/${briefId}\`. Floor: \`${floor.path}\`, the same brief as static HTML with the same stylesheet and no script (${floor.bytes.toLocaleString('en-GB')} bytes raw), from the same server.`,
    table(['Median', 'App', 'Floor', 'App / floor'], rows),
    `**App/floor LCP ratio: ${lcpRatio.toFixed(2)}×.**`,
    failed.length ? `Audits the app did not pass: ${failed.join(', ')}.` : 'The app passed every weighted accessibility and best-practice audit.',
    failedFloor.length ? `Audits the floor did not pass: ${failedFloor.join(', ')}.` : '',
    warnings.length ? `Lighthouse warnings: ${warnings.join(' ')}` : '',
    `Full reports: target/bench/lighthouse/.`,
  ].filter(Boolean).join('\n\n');
  return { markdown, data: { runs, urls: pages, results, lcp_ratio: lcpRatio } };
}
