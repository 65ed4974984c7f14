//! Architecture rules as tests: the domain stays pure, and every module says what it is for.

use std::fs;
use std::path::{Path, PathBuf};

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in fs::read_dir(&dir).expect("readable source folder") {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Words that would mean the domain reaches for a browser or UI crate.
const FORBIDDEN: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "gloo",
    "web-sys",
    "js-sys",
];

#[test]
fn the_domain_uses_no_browser_or_ui_crate() {
    let files = rust_files(&root().join("src/domain"));
    assert!(files.len() > 5, "expected the domain modules, found {files:?}");
    let mut offences = Vec::new();
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: uses `{word}`", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the domain must stay pure:\n{}",
        offences.join("\n")
    );
}

/// Lines in `files` that reach into the browser edge directly.
fn browser_edge_uses(files: &[PathBuf]) -> Vec<String> {
    let mut uses = Vec::new();
    for file in files {
        let text = fs::read_to_string(file).expect("readable file");
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains("crate::browser") || code.contains("safeguarding_toolkit::browser") {
                uses.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    uses
}

#[test]
fn the_ui_reaches_the_browser_edge_only_through_edge() {
    // The UI is rendered at build time too, where the browser edge does not exist: it may use
    // the browser only through `src/edge.rs`, which stands in for it there.
    let mut ui = Vec::new();
    for folder in ["src/pages", "src/components"] {
        ui.extend(rust_files(&root().join(folder)));
    }
    for file in [
        "src/app.rs",
        "src/router.rs",
        "src/state.rs",
        "src/bin/prerender.rs",
    ] {
        ui.push(root().join(file));
    }
    assert!(ui.len() > 20, "expected the UI modules, found {ui:?}");
    let uses = browser_edge_uses(&ui);
    assert!(
        uses.is_empty(),
        "the UI must reach the browser through crate::edge:\n{}",
        uses.join("\n")
    );
    // And the rule can fail: the edge itself does use it.
    assert!(!browser_edge_uses(&[root().join("src/edge.rs")]).is_empty());
    let lib = fs::read_to_string(root().join("src/lib.rs")).expect("readable lib.rs");
    assert!(
        lib.contains("#[cfg(all(feature = \"hydrate\", target_arch = \"wasm32\"))]\npub mod browser;"),
        "the browser edge is built for the browser (wasm32) only"
    );
}

#[test]
fn every_module_starts_with_a_purpose_line() {
    let mut missing = Vec::new();
    let mut files = rust_files(&root().join("src"));
    files.extend(rust_files(&root().join("tests")));
    files.extend(rust_files(&root().join("build")));
    files.push(root().join("build.rs"));
    for file in files {
        let text = fs::read_to_string(&file).expect("readable file");
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        if !first.starts_with("//!") {
            missing.push(file.display().to_string());
        }
    }
    assert!(
        missing.is_empty(),
        "these files do not start with a `//!` line:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_rule_catches_a_planted_offence() {
    // The check above must be able to fail: run its line test on a made-up line.
    let planted = "use leptos::prelude::*;";
    assert!(FORBIDDEN
        .iter()
        .any(|w| planted.split("//").next().unwrap_or("").contains(w)));
}
