// Section 7: where the wasm's bytes go, by crate. The build's pre-bindgen wasm (which still has
// function names) goes through the same wasm-bindgen and `wasm-opt -Oz` steps as trunk's, with
// `-g` so the names survive; twiggy then sizes every function and data segment, and the
// functions are grouped by the crate their demangled name belongs to.
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUT, log, run, capture, sizes, table, int, pct } from './lib.mjs';
import { sections, dataSegments, crateOf } from './wasm.mjs';

const INSTALL = 'twiggy not installed: cargo install twiggy --locked';

/// The shipped wasm's sections, raw and brotli.
function sectionRows(wasm) {
  const bytes = readFileSync(wasm);
  const all = sections(bytes);
  const pick = (id) => all.filter((s) => s.id === id);
  const rows = [];
  let rest = 0;
  for (const s of all) if (s.id !== 10 && s.id !== 11) rest += s.size;
  for (const [name, list] of [['code', pick(10)], ['data', pick(11)]]) {
    const body = Buffer.concat(list.map((s) => bytes.subarray(s.start, s.start + s.size)));
    rows.push({ name, raw: body.length, brotli: sizes(body).brotli });
  }
  rows.push({ name: 'everything else (types, imports, exports, tables)', raw: rest, brotli: NaN });
  return { rows, total: sizes(bytes) };
}

export async function sizesSection({ dist, kept }) {
  log('section 7: size breakdown by crate');
  const shipped = join(dist, readdirSync(dist).find((f) => f.endsWith('_bg.wasm')));
  const { rows: sectionList, total } = sectionRows(shipped);
  const codeBrotli = sectionList[0].brotli;
  const parts = [
    `The shipped wasm (${int(total.raw)} bytes raw, ${int(total.brotli)} brotli) by section:`,
    '',
    table(['Section', 'Raw', 'Brotli 11 (on its own)'], sectionList.map((r) => [r.name, int(r.raw), Number.isFinite(r.brotli) ? int(r.brotli) : '—'])),
    '',
  ];
  const data = { shipped: { raw: total.raw, brotli: total.brotli, sections: sectionList } };

  const twiggy = await capture('twiggy', ['--version']);
  if (twiggy.code !== 0) {
    parts.push(INSTALL);
    return { markdown: parts.join('\n'), data: { ...data, twiggy: INSTALL } };
  }
  if (!kept.wasm || !existsSync(kept.wasm)) {
    parts.push('The pre-bindgen wasm of this build was not found, so there is no breakdown by crate.');
    return { markdown: parts.join('\n'), data };
  }
  const named = `${OUT}/named`;
  mkdirSync(named, { recursive: true });
  await run('wasm-bindgen', ['--target', 'web', '--keep-debug', '--out-dir', named, '--out-name', 'app', kept.wasm], { quiet: true });
  await run(`${ROOT}/node_modules/.bin/wasm-opt`, ['-Oz', '-g', `${named}/app_bg.wasm`, '-o', `${named}/app-opt.wasm`], { quiet: true });
  const items = JSON.parse(await run('twiggy', ['top', '--format', 'json', '-n', '1000000', `${named}/app-opt.wasm`], { quiet: true }));

  const groups = new Map();
  for (const item of items) {
    const crate = crateOf(item.name);
    const g = groups.get(crate) || { crate, bytes: 0, items: 0, biggest: null };
    g.bytes += item.shallow_size;
    g.items += 1;
    if (!g.biggest || item.shallow_size > g.biggest.shallow_size) g.biggest = item;
    groups.set(crate, g);
  }
  const skip = new Set(['names and custom sections', 'data segments']);
  const code = [...groups.values()].filter((g) => !skip.has(g.crate)).sort((a, b) => b.bytes - a.bytes);
  const codeTotal = code.reduce((n, g) => n + g.bytes, 0);
  const crateRows = code.slice(0, 10).map((g) => [
    g.crate, int(g.bytes), pct(g.bytes / codeTotal), `≈${int((g.bytes / codeTotal) * codeBrotli)}`, String(g.items),
    (g.biggest.name.length > 90 ? g.biggest.name.slice(0, 87) + '…' : g.biggest.name).replace(/::h[0-9a-f]{16}$/, ''),
  ]);
  const rest = code.slice(10).reduce((n, g) => n + g.bytes, 0);
  crateRows.push([`${code.length - 10} more`, int(rest), pct(rest / codeTotal), `≈${int((rest / codeTotal) * codeBrotli)}`, '', '']);

  // Data segments, each compressed on its own; the content bundle is found by its text.
  const segments = dataSegments(readFileSync(`${named}/app-opt.wasm`));
  const markers = ['library', 'guides'].filter((n) => kept[n]).map((n) => ({ name: `${n}.json`, text: readFileSync(kept[n]).subarray(0, 64) }));
  const segRows = segments
    .map((s) => ({ index: s.index, raw: s.bytes.length, brotli: sizes(s.bytes).brotli, holds: markers.filter((m) => s.bytes.includes(m.text)).map((m) => m.name) }))
    .sort((a, b) => b.raw - a.raw);
  const segTotal = segRows.reduce((n, s) => n + s.raw, 0);
  const segTable = segRows.slice(0, 5).map((s) => [`segment ${s.index}`, int(s.raw), int(s.brotli), s.holds.length ? `content bundle (${s.holds.join(', ')})` : 'strings and constants']);
  segTable.push([`all ${segRows.length} segments`, int(segTotal), int(sizes(Buffer.concat(segments.map((s) => s.bytes))).brotli), '']);

  const namedSize = readFileSync(`${named}/app-opt.wasm`).length;
  const namesSize = groups.get('names and custom sections')?.bytes || 0;
  parts.push(
    `By crate (twiggy ${twiggy.out.trim().split(' ').pop()} on the build's wasm after wasm-bindgen and \`wasm-opt -Oz -g\`: ${int(namedSize - namesSize)} bytes without its ${int(namesSize)} bytes of names and custom sections, against ${int(total.raw)} shipped). Generic code from core, alloc and std made for a crate's types counts towards that crate; “std” is what cannot be attributed (closures' vtable shims, formatting, sorting, the allocator's callers). The brotli column shares out the code section's brotli size (${int(codeBrotli)}) by raw bytes: an estimate.`,
    '',
    table(['Crate', 'Code bytes', 'Share of code', '≈ Brotli', 'Items', 'Biggest item'], crateRows),
    '',
    'Data segments (brotli of each on its own):',
    '',
    table(['Data', 'Raw', 'Brotli 11', 'Holds'], segTable),
  );
  return {
    markdown: parts.join('\n'),
    data: { ...data, named_wasm_bytes: namedSize, names_bytes: namesSize, code_total: codeTotal, crates: code.map(({ crate, bytes, items }) => ({ crate, bytes, items })), data_segments: segRows },
  };
}
