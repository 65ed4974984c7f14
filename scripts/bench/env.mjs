// The environment a benchmark ran in: when, which commit, which CPU, which browser and tools.
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { ROOT, CHROMIUM, capture, table } from './lib.mjs';

const first = (s) => s.split('\n').map((l) => l.trim()).find(Boolean) || 'unknown';

export async function environment() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = cpuinfo.match(/^model name\s*:\s*(.+)$/m)?.[1] || 'unknown';
  const cores = (cpuinfo.match(/^processor\s*:/gm) || []).length;
  const commit = (await capture('git', ['rev-parse', '--short=12', 'HEAD'])).out.trim() || 'unknown';
  const changed = (await capture('git', ['status', '--porcelain'])).out.split('\n').filter(Boolean).length;
  // Debian's /usr/bin/chromium is a shell wrapper that can print noise on stderr: keep stdout.
  const chromium = first((await capture(CHROMIUM, ['--version'])).out);
  const lighthouse = JSON.parse(readFileSync(`${ROOT}/node_modules/lighthouse/package.json`, 'utf8')).version;
  const playwright = JSON.parse(readFileSync(`${ROOT}/node_modules/@playwright/test/package.json`, 'utf8')).version;
  const rustc = first((await capture('rustc', ['--version'])).out);
  const env = {
    date: new Date().toISOString(),
    commit: changed ? `${commit} (+${changed} uncommitted changes)` : commit,
    cpu: model,
    cores,
    load_average_at_start: loadavg().map((x) => x.toFixed(2)).join(' '),
    chromium,
    node: process.version,
    lighthouse,
    playwright,
    rustc,
    mode: process.env.BENCH_QUICK === '1' ? 'quick (BENCH_QUICK=1)' : 'full',
  };
  const rows = [
    ['Date', env.date], ['Commit', env.commit], ['CPU', `${env.cpu}, ${env.cores} cores`],
    ['Load average at start', env.load_average_at_start], ['Chromium', env.chromium], ['Node', env.node],
    ['Lighthouse', env.lighthouse], ['Playwright', env.playwright], ['Rust', env.rustc], ['Mode', env.mode],
  ];
  return { data: env, markdown: table(['Environment', ''], rows) };
}
