//! The search tokeniser: splits text into normalised words with their byte ranges.
//!
//! A word is a run of letters and digits. An apostrophe between two letters stays inside the
//! word ("children's", "don't"); any other character separates words, so "multi-agency" is two
//! words. Each word is lowercased, loses a possessive "'s" and its apostrophes, and has a simple
//! plural ending folded (see [`stem`]). Words on a short stop list are dropped.

use std::ops::Range;

/// Common words that carry no meaning for search. Kept short on purpose.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "for", "from", "had", "has", "have",
    "if", "in", "into", "is", "it", "its", "of", "on", "or", "so", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "was", "were", "which", "will", "with",
];

/// One word of a text, normalised for matching.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// The folded form that queries are compared with, such as `"family"` for "Families".
    pub term: String,
    /// The lowercased word without apostrophes, before folding, such as `"families"`.
    pub raw: String,
    /// Where the word sits in the text, in bytes, including any apostrophe and "'s".
    pub range: Range<usize>,
}

/// True for the apostrophes people type: straight, curly and the modifier letter.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2018}' | '\u{2019}' | '\u{02BC}')
}

/// True for the hyphens that join a compound word such as "multi-agency".
fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Every word in `text`, stop words included, in order.
fn words(text: &str) -> Vec<Token> {
    let mut found = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = start + c.len_utf8();
        while let Some(&(i, c)) = chars.peek() {
            if c.is_alphanumeric() {
                end = i + c.len_utf8();
                chars.next();
            } else if is_apostrophe(c) && text[i + c.len_utf8()..].starts_with(char::is_alphanumeric) {
                chars.next();
            } else {
                break;
            }
        }
        let raw = normalise(&text[start..end]);
        found.push(Token {
            term: stem(&raw),
            raw,
            range: start..end,
        });
    }
    found
}

/// Lowercases a word, drops a possessive "'s" and removes the other apostrophes.
fn normalise(word: &str) -> String {
    let lower = word.to_lowercase();
    let mut chars: Vec<char> = lower.chars().collect();
    if chars.len() > 2 && chars[chars.len() - 1] == 's' && is_apostrophe(chars[chars.len() - 2]) {
        chars.truncate(chars.len() - 2);
    }
    chars.into_iter().filter(|c| !is_apostrophe(*c)).collect()
}

/// Folds a simple English plural in a lowercased word, predictably and no further.
///
/// "ies" becomes "y" (families, agencies); "sses", "xes", "ches" and "shes" lose "es"
/// (processes, approaches); any other final "s" goes (reviews, assessments, SCRs). Words ending
/// "ss", "us" or "is" (process, serious, crisis) and words under three letters stay as they are.
/// Nothing else is touched, so "abuse" stays "abuse" and "assessed" stays "assessed".
pub fn stem(word: &str) -> String {
    let letters = word.chars().count();
    if letters < 3 || !word.ends_with('s') || ["ss", "us", "is"].iter().any(|e| word.ends_with(e)) {
        return word.to_owned();
    }
    if letters > 4 && word.ends_with("ies") {
        return format!("{}y", &word[..word.len() - 3]);
    }
    if ["sses", "xes", "ches", "shes"].iter().any(|e| word.ends_with(e)) {
        return word[..word.len() - 2].to_owned();
    }
    word[..word.len() - 1].to_owned()
}

/// True if a normalised word is on the stop list.
pub fn is_stop_word(raw: &str) -> bool {
    STOP_WORDS.contains(&raw)
}

/// The words of `text` that search uses: normalised, with stop words left out.
pub fn tokens(text: &str) -> Vec<Token> {
    words(text)
        .into_iter()
        .filter(|t| !is_stop_word(&t.raw))
        .collect()
}

/// Like [`tokens`], plus one joined token for each hyphenated compound, so that
/// "multiagency" finds "multi-agency" as well as "multi agency" does.
pub fn tokens_with_compounds(text: &str) -> Vec<Token> {
    let all = words(text);
    let mut out = Vec::with_capacity(all.len());
    let mut chain_start = 0;
    for (i, word) in all.iter().enumerate() {
        let joined = i > 0 && hyphen_between(text, &all[i - 1].range, &word.range);
        if !joined {
            push_compound(&all[chain_start..i], &mut out);
            chain_start = i;
        }
        if !is_stop_word(&word.raw) {
            out.push(word.clone());
        }
    }
    push_compound(&all[chain_start..], &mut out);
    out
}

/// True if exactly one hyphen separates two neighbouring words.
fn hyphen_between(text: &str, left: &Range<usize>, right: &Range<usize>) -> bool {
    let mut gap = text[left.end..right.start].chars();
    matches!((gap.next(), gap.next()), (Some(c), None) if is_hyphen(c))
}

/// Adds the joined form of a chain of two or more hyphenated words.
fn push_compound(chain: &[Token], out: &mut Vec<Token>) {
    if let [first, .., last] = chain {
        let raw: String = chain.iter().map(|w| w.raw.as_str()).collect();
        out.push(Token {
            term: stem(&raw),
            raw,
            range: first.range.start..last.range.end,
        });
    }
}
