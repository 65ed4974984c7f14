// Builds what the benchmark measures: the release app into target/bench/dist, the same app with
// ten times the content into target/bench/dist-10x, and the static "floor" page of one brief
// (examples/floor.rs) added to the first build after it was made, so the service worker does not
// precache it.
import { copyFileSync, readdirSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUT, log, run, capture } from './lib.mjs';

const WASM_TARGET = join(ROOT, 'target/wasm32-unknown-unknown/release');

/// Waits while another trunk build (the lead's, say) is running: both use the same target/
/// folder, and trunk's wasm-bindgen step is not guarded by cargo's lock.
async function waitForOtherBuilds() {
  for (let waited = 0; ; waited += 10) {
    const { out } = await capture('pgrep', ['-x', 'trunk']);
    if (!out.trim()) return;
    if (waited % 60 === 0) log('another trunk build is running; waiting for it to finish');
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  }
}

/// Builds the release app into `dist`, from `contentDir` if given. Returns the seconds it took.
export async function buildApp(dist, contentDir) {
  await waitForOtherBuilds();
  const what = contentDir ? `with the content in ${contentDir}` : 'with the bundled content';
  log(`building the release app ${what} into ${dist} (2 to 6 minutes on 2 cores)`);
  const t0 = Date.now();
  const timer = setInterval(() => log(`  still building (${Math.round((Date.now() - t0) / 1000)} s)`), 30_000);
  try {
    await run('scripts/build.sh', [], { env: { DIST: dist, ...(contentDir ? { CONTENT_DIR: contentDir } : {}) }, quiet: true });
  } finally {
    clearInterval(timer);
  }
  const seconds = (Date.now() - t0) / 1000;
  log(`  built in ${seconds.toFixed(0)} s`);
  return seconds;
}

/// Keeps this build's pre-bindgen wasm (with names, for twiggy) and its content bundle, before
/// another build overwrites them. (When cargo found the crate up to date, these are the files
/// of that earlier build of the same sources.)
export function keepBuildArtifacts(suffix = '') {
  const wasm = join(WASM_TARGET, 'safeguarding-toolkit.wasm');
  const kept = { wasm: null, library: null, guides: null };
  if (existsSync(wasm)) {
    kept.wasm = `${OUT}/app-prebindgen${suffix}.wasm`;
    copyFileSync(wasm, kept.wasm);
  }
  const outs = readdirSync(join(WASM_TARGET, 'build'))
    .filter((d) => d.startsWith('safeguarding-toolkit-') && existsSync(join(WASM_TARGET, 'build', d, 'out', 'library.json')))
    .map((d) => join(WASM_TARGET, 'build', d, 'out'))
    .sort((a, b) => statSync(join(b, 'library.json')).mtimeMs - statSync(join(a, 'library.json')).mtimeMs);
  if (outs.length) {
    for (const name of ['library', 'guides']) {
      if (existsSync(join(outs[0], `${name}.json`))) {
        kept[name] = `${OUT}/${name}${suffix}.json`;
        copyFileSync(join(outs[0], `${name}.json`), kept[name]);
      }
    }
  }
  return kept;
}

/// Writes `dist/floor.html` from examples/floor.rs and returns the id of the brief it shows.
export async function makeFloor(dist, briefId) {
  const css = readdirSync(dist).find((f) => /^styles-.*\.css$/.test(f));
  const icon = readdirSync(dist).find((f) => /^icon-.*\.svg$/.test(f));
  if (!css) throw new Error(`no styles-*.css in ${dist}`);
  const args = ['run', '-q', '--release', '--example', 'floor', '--', '--css', `/${css}`];
  if (icon) args.push('--icon', `/${icon}`);
  if (briefId) args.push('--brief', briefId);
  log('writing the floor page (cargo run --release --example floor)');
  // The host build must read content/, whatever the 10x build was given.
  const env = { ...process.env };
  delete env.CONTENT_DIR;
  const { code, out, err } = await capture('cargo', args, { env });
  if (code !== 0) throw new Error(`the floor example failed:\n${err.slice(-3000)}`);
  const id = err.match(/^brief=(\S+)$/m)?.[1];
  if (!id) throw new Error(`the floor example did not say which brief it chose:\n${err}`);
  writeFileSync(join(dist, 'floor.html'), out);
  return { id, path: '/floor.html', bytes: Buffer.byteLength(out) };
}
