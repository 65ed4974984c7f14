//! Splits text into plain runs and glossary acronyms, so a page can explain each acronym once.

use std::collections::BTreeSet;

use crate::domain::content::{glossary_term, spelt_out_before, words, Term};

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
        /// True where the page should spell the acronym out: the first time it appears on the
        /// page, unless the text already gives its full name there (`explained`).
        first: bool,
        /// True where the acronym stands in brackets straight after its full name, as in
        /// "Serious Case Review (SCR)", so the text has explained it already. This use still
        /// counts as the first on the page, so later uses are not spelt out either.
        explained: bool,
    },
}

/// Splits `text` into plain runs and the acronyms the glossary knows.
///
/// A word (a run of letters and digits) is an acronym if the glossary has it exactly, or has it
/// without a final lowercase "s" ("SCRs" is "SCR"). Unknown acronyms stay plain text. `seen`
/// holds the acronyms already used on this page; each one is `first` only when it is added and
/// the text has not just given its full name ("Serious Case Review (SCR)"), so a page never
/// shows "Serious Case Review (SCR (Serious Case Review))".
pub fn segments(text: &str, glossary: &[Term], seen: &mut BTreeSet<String>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    for (start, word) in words(text) {
        let Some(term) = glossary_term(word, glossary) else {
            continue;
        };
        if plain_from < start {
            out.push(Segment::Plain(text[plain_from..start].to_owned()));
        }
        let end = start + word.len();
        let explained = spelt_out_before(text, start, end, &term.expansion);
        let new = seen.insert(term.abbr.clone());
        out.push(Segment::Acronym {
            text: word.to_owned(),
            abbr: term.abbr.clone(),
            expansion: term.expansion.clone(),
            first: new && !explained,
            explained,
        });
        plain_from = end;
    }
    if plain_from < text.len() {
        out.push(Segment::Plain(text[plain_from..].to_owned()));
    }
    out
}
