// Makes ten times the content for the search benchmark: copies content/ and adds nine clones of
// every brief, each with a new id (its file name) and a title that says it is a copy. The text
// is the sources' own, repeated; it exists only under target/bench and is never committed.
// Usage: node scripts/bench/synth-content.mjs [out-dir] [factor]
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUT } from './lib.mjs';

/// Writes the content into `out` and returns how many briefs it now has.
export function synthContent(out = `${OUT}/content-10x`, factor = 10) {
  rmSync(out, { recursive: true, force: true });
  cpSync(join(ROOT, 'content'), out, { recursive: true });
  const dir = join(out, 'briefs');
  const originals = readdirSync(dir).filter((f) => f.endsWith('.toml'));
  for (const file of originals) {
    const id = file.replace(/\.toml$/, '');
    const text = readFileSync(join(dir, file), 'utf8');
    for (let n = 2; n <= factor; n++) {
      const copyId = `${id}-copy-${n}`;
      // Only the brief's own id and title: the first top-level `id =` and `title =` lines.
      const clone = text
        .replace(/^id = "[^"]*"$/m, `id = "${copyId}"`)
        .replace(/^title = "([^"]*)"$/m, (_, title) => `title = "${title} (benchmark copy ${n})"`);
      if (clone === text) throw new Error(`${file}: no id line to change`);
      writeFileSync(join(dir, `${copyId}.toml`), clone);
    }
  }
  return originals.length * factor;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] || `${OUT}/content-10x`;
  console.log(`${synthContent(out, Number(process.argv[3] || 10))} briefs written to ${out}`);
}
