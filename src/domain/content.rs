//! The content model: learning briefs, their sources, themes, kinds and the glossary.
//!
//! These types are shared with `build.rs` (through `#[path]`), which reads the TOML files under
//! `content/`, checks them with [`check_library`] and writes one compact JSON bundle that the app
//! embeds. This file therefore uses only `std` and `serde`.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The `format_version` every content file must carry today.
pub const FORMAT_VERSION: u32 = 1;

/// One source document that content is drawn from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short id used in citations, such as `"002"`.
    pub id: String,
    /// The document's own title.
    pub title: String,
    /// Who published it.
    pub publisher: String,
    /// Its date where the document gives one, as written for a person.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The edition of Working Together to Safeguard Children it was written under, e.g. `"2018"`.
    pub working_together: String,
    /// The file it was taken from, under `shared/sources/`.
    pub file: String,
}

/// A kind of review or page, such as "Serious Case Review".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Kind {
    pub id: String,
    pub name: String,
}

/// A theme that briefs can be tagged with, such as "Domestic abuse".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub name: String,
}

/// An acronym and what it stands for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// The acronym as it appears in text, such as `"LSCP"`.
    pub abbr: String,
    /// What it stands for.
    pub expansion: String,
}

/// How much of a brief the app bundles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Coverage {
    /// The learning itself is bundled.
    Full,
    /// Only the theme headings are in the sources; the full brief is published elsewhere.
    HeadingsOnly,
}

/// One theme section of a brief with its key learning.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BriefTheme {
    /// Unique within the brief; used for anchors and for notes on one theme.
    pub id: String,
    /// The heading as the source gives it.
    pub title: String,
    /// Theme ids from the taxonomy, for filtering across briefs.
    #[serde(default)]
    pub tags: Vec<String>,
    /// Key learning points (empty where only the heading is known).
    #[serde(default)]
    pub learning: Vec<String>,
    /// What the partnership did in response, where the source says.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub response: Vec<String>,
}

/// A learning brief, or an about-the-framework page with the same shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Brief {
    pub format_version: u32,
    /// Lowercase words joined by hyphens; also the file name.
    pub id: String,
    pub title: String,
    /// A kind id from the taxonomy.
    pub kind: String,
    pub publisher: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Source ids; the first is the main one.
    pub sources: Vec<String>,
    /// Where in the sources, such as "section 4", if useful.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    pub coverage: Coverage,
    #[serde(default)]
    pub summary: Vec<String>,
    #[serde(default)]
    pub next_steps: Vec<String>,
    #[serde(default)]
    pub themes: Vec<BriefTheme>,
}

/// One bar of a chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bar {
    pub label: String,
    pub value: u32,
}

/// A group of bars that share a question, such as "Age of the child".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BarGroup {
    pub name: String,
    pub bars: Vec<Bar>,
}

/// Figures drawn from a source, shown as a chart with a table alternative.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stats {
    pub format_version: u32,
    pub id: String,
    pub title: String,
    pub sources: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub locator: Option<String>,
    #[serde(default)]
    pub summary: Vec<String>,
    pub groups: Vec<BarGroup>,
}

/// Everything under `content/` except the guides, as the app receives it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Library {
    pub sources: Vec<Source>,
    pub kinds: Vec<Kind>,
    pub themes: Vec<Theme>,
    pub glossary: Vec<Term>,
    pub briefs: Vec<Brief>,
    pub stats: Vec<Stats>,
    #[serde(default)]
    pub discussion: Discussion,
}

/// Open questions a facilitator may put to a team in discussion mode, from `discussion.toml`.
/// They are prompts for talking about a brief, not guidance: each must end with a question mark.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Discussion {
    /// Asked about every theme.
    pub theme_questions: Vec<String>,
    /// Asked once, after the last theme.
    pub closing_questions: Vec<String>,
}

/// A problem found in content: which item, and what is wrong.
///
/// `item` names the brief, theme or term so that `build.rs` can point at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The id of the brief or stats file the problem is in, or `None` for shared files.
    pub file_id: Option<String>,
    /// A string to look for in the file to find the line (an id or a value).
    pub needle: String,
    pub message: String,
}

impl Library {
    /// The brief with this id.
    pub fn brief(&self, id: &str) -> Option<&Brief> {
        self.briefs.iter().find(|b| b.id == id)
    }
    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
    /// The kind with this id.
    pub fn kind(&self, id: &str) -> Option<&Kind> {
        self.kinds.iter().find(|k| k.id == id)
    }
    /// The theme with this id.
    pub fn theme(&self, id: &str) -> Option<&Theme> {
        self.themes.iter().find(|t| t.id == id)
    }
    /// Every theme id a brief is tagged with, in first-seen order, without repeats.
    pub fn brief_tags<'a>(&self, brief: &'a Brief) -> Vec<&'a str> {
        let mut seen = BTreeSet::new();
        brief
            .themes
            .iter()
            .flat_map(|t| t.tags.iter())
            .filter(|tag| seen.insert(tag.as_str()))
            .map(String::as_str)
            .collect()
    }
    /// For each taxonomy theme, the ids of the briefs tagged with it.
    pub fn briefs_by_theme(&self) -> BTreeMap<&str, Vec<&str>> {
        let mut map: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for theme in &self.themes {
            map.entry(theme.id.as_str()).or_default();
        }
        for brief in &self.briefs {
            for tag in self.brief_tags(brief) {
                map.entry(tag).or_default().push(brief.id.as_str());
            }
        }
        map
    }
    /// Other briefs sharing at least one theme with this one, most shared first.
    pub fn related(&self, brief: &Brief) -> Vec<&Brief> {
        let mine = self.brief_tags(brief);
        let mut scored: Vec<(usize, &Brief)> = self
            .briefs
            .iter()
            .filter(|b| b.id != brief.id)
            .map(|b| {
                let shared = self.brief_tags(b).iter().filter(|t| mine.contains(t)).count();
                (shared, b)
            })
            .filter(|(n, _)| *n > 0)
            .collect();
        super::order::sort_by(&mut scored, |a, b| {
            b.0.cmp(&a.0).then_with(|| a.1.title.cmp(&b.1.title))
        });
        scored.into_iter().map(|(_, b)| b).collect()
    }
}

/// True if `id` is lowercase ASCII words joined by single hyphens.
pub fn is_slug(id: &str) -> bool {
    !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !id.contains("--")
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// The acronyms in a piece of text: runs of two or more capital letters standing alone as a word
/// (a trailing lowercase `s`, as in "SCRs", is allowed and dropped).
pub fn acronyms(text: &str) -> Vec<&str> {
    let mut found = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.strip_suffix('s').unwrap_or(word);
        if word.len() >= 2 && word.chars().all(|c| c.is_ascii_uppercase()) {
            found.push(word);
        }
    }
    found
}

/// Each run of letters and digits in `text`, with its byte offset.
pub fn words(text: &str) -> Vec<(usize, &str)> {
    let mut found = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                found.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        found.push((s, &text[s..]));
    }
    found
}

/// The glossary term a word stands for: the word exactly, or the word without a final
/// lowercase "s" ("SCRs" is "SCR").
pub fn glossary_term<'g>(word: &str, glossary: &'g [Term]) -> Option<&'g Term> {
    let find = |w: &str| glossary.iter().find(|t| t.abbr == w);
    find(word).or_else(|| {
        word.strip_suffix('s')
            .filter(|w| w.chars().count() >= 2)
            .and_then(find)
    })
}

/// Two characters that read the same in a name: the same letter in any case, or either
/// apostrophe (’ and ').
fn same_char(a: char, b: char) -> bool {
    let fold = |c: char| if c == '’' { '\'' } else { c };
    fold(a).to_lowercase().eq(fold(b).to_lowercase())
}

/// The byte offset where `name` starts if `text` ends with it as whole words, in any case.
fn ends_with_name(text: &str, name: &str) -> Option<usize> {
    let mut ours = text.char_indices().rev();
    let mut start = text.len();
    for n in name.chars().rev() {
        let (i, c) = ours.next()?;
        if !same_char(c, n) {
            return None;
        }
        start = i;
    }
    let whole = text[..start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric());
    (whole && !name.is_empty()).then_some(start)
}

/// The byte length of `name` at the start of `text`, if `text` starts with it, in any case.
fn starts_with_name(text: &str, name: &str) -> Option<usize> {
    let mut ours = text.char_indices();
    let mut len = 0;
    for n in name.chars() {
        let (i, c) = ours.next()?;
        if !same_char(c, n) {
            return None;
        }
        len = i + c.len_utf8();
    }
    Some(len)
}

/// True when the acronym at `text[start..end]` stands in brackets straight after its full name,
/// as in "Serious Case Review (SCR)": the text before the opening bracket ends with `expansion`
/// as whole words, in any case, optionally with a plural "s" ("serious case reviews (SCRs)").
/// The text has already explained the acronym there, so a page need not spell it out again.
pub fn spelt_out_before(text: &str, start: usize, end: usize, expansion: &str) -> bool {
    let (Some(before), Some(after)) = (text.get(..start), text.get(end..)) else {
        return false;
    };
    let Some(before) = before.strip_suffix('(') else {
        return false;
    };
    if !after.starts_with(')') {
        return false;
    }
    let before = before.trim_end();
    ends_with_name(before, expansion).is_some()
        || before
            .strip_suffix('s')
            .is_some_and(|b| ends_with_name(b, expansion).is_some())
}

/// Where `text` would show an acronym's full name twice on a page that spells each acronym out
/// on its first use, one message for each:
///
/// - the acronym already followed by its full name in brackets, as in "SCR (Serious Case
///   Review)" or "Serious Case Review (SCR (Serious Case Review))";
/// - the acronym alone in brackets after words that are not its full name as the glossary gives
///   it, as in "Root Cause Analysis Investigation (RCA)", which would show
///   "(RCA (Root Cause Analysis))".
pub fn doubled_acronyms(text: &str, glossary: &[Term]) -> Vec<String> {
    let mut found = Vec::new();
    for (start, word) in words(text) {
        let Some(term) = glossary_term(word, glossary) else {
            continue;
        };
        let end = start + word.len();
        let after = &text[end..];
        let spaces = after.len() - after.trim_start().len();
        let written_out = after[spaces..]
            .strip_prefix('(')
            .and_then(|rest| starts_with_name(rest, &term.expansion))
            .filter(|&len| after[spaces + 1 + len..].starts_with(')'));
        if let Some(len) = written_out {
            let shown = &text[start..end + spaces + len + 2];
            found.push(format!(
                "`{shown}` spells out an acronym that the app spells out itself: write `{} ({word})`, or just `{word}`",
                term.expansion
            ));
        } else if text[..start].ends_with('(')
            && after.starts_with(')')
            && !spelt_out_before(text, start, end, &term.expansion)
        {
            found.push(format!(
                "`({word})` does not follow its full name as glossary.toml gives it (`{}`), so the page would show `({word} ({}))`: write that full name before the bracket, or leave the bracket out",
                term.expansion, term.expansion
            ));
        }
    }
    found
}

/// Every piece of text in a brief, for checks and for search.
pub fn brief_texts(brief: &Brief) -> Vec<&str> {
    let mut all: Vec<&str> = vec![brief.title.as_str(), brief.publisher.as_str()];
    all.extend(brief.summary.iter().map(String::as_str));
    all.extend(brief.next_steps.iter().map(String::as_str));
    for theme in &brief.themes {
        all.push(theme.title.as_str());
        all.extend(theme.learning.iter().map(String::as_str));
        all.extend(theme.response.iter().map(String::as_str));
    }
    all
}

fn stats_texts(stats: &Stats) -> Vec<&str> {
    let mut all: Vec<&str> = vec![stats.title.as_str()];
    all.extend(stats.summary.iter().map(String::as_str));
    for group in &stats.groups {
        all.push(group.name.as_str());
        all.extend(group.bars.iter().map(|b| b.label.as_str()));
    }
    all
}

/// Checks a whole library and returns every problem found, in a stable order.
pub fn check_library(lib: &Library) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut push = |file_id: Option<&str>, needle: &str, message: String| {
        problems.push(Problem {
            file_id: file_id.map(str::to_owned),
            needle: needle.to_owned(),
            message,
        })
    };

    let source_ids = unique_ids(lib.sources.iter().map(|s| s.id.as_str()), "source", &mut push);
    let kind_ids = unique_ids(lib.kinds.iter().map(|k| k.id.as_str()), "kind", &mut push);
    let theme_ids = unique_ids(lib.themes.iter().map(|t| t.id.as_str()), "theme", &mut push);
    let terms = unique_ids(
        lib.glossary.iter().map(|t| t.abbr.as_str()),
        "glossary term",
        &mut push,
    );
    for kind in &lib.kinds {
        if !is_slug(&kind.id) {
            push(
                None,
                &kind.id,
                format!("kind id `{}` must be lowercase words joined by hyphens", kind.id),
            );
        }
    }
    for theme in &lib.themes {
        if !is_slug(&theme.id) {
            push(
                None,
                &theme.id,
                format!(
                    "theme id `{}` must be lowercase words joined by hyphens",
                    theme.id
                ),
            );
        }
    }
    check_discussion(&lib.discussion, &mut push);
    for term in &lib.glossary {
        if term.expansion.trim().is_empty() {
            push(
                None,
                &term.abbr,
                format!("glossary term `{}` has an empty expansion", term.abbr),
            );
        }
    }

    let mut ids = BTreeSet::new();
    for brief in &lib.briefs {
        let f = Some(brief.id.as_str());
        if !ids.insert(brief.id.as_str()) {
            push(f, &brief.id, format!("duplicate id `{}`", brief.id));
        }
        if brief.format_version != FORMAT_VERSION {
            push(
                f,
                "format_version",
                format!("format_version must be {FORMAT_VERSION}"),
            );
        }
        if !is_slug(&brief.id) {
            push(
                f,
                &brief.id,
                format!("id `{}` must be lowercase words joined by hyphens", brief.id),
            );
        }
        if !kind_ids.contains(brief.kind.as_str()) {
            push(
                f,
                &brief.kind,
                format!("kind `{}` is not in taxonomy.toml", brief.kind),
            );
        }
        check_sources(f, &brief.sources, &source_ids, &mut push);
        if brief.coverage == Coverage::Full && brief.summary.is_empty() {
            push(
                f,
                "coverage",
                "a brief with full coverage needs a summary".to_owned(),
            );
        }
        if brief.themes.is_empty() {
            push(f, "themes", "a brief needs at least one theme".to_owned());
        }
        let mut theme_seen = BTreeSet::new();
        for theme in &brief.themes {
            if !theme_seen.insert(theme.id.as_str()) {
                push(f, &theme.id, format!("duplicate theme id `{}`", theme.id));
            }
            if !is_slug(&theme.id) {
                push(
                    f,
                    &theme.id,
                    format!(
                        "theme id `{}` must be lowercase words joined by hyphens",
                        theme.id
                    ),
                );
            }
            for tag in &theme.tags {
                if !theme_ids.contains(tag.as_str()) {
                    push(f, tag, format!("theme tag `{tag}` is not in taxonomy.toml"));
                }
            }
            if brief.coverage == Coverage::Full && theme.learning.is_empty() {
                push(
                    f,
                    &theme.id,
                    format!("theme `{}` has no learning points", theme.id),
                );
            }
            if brief.coverage == Coverage::HeadingsOnly && !theme.learning.is_empty() {
                push(
                    f,
                    &theme.id,
                    format!("theme `{}` has learning but the brief is headings-only", theme.id),
                );
            }
        }
        check_texts(f, brief_texts(brief), &terms, &lib.glossary, &mut push);
    }
    for stats in &lib.stats {
        let f = Some(stats.id.as_str());
        if !ids.insert(stats.id.as_str()) {
            push(f, &stats.id, format!("duplicate id `{}`", stats.id));
        }
        if stats.format_version != FORMAT_VERSION {
            push(
                f,
                "format_version",
                format!("format_version must be {FORMAT_VERSION}"),
            );
        }
        check_sources(f, &stats.sources, &source_ids, &mut push);
        if stats.groups.iter().any(|g| g.bars.is_empty()) || stats.groups.is_empty() {
            push(f, "groups", "every chart group needs at least one bar".to_owned());
        }
        check_texts(f, stats_texts(stats), &terms, &lib.glossary, &mut push);
    }
    problems
}

fn unique_ids<'a>(
    ids: impl Iterator<Item = &'a str>,
    what: &str,
    push: &mut impl FnMut(Option<&str>, &str, String),
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            push(None, id, format!("a {what} has an empty id"));
        } else if !seen.insert(id) {
            push(None, id, format!("duplicate {what} `{id}`"));
        }
    }
    seen
}

fn check_sources(
    f: Option<&str>,
    sources: &[String],
    known: &BTreeSet<&str>,
    push: &mut impl FnMut(Option<&str>, &str, String),
) {
    if sources.is_empty() {
        push(f, "sources", "at least one source is needed".to_owned());
    }
    for source in sources {
        if !known.contains(source.as_str()) {
            push(f, source, format!("source `{source}` is not in sources.toml"));
        }
    }
}

fn check_texts(
    f: Option<&str>,
    texts: Vec<&str>,
    terms: &BTreeSet<&str>,
    glossary: &[Term],
    push: &mut impl FnMut(Option<&str>, &str, String),
) {
    for text in texts {
        if text.trim().is_empty() {
            push(
                f,
                "\"\"",
                "an empty piece of text (title, paragraph or list item)".to_owned(),
            );
        }
        if text.contains('<') || text.contains('>') {
            push(f, text, "raw HTML is not allowed: write plain text".to_owned());
        }
        for acronym in acronyms(text) {
            if !terms.contains(acronym) {
                push(
                    f,
                    acronym,
                    format!("acronym `{acronym}` is not defined in glossary.toml"),
                );
            }
        }
        for message in doubled_acronyms(text, glossary) {
            push(f, text, message);
        }
    }
}

/// Discussion prompts must be there and be questions, so that none reads as new guidance.
fn check_discussion(d: &Discussion, push: &mut impl FnMut(Option<&str>, &str, String)) {
    for (name, list) in [
        ("theme_questions", &d.theme_questions),
        ("closing_questions", &d.closing_questions),
    ] {
        if list.is_empty() {
            push(
                None,
                name,
                format!("discussion.toml: `{name}` needs at least one question"),
            );
        }
        for q in list {
            if !q.trim_end().ends_with('?') {
                push(
                    None,
                    q,
                    format!("discussion prompt `{q}` must be a question ending with `?`"),
                );
            }
        }
    }
}
