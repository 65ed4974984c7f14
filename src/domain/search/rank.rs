//! Scoring one brief against a query, and building its hit with marked snippets.

use std::cmp::Reverse;
use std::ops::Range;

use super::query::{all_bits, merge, Matched};
use super::{Entry, Hit, Indexed, Snippet, MAX_SNIPPETS};

/// How much a match in a brief's title counts, against [`super::Place::weight`].
const TITLE_WEIGHT: u32 = 8;

/// Which query words a text matches, as bit masks.
fn bits(text: &Indexed, table: &[Matched]) -> Matched {
    text.words.iter().fold(Matched::default(), |acc, (id, _)| {
        let m = table[*id as usize];
        Matched {
            any: acc.any | m.any,
            exact: acc.exact | m.exact,
        }
    })
}

/// The byte ranges of the words in a text that match the query.
fn marks(text: &Indexed, table: &[Matched]) -> Vec<Range<usize>> {
    let ranges = text.words.iter().filter(|(id, _)| table[*id as usize].any != 0);
    merge(ranges.map(|(_, r)| r.clone()).collect())
}

/// Scores one brief against a query of `n` words, or `None` if some word is missing from it.
///
/// Each query word adds ten times the weight of the best place it appears in (doubled for a
/// whole-word match rather than a prefix), plus one for each place it appears in, up to nine.
/// So a title match always outranks a theme match, and so on down; repeats only break ties.
pub(super) fn score(entry: &Entry, n: usize, table: &[Matched]) -> Option<u32> {
    let (mut best, mut seen) = (vec![0u32; n], vec![0u32; n]);
    let title = std::iter::once((TITLE_WEIGHT, &entry.title));
    let places = entry.fields.iter().map(|(place, text)| (place.weight(), text));
    let mut found = 0;
    for (weight, text) in title.chain(places) {
        let bits = bits(text, table);
        found |= bits.any;
        for i in (0..n).filter(|i| bits.any & (1 << i) != 0) {
            let exact = if bits.exact & (1 << i) != 0 { 2 } else { 1 };
            best[i] = best[i].max(weight * exact);
            seen[i] += 1;
        }
    }
    if found != all_bits(n) {
        return None;
    }
    Some(best.iter().zip(&seen).map(|(b, s)| b * 10 + s.min(&9)).sum())
}

/// The hit for a brief that matched: its marked title and up to [`MAX_SNIPPETS`] other places,
/// those matching most query words first, then the weightier place, then in reading order.
pub(super) fn hit(entry: &Entry, score: u32, table: &[Matched]) -> Hit {
    let mut matching: Vec<(u32, usize)> = entry
        .fields
        .iter()
        .enumerate()
        .map(|(i, (_, text))| (bits(text, table).any.count_ones(), i))
        .filter(|(words, _)| *words > 0)
        .collect();
    let key = |&(words, i): &(u32, usize)| (Reverse(words), Reverse(entry.fields[i].0.weight()), i);
    crate::domain::order::sort_by(&mut matching, |a, b| key(a).cmp(&key(b)));
    let snippets = matching
        .into_iter()
        .take(MAX_SNIPPETS)
        .map(|(_, i)| {
            let (place, text) = &entry.fields[i];
            Snippet {
                place: place.clone(),
                text: text.text.clone(),
                marks: marks(text, table),
            }
        })
        .collect();
    Hit {
        id: entry.id.clone(),
        title: entry.title.text.clone(),
        title_marks: marks(&entry.title, table),
        score,
        snippets,
    }
}
