//! Splits text into plain runs and glossary acronyms, so a page can explain each acronym once.

use std::collections::BTreeSet;

use crate::domain::content::Term;

/// A run of text: plain, or an acronym from the glossary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    /// Text to show as it is.
    Plain(String),
    /// An acronym that the glossary explains.
    Acronym {
        /// The word as written, such as `"SCRs"`.
        text: String,
        /// The glossary entry it maps to, such as `"SCR"`.
        abbr: String,
        /// What the acronym stands for.
        expansion: String,
        /// True the first time this acronym appears on the page, where it should be spelt out.
        first: bool,
    },
}

/// Splits `text` into plain runs and the acronyms the glossary knows.
///
/// A word (a run of letters and digits) is an acronym if the glossary has it exactly, or has it
/// without a final lowercase "s" ("SCRs" is "SCR"). Unknown acronyms stay plain text. `seen`
/// holds the acronyms already used on this page; each one is `first` only when it is added.
pub fn segments(text: &str, glossary: &[Term], seen: &mut BTreeSet<String>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    for (start, word) in words(text) {
        let Some(term) = lookup(word, glossary) else {
            continue;
        };
        if plain_from < start {
            out.push(Segment::Plain(text[plain_from..start].to_owned()));
        }
        out.push(Segment::Acronym {
            text: word.to_owned(),
            abbr: term.abbr.clone(),
            expansion: term.expansion.clone(),
            first: seen.insert(term.abbr.clone()),
        });
        plain_from = start + word.len();
    }
    if plain_from < text.len() {
        out.push(Segment::Plain(text[plain_from..].to_owned()));
    }
    out
}

/// The glossary term a word stands for, if any.
fn lookup<'g>(word: &str, glossary: &'g [Term]) -> Option<&'g Term> {
    let find = |w: &str| glossary.iter().find(|t| t.abbr == w);
    find(word).or_else(|| {
        word.strip_suffix('s')
            .filter(|w| w.chars().count() >= 2)
            .and_then(find)
    })
}

/// Each run of letters and digits in `text` with its byte offset.
fn words(text: &str) -> Vec<(usize, &str)> {
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
