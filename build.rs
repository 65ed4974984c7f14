//! Reads and checks everything under `content/`, then writes one compact JSON bundle to
//! `OUT_DIR` for the app to embed. A broken file fails the build with `file:line: problem` for
//! every problem at once, so a partnership can replace `content/` without touching Rust.

use std::fmt::Write as _;
use std::fs;
use std::path::PathBuf;

#[allow(dead_code)]
#[path = "src/domain/content.rs"]
mod content;
#[path = "build/content_check.rs"]
mod content_check;
#[allow(dead_code)]
#[path = "src/domain/guide.rs"]
mod guide;
#[allow(dead_code)]
#[path = "src/domain/order.rs"]
mod order;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let dir = std::env::var("CONTENT_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|_| root.join("content"));
    println!("cargo:rerun-if-changed={}", dir.display());
    println!("cargo:rerun-if-env-changed=CONTENT_DIR");
    println!("cargo:rerun-if-changed=src/domain/content.rs");
    println!("cargo:rerun-if-changed=src/domain/guide.rs");
    println!("cargo:rerun-if-changed=src/domain/order.rs");
    println!("cargo:rerun-if-changed=build/content_check.rs");

    let mut problems = Vec::new();
    let (library, guides) = content_check::load(&dir, &mut problems);

    if !problems.is_empty() {
        let mut report = String::new();
        for p in &problems {
            let shown = p.file.strip_prefix(&root).unwrap_or(&p.file);
            let _ = writeln!(report, "{}:{}: {}", shown.display(), p.line, p.message);
        }
        eprintln!("{report}");
        // Cargo shows a build script's stderr when it fails; the summary line says how many.
        panic!("content/ has {} problem(s); see the lines above", problems.len());
    }

    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let bundle = serde_json::to_string(&library).expect("the library serialises");
    fs::write(out.join("library.json"), bundle).expect("OUT_DIR is writable");
    let guides = serde_json::to_string(&guides).expect("the guides serialise");
    fs::write(out.join("guides.json"), guides).expect("OUT_DIR is writable");
}
