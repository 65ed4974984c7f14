//! A parsed search query, how its words match indexed words, and marking matches in any text.

use std::ops::Range;

use super::tokens::{stem, tokens, tokens_with_compounds};

/// The most query words that count; any after these are ignored.
pub const MAX_QUERY_WORDS: usize = 32;

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct QueryWord {
    term: String,
    raw: String,
    /// True for the last word while it is still being typed: it matches the start of a word.
    prefix: bool,
    /// For a word being typed, the term it would have with an "s" added, so that "familie"
    /// (on its way to "families") still finds "family".
    plural: Option<String>,
}

/// Which query words a vocabulary word matches: `any` by exact term or by prefix, `exact` only
/// by exact term. Bit `i` stands for query word `i`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Matched {
    pub any: u32,
    pub exact: u32,
}

/// Splits a query into words, dropping stop words and repeats.
///
/// A word that ends the query is still being typed, so it matches as a prefix ("disgu" finds
/// "disguised"); a space or punctuation after it says it is finished.
pub(super) fn parse(query: &str) -> Vec<QueryWord> {
    let mut words: Vec<QueryWord> = Vec::new();
    for token in tokens(query) {
        let prefix = token.range.end == query.len();
        let plural = prefix.then(|| stem(&format!("{}s", token.raw)));
        let word = QueryWord {
            term: token.term,
            raw: token.raw,
            prefix,
            plural,
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words.truncate(MAX_QUERY_WORDS);
    words
}

/// The bit mask with one bit set for each of `n` query words.
pub(super) fn all_bits(n: usize) -> u32 {
    if n >= 32 {
        u32::MAX
    } else {
        (1 << n) - 1
    }
}

/// Which of the query words match an indexed word with this term and raw form.
pub(super) fn matched(words: &[QueryWord], term: &str, raw: &str) -> Matched {
    let mut m = Matched::default();
    for (i, q) in words.iter().enumerate() {
        if q.term == term {
            m.any |= 1 << i;
            m.exact |= 1 << i;
        } else if q.prefix
            && (term.starts_with(&q.term)
                || raw.starts_with(&q.raw)
                || q.plural.as_ref().is_some_and(|p| term.starts_with(p)))
        {
            m.any |= 1 << i;
        }
    }
    m
}

/// Sorts byte ranges and merges any that overlap, such as a compound and one of its parts.
pub(super) fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    crate::domain::order::sort_by(&mut ranges, |a, b| (a.start, a.end).cmp(&(b.start, b.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start < last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// The byte ranges of the words in `text` that `query` matches, in order and not overlapping,
/// by the same rules as [`super::SearchIndex::search`].
pub fn highlight(text: &str, query: &str) -> Vec<Range<usize>> {
    let words = parse(query);
    if words.is_empty() {
        return Vec::new();
    }
    let ranges = tokens_with_compounds(text)
        .into_iter()
        .filter(|t| matched(&words, &t.term, &t.raw).any != 0)
        .map(|t| t.range)
        .collect();
    merge(ranges)
}

/// A run of text that is either marked as matching or plain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Piece<'a> {
    /// The text itself, to render as text (never as HTML).
    pub text: &'a str,
    /// True if the run matched the query and should be shown in `<mark>`.
    pub marked: bool,
}

/// Cuts `text` into plain and marked pieces at the given ranges (as [`highlight`] returns them).
/// Ranges that overlap an earlier one, or do not fall on character boundaries, are ignored.
pub fn pieces<'a>(text: &'a str, marks: &[Range<usize>]) -> Vec<Piece<'a>> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in marks {
        let (Some(before), Some(marked)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        if !before.is_empty() {
            out.push(Piece {
                text: before,
                marked: false,
            });
        }
        if !marked.is_empty() {
            out.push(Piece {
                text: marked,
                marked: true,
            });
        }
        at = r.end;
    }
    if let Some(rest) = text.get(at..).filter(|rest| !rest.is_empty()) {
        out.push(Piece {
            text: rest,
            marked: false,
        });
    }
    out
}
