// `make bench`: builds the app (and a copy with ten times the content), measures it in Debian's
// Chromium and with Lighthouse, and prints one report, also written to target/bench/report.md
// and report.json. Speed is only ever reported here, never asserted: these machines are noisy.
//
//   BENCH_QUICK=1   one Lighthouse run each, fewer repeats, no 10x build (for development)
//   BENCH_REUSE=1   reuse target/bench/dist (and dist-10x) from an earlier run instead of building
//   BENCH_BRIEF=id  the brief the floor page and the app's brief page show (default: the longest)
//   BENCH_ONLY=4,8  run only these sections (for development)
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ROOT, OUT, QUICK, log, launch, serve } from './lib.mjs';
import { buildApp, keepBuildArtifacts, makeFloor } from './build.mjs';
import { synthContent } from './synth-content.mjs';
import { environment } from './env.mjs';
import { transferSection } from './transfer.mjs';
import { lighthouseSection } from './lighthouse.mjs';
import { searchSection } from './search.mjs';
import { notesSection } from './notes.mjs';
import { guideSection } from './guide.mjs';
import { repeatSection } from './repeat.mjs';
import { sizesSection } from './sizes.mjs';
import { lockSection } from './lock.mjs';

process.env.PATH = `${ROOT}/node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}`;
const wallStart = Date.now();
const reuse = process.env.BENCH_REUSE === '1';
mkdirSync(OUT, { recursive: true });

const dist = `${OUT}/dist`;
const dist10x = `${OUT}/dist-10x`;
const env = await environment();
log(`environment: ${env.data.cpu}, ${env.data.cores} cores; ${env.data.chromium}; ${env.data.mode}`);

const builds = {};
let kept;
if (reuse && existsSync(`${dist}/index.html`)) {
  log(`reusing ${dist} (BENCH_REUSE=1)`);
  kept = { wasm: existsSync(`${OUT}/app-prebindgen.wasm`) ? `${OUT}/app-prebindgen.wasm` : null, library: `${OUT}/library.json`, guides: `${OUT}/guides.json` };
} else {
  builds.app_seconds = await buildApp(dist);
  kept = keepBuildArtifacts();
}
const floor = await makeFloor(dist, process.env.BENCH_BRIEF);
log(`floor page: /floor.html shows brief ${floor.id}`);

let have10x = false;
if (!QUICK) {
  if (reuse && existsSync(`${dist10x}/index.html`)) {
    have10x = true;
  } else {
    const briefs = synthContent(`${OUT}/content-10x`, 10);
    log(`made ${briefs} briefs in target/bench/content-10x`);
    builds.content_10x_seconds = await buildApp(dist10x, `${OUT}/content-10x`);
    keepBuildArtifacts('-10x');
    have10x = true;
  }
}

const server = await serve(dist);
const server10x = have10x ? await serve(dist10x) : null;
const browser = await launch();
const ctx = { browser, server, server10x, dist, dist10x: have10x ? dist10x : null, briefId: floor.id, floor, kept };

const SECTIONS = [
  ['1. Transfer size of a first visit', transferSection],
  ['2. The floor and the app (Lighthouse, mobile)', lighthouseSection],
  ['3. Search as you type', searchSection],
  ['4. Notes at scale', notesSection],
  ['5. Guide: answer to next question', guideSection],
  ['6. Repeat visit with the service worker', repeatSection],
  ['7. Where the wasm’s bytes go', sizesSection],
  ['8. The notes lock', lockSection],
].filter(([title]) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').some((n) => title.startsWith(`${n}.`)));
const report = { environment: env.data, builds, floor, sections: {} };
const parts = [`# Benchmark report\n\n${env.markdown}`];
let failed = 0;
try {
  for (const [title, section] of SECTIONS) {
    const t0 = Date.now();
    try {
      const { markdown, data } = await section(ctx);
      parts.push(`## ${title}\n\n${markdown}`);
      report.sections[title] = { ...data, seconds: (Date.now() - t0) / 1000 };
    } catch (error) {
      failed += 1;
      log(`${title} failed: ${error.stack || error}`);
      parts.push(`## ${title}\n\n**This section failed:** ${String(error.message || error).split('\n')[0]}`);
      report.sections[title] = { error: String(error.stack || error) };
    }
  }
} finally {
  await browser.close();
  await server.stop();
  if (server10x) await server10x.stop();
}

const wall = (Date.now() - wallStart) / 1000;
report.wall_seconds = wall;
report.environment.load_average_at_end = loadavg().map((x) => x.toFixed(2)).join(' ');
const buildNote = Object.entries(builds).map(([k, s]) => `${k.replace(/_seconds$/, '').replace(/_/g, ' ')} build ${Math.round(s)} s`).join(', ');
parts.push(`---\nBenchmark wall time ${Math.floor(wall / 60)} min ${Math.round(wall % 60)} s${buildNote ? ` (${buildNote})` : ''}. Load average at the end: ${report.environment.load_average_at_end}. Reproduce with \`make bench\` (\`BENCH_QUICK=1 make bench\` for a quick look).`);
const markdown = parts.join('\n\n') + '\n';
writeFileSync(`${OUT}/report.md`, markdown);
writeFileSync(`${OUT}/report.json`, JSON.stringify(report, null, 2) + '\n');
process.stdout.write(markdown);
log(`wrote target/bench/report.md and report.json${failed ? `; ${failed} section(s) failed` : ''}`);
process.exit(failed ? 1 : 0);
