// Just enough of the WebAssembly binary format to size a module's sections, read its data
// segments, and say which crate a (demangled) function name belongs to.

function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start', 'element', 'code', 'data', 'data count', 'tag'];

/// Every section: { id, name, start (of its contents), size (of its contents) }.
export function sections(bytes) {
  const found = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    let name = SECTION_NAMES[id] || `unknown ${id}`;
    if (id === 0) {
      const [len, p] = leb(bytes, start);
      name = `custom "${Buffer.from(bytes.subarray(p, p + len)).toString()}"`;
    }
    found.push({ id, name, start, size });
    at = start + size;
  }
  return found;
}

/// The data segments: [{ index, bytes }].
export function dataSegments(bytes) {
  const data = sections(bytes).find((s) => s.id === 11);
  if (!data) return [];
  let [count, at] = leb(bytes, data.start);
  const segments = [];
  for (let index = 0; index < count; index++) {
    let flags;
    [flags, at] = leb(bytes, at);
    if (flags === 2) [, at] = leb(bytes, at); // memory index
    if (flags !== 1) {
      // The offset expression: skip opcodes and their immediates up to `end` (0x0b).
      while (bytes[at] !== 0x0b) {
        const op = bytes[at++];
        if (op === 0x41 || op === 0x42 || op === 0x23) [, at] = leb(bytes, at);
      }
      at += 1;
    }
    let size;
    [size, at] = leb(bytes, at);
    segments.push({ index, bytes: bytes.subarray(at, at + size) });
    at += size;
  }
  return segments;
}

const STD = new Set(['core', 'alloc', 'std']);

/// The crate a demangled item name belongs to. Generic code from core, alloc or std made for
/// another crate's types (drop glue, Vec<T> methods) counts towards that crate.
export function crateOf(name) {
  if (/^data segment|^data\[/.test(name)) return 'data segments';
  if (/subsection$|^custom section|^producers|^target_features/.test(name)) return 'names and custom sections';
  if (/^(elem|table|type|import|export|global|memory|start)\[?/.test(name) && !name.includes('::')) return 'wasm tables, types, imports, exports';
  if (/^code\[\d+\]$/.test(name)) return 'unnamed code';
  if (/^import /.test(name)) return 'wasm_bindgen';
  if (/^<(str|char|\[u8\]|u8|u16|u32|u64|usize|i32|i64|f32|f64)>::|^__rustc/.test(name)) return 'std';
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen|intounderlying|closure\d*_externref|.* externref shim$)/.test(name)) return 'wasm_bindgen';
  // A trait method, `<Type as crate::Trait>::method`: the type's crate if it is a concrete type
  // of a crate other than std (serde_json's Deserializer), else the trait's crate (tachys's
  // IntoAny for any T, leptos_router's ChooseView for either_of's enums).
  const impl = name.match(/^<(?:&(?:mut )?|\*(?:const|mut) )?(.*?) as ([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  if (impl) {
    const own = impl[1].match(/^([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/)?.[1];
    if (own && !STD.has(own) && own !== 'either_of') return own;
    if (!STD.has(impl[2])) return impl[2];
  }
  // Crate names: the first segment of each path in the name (not one that follows `::`).
  const crates = [...name.matchAll(/(?<![:\w.])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/g)].map((m) => m[1]);
  if (!crates.length) return /^(mem|__rust|__rdl|__rg|rust_|dlmalloc|__multi|__udiv|__div|__mul)/.test(name) ? 'std' : 'other';
  const own = crates[0];
  if (!STD.has(own)) return own;
  return crates.find((c) => !STD.has(c)) || 'std';
}
