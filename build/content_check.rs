//! Reads and checks everything under a content folder: the loader that `build.rs` runs on
//! `content/`, and that `tests/content_check.rs` runs on broken fixtures so each rule is tested.
//! It collects every problem as `file:line: message` instead of stopping at the first.

use std::fs;
use std::path::{Path, PathBuf};

use crate::content::{self, Brief, Kind, Library, Source, Stats, Term, Theme};
use crate::guide;

/// A problem tied to a file, and to a line where one can be found.
pub struct Located {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    format_version: u32,
    source: Vec<Source>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TaxonomyFile {
    format_version: u32,
    kind: Vec<Kind>,
    theme: Vec<Theme>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryFile {
    format_version: u32,
    term: Vec<Term>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct DiscussionFile {
    format_version: u32,
    theme_questions: Vec<String>,
    closing_questions: Vec<String>,
}

/// Loads and checks a content folder, adding every problem found to `problems`.
pub fn load(dir: &Path, problems: &mut Vec<Located>) -> (Library, Vec<guide::Guide>) {
    let mut lib = Library::default();
    let mut brief_files: Vec<(String, PathBuf)> = Vec::new();

    if let Some(f) = parse::<SourcesFile>(&dir.join("sources.toml"), problems) {
        version(&dir.join("sources.toml"), f.format_version, problems);
        lib.sources = f.source;
    }
    if let Some(f) = parse::<TaxonomyFile>(&dir.join("taxonomy.toml"), problems) {
        version(&dir.join("taxonomy.toml"), f.format_version, problems);
        lib.kinds = f.kind;
        lib.themes = f.theme;
    }
    if let Some(f) = parse::<GlossaryFile>(&dir.join("glossary.toml"), problems) {
        version(&dir.join("glossary.toml"), f.format_version, problems);
        lib.glossary = f.term;
    }
    if let Some(f) = parse::<DiscussionFile>(&dir.join("discussion.toml"), problems) {
        version(&dir.join("discussion.toml"), f.format_version, problems);
        lib.discussion = content::Discussion {
            theme_questions: f.theme_questions,
            closing_questions: f.closing_questions,
        };
    }
    for path in toml_files(&dir.join("briefs"), problems) {
        if let Some(brief) = parse::<Brief>(&path, problems) {
            check_stem(&path, &brief.id, problems);
            brief_files.push((brief.id.clone(), path));
            lib.briefs.push(brief);
        }
    }
    for path in toml_files(&dir.join("stats"), problems) {
        if let Some(stats) = parse::<Stats>(&path, problems) {
            check_stem(&path, &stats.id, problems);
            brief_files.push((stats.id.clone(), path));
            lib.stats.push(stats);
        }
    }
    lib.briefs.sort_by(|a, b| a.title.cmp(&b.title));

    for p in content::check_library(&lib) {
        let file = match &p.file_id {
            Some(id) => brief_files
                .iter()
                .find(|(fid, _)| fid == id)
                .map(|(_, path)| path.clone())
                .unwrap_or_else(|| dir.join("briefs")),
            None => shared_file_for(dir, &p.needle),
        };
        let line = line_of(&file, &p.needle);
        problems.push(Located {
            file,
            line,
            message: p.message,
        });
    }

    let mut guides = Vec::new();
    let source_ids: Vec<&str> = lib.sources.iter().map(|s| s.id.as_str()).collect();
    for path in toml_files(&dir.join("guides"), problems) {
        if let Some(g) = parse::<guide::Guide>(&path, problems) {
            check_stem(&path, &g.id, problems);
            for (needle, message) in guide::check_guide(&g, &source_ids) {
                let line = line_of(&path, &needle);
                problems.push(Located {
                    file: path.clone(),
                    line,
                    message,
                });
            }
            for text in guide::texts(&g) {
                for acronym in content::acronyms(text) {
                    if !lib.glossary.iter().any(|t| t.abbr == acronym) {
                        problems.push(Located {
                            file: path.clone(),
                            line: line_of(&path, acronym),
                            message: format!("acronym `{acronym}` is not defined in glossary.toml"),
                        });
                    }
                }
                for message in content::doubled_acronyms(text, &lib.glossary) {
                    problems.push(Located {
                        file: path.clone(),
                        line: line_of(&path, text),
                        message,
                    });
                }
            }
            guides.push(g);
        }
    }
    (lib, guides)
}

/// Shared-file problems (sources, taxonomy, glossary, discussion) name an id; find which file holds it.
fn shared_file_for(dir: &Path, needle: &str) -> PathBuf {
    for name in [
        "taxonomy.toml",
        "glossary.toml",
        "sources.toml",
        "discussion.toml",
    ] {
        let path = dir.join(name);
        if find_line(&path, needle).is_some() {
            return path;
        }
    }
    dir.join("taxonomy.toml")
}

fn version(path: &Path, found: u32, problems: &mut Vec<Located>) {
    if found != content::FORMAT_VERSION {
        problems.push(Located {
            file: path.to_owned(),
            line: line_of(path, "format_version"),
            message: format!("format_version must be {}", content::FORMAT_VERSION),
        });
    }
}

fn check_stem(path: &Path, id: &str, problems: &mut Vec<Located>) {
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    if stem != id {
        problems.push(Located {
            file: path.to_owned(),
            line: line_of(path, id),
            message: format!("id `{id}` must match the file name `{stem}.toml`"),
        });
    }
}

/// The `.toml` files of a folder, sorted; a missing folder is itself a problem.
fn toml_files(dir: &Path, problems: &mut Vec<Located>) -> Vec<PathBuf> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            problems.push(Located {
                file: dir.to_owned(),
                line: 0,
                message: format!("cannot read folder: {e}"),
            });
            return Vec::new();
        }
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    files
}

/// Parses one TOML file, turning a syntax or shape error into a located problem.
fn parse<T: serde::de::DeserializeOwned>(path: &Path, problems: &mut Vec<Located>) -> Option<T> {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = match fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) => {
            problems.push(Located {
                file: path.to_owned(),
                line: 0,
                message: format!("cannot read file: {e}"),
            });
            return None;
        }
    };
    match toml::from_str::<T>(&text) {
        Ok(value) => Some(value),
        Err(e) => {
            let line = e
                .span()
                .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1)
                .unwrap_or(1);
            let message = e.message().replace('\n', " ");
            problems.push(Located {
                file: path.to_owned(),
                line,
                message,
            });
            None
        }
    }
}

/// The first line of a file that contains `needle`, or 1 if none does.
fn line_of(path: &Path, needle: &str) -> usize {
    find_line(path, needle).unwrap_or(1)
}

fn find_line(path: &Path, needle: &str) -> Option<usize> {
    let text = fs::read_to_string(path).ok()?;
    text.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}
