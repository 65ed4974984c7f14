//! The content checker that `build.rs` runs, tested rule by rule: a valid fixture folder passes,
//! and each row of the table breaks one thing in a copy of it and expects its `file:line: problem`.
#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
#[path = "../src/domain/content.rs"]
mod content;
#[path = "../build/content_check.rs"]
mod content_check;
#[allow(dead_code)]
#[path = "../src/domain/guide.rs"]
mod guide;
#[allow(dead_code)]
#[path = "../src/domain/order.rs"]
mod order;

use std::fs;
use std::path::{Path, PathBuf};

fn fixture() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content-valid")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).expect("create folder");
    for entry in fs::read_dir(from).expect("read fixture") {
        let path = entry.expect("entry").path();
        let target = to.join(path.file_name().expect("file name"));
        if path.is_dir() {
            copy_dir(&path, &target);
        } else {
            fs::copy(&path, &target).expect("copy file");
        }
    }
}

/// Every problem in a folder, as `relative/file:line: message`.
fn problems(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    content_check::load(dir, &mut found);
    found
        .into_iter()
        .map(|p| {
            let file = p.file.strip_prefix(dir).unwrap_or(&p.file).display().to_string();
            format!("{file}:{}: {}", p.line, p.message)
        })
        .collect()
}

/// Copies the valid fixture, replaces `find` with `replace` in `file`, and checks that the
/// problems include one that starts with `expected`.
fn check(name: &str, file: &str, find: &str, replace: &str, expected: &str) {
    let dir = std::env::temp_dir().join(format!("content-check-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&fixture(), &dir);
    let path = dir.join(file);
    let text = fs::read_to_string(&path).expect("fixture file");
    assert!(text.contains(find), "{name}: `{find}` is not in {file}");
    fs::write(&path, text.replacen(find, replace, 1)).expect("write");
    let found = problems(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert!(
        found.iter().any(|p| p.starts_with(expected)),
        "{name}: expected a problem starting `{expected}`, found:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_valid_fixture_and_the_real_content_have_no_problems() {
    assert_eq!(problems(&fixture()), Vec::<String>::new());
    let real = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content");
    assert_eq!(problems(&real), Vec::<String>::new());
}

#[test]
fn each_rule_reports_its_file_and_line() {
    let b = "briefs/one.toml";
    let rows: &[(&str, &str, &str, &str, &str)] = &[
        ("unknown field", b, "coverage = \"full\"", "coverage = \"full\"\ncolour = \"red\"", "briefs/one.toml:8: unknown field `colour`"),
        ("missing field", b, "publisher = \"A partnership\"\n", "", "briefs/one.toml:1: missing field `publisher`"),
        ("bad syntax", b, "title = \"One brief\"", "title = One brief", "briefs/one.toml:3:"),
        ("wrong format version", b, "format_version = 1", "format_version = 2", "briefs/one.toml:1: format_version must be 1"),
        ("id not the file name", b, "id = \"one\"", "id = \"another\"", "briefs/one.toml:2: id `another` must match the file name"),
        ("duplicate id", "stats/figures.toml", "id = \"figures\"", "id = \"one\"", "briefs/one.toml:2: duplicate id `one`"),
        ("unknown kind", b, "kind = \"review\"", "kind = \"inquiry\"", "briefs/one.toml:4: kind `inquiry` is not in taxonomy.toml"),
        ("unknown theme tag", b, "tags = [\"risk\"]", "tags = [\"risky\"]", "briefs/one.toml:14: theme tag `risky` is not in taxonomy.toml"),
        ("unknown source", b, "sources = [\"s1\"]", "sources = [\"s9\"]", "briefs/one.toml:6: source `s9` is not in sources.toml"),
        ("undefined acronym", b, "names an SCR.", "names an SCR and a JTAI.", "briefs/one.toml:8: acronym `JTAI` is not defined"),
        ("raw HTML", b, "A point of learning.", "A <b>bold</b> point.", "briefs/one.toml:15: raw HTML is not allowed"),
        ("empty text", b, "Talk about it.", "", "briefs/one.toml:9: an empty piece of text"),
        ("empty section", b, "learning = [\"A point of learning.\"]", "learning = []", "briefs/one.toml:12: theme `first` has no learning points"),
        ("no themes", b, "[[themes]]\nid = \"first\"\ntitle = \"First theme\"\ntags = [\"risk\"]\nlearning = [\"A point of learning.\"]\n", "", "briefs/one.toml:"),
        ("full brief without a summary", b, "summary = [\"A summary that names an SCR.\"]\n", "", "briefs/one.toml:7: a brief with full coverage needs a summary"),
        ("duplicate theme", "taxonomy.toml", "id = \"risk\"\nname = \"Risk\"", "id = \"risk\"\nname = \"Risk\"\n\n[[theme]]\nid = \"risk\"\nname = \"Again\"", "taxonomy.toml:8: duplicate theme `risk`"),
        ("empty chart", "stats/figures.toml", "bars = [{ label = \"A bar\", value = 3 }]", "bars = []", "stats/figures.toml:"),
        ("guide link to nowhere", "guides/tiny.toml", "next = \"q2\"", "next = \"q3\"", "guides/tiny.toml:"),
        ("guide outcome without a source", "guides/tiny.toml", "citations = [{ source = \"s1\", locator = \"page 1\" }]", "citations = []", "guides/tiny.toml:"),
        ("discussion prompt not a question", "discussion.toml", "What will we do differently?", "Do things differently.", "discussion.toml:3: discussion prompt `Do things differently.` must be a question"),
        ("no discussion prompts", "discussion.toml", "[\"Where have we seen this in our own work?\"]", "[]", "discussion.toml:2: discussion.toml: `theme_questions` needs at least one question"),
        ("guide acronym", "guides/tiny.toml", "Two questions.", "Two questions about a MARAC.", "guides/tiny.toml:4: acronym `MARAC` is not defined"),
        ("acronym spelt out twice", b, "names an SCR.", "names a Serious Case Review (SCR (Serious Case Review)).", "briefs/one.toml:8: `SCR (Serious Case Review)` spells out an acronym that the app spells out itself"),
        ("acronym followed by its full name", b, "names an SCR.", "names an SCR (serious case review).", "briefs/one.toml:8: `SCR (serious case review)` spells out an acronym"),
        ("acronym in brackets after other words", b, "names an SCR.", "names a case review (SCR).", "briefs/one.toml:8: `(SCR)` does not follow its full name as glossary.toml gives it (`Serious Case Review`)"),
        ("guide acronym spelt out twice", "guides/tiny.toml", "Two questions.", "Two questions about a Serious Case Review (SCR (Serious Case Review)).", "guides/tiny.toml:4: `SCR (Serious Case Review)` spells out"),
    ];
    for (name, file, find, replace, expected) in rows {
        check(name, file, find, replace, expected);
    }
}

#[test]
fn every_problem_is_reported_at_once() {
    let dir = std::env::temp_dir().join(format!("content-check-{}-many", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    copy_dir(&fixture(), &dir);
    let brief = dir.join("briefs/one.toml");
    let text = fs::read_to_string(&brief)
        .expect("brief")
        .replace("kind = \"review\"", "kind = \"inquiry\"")
        .replace("tags = [\"risk\"]", "tags = [\"risky\"]")
        .replace("A point of learning.", "A <i>point</i> about a JTAI.");
    fs::write(&brief, text).expect("write");
    let found = problems(&dir);
    let _ = fs::remove_dir_all(&dir);
    assert_eq!(found.len(), 4, "{found:#?}");
}
