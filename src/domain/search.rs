//! Search over the briefs as you type: an index built once, ranked hits with marked snippets.
//!
//! Matching is tolerant of case, punctuation and simple plurals (see [`tokens()`] and [`stem`]).
//! Every query word must appear somewhere in a brief; the last one may be unfinished. A brief
//! scores most for a match in its title, then in a theme, then in its summary, then in its
//! learning points, next steps and responses.

mod query;
mod rank;
mod tokens;

use std::collections::HashMap;
use std::ops::Range;

use crate::domain::content::{Brief, Library};
use query::{all_bits, matched, Matched};

pub use query::{highlight, pieces, Piece, MAX_QUERY_WORDS};
pub use tokens::{is_stop_word, stem, tokens, Token, STOP_WORDS};

/// How many snippets a hit carries at most, besides its title.
pub const MAX_SNIPPETS: usize = 3;

/// Where in a brief a snippet comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A paragraph of the summary.
    Summary,
    /// One of "Your next steps".
    NextStep,
    /// The name of a taxonomy theme the brief is tagged with; `theme` is its taxonomy id.
    Tag { theme: String },
    /// The heading of one of the brief's theme sections; `theme` is the section id.
    ThemeTitle { theme: String },
    /// A key learning point in a theme section.
    Learning { theme: String },
    /// What the partnership did in response, in a theme section.
    Response { theme: String },
}

impl Place {
    /// How much a match here counts towards a brief's score, relative to the other places.
    pub fn weight(&self) -> u32 {
        match self {
            Place::Tag { .. } | Place::ThemeTitle { .. } => 4,
            Place::Summary => 2,
            Place::NextStep | Place::Learning { .. } | Place::Response { .. } => 1,
        }
    }
}

/// A piece of a brief that matched, with the matching words' byte ranges in `text`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    pub place: Place,
    /// The whole paragraph, heading or point, as written.
    pub text: String,
    /// Byte ranges of the matching words in `text`, in order, for `<mark>`; see [`pieces`].
    pub marks: Vec<Range<usize>>,
}

/// One brief that matches a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The brief's id.
    pub id: String,
    pub title: String,
    /// Byte ranges of the matching words in `title`; empty if the title did not match.
    pub title_marks: Vec<Range<usize>>,
    /// Higher is better. Only the order means anything.
    pub score: u32,
    /// Up to [`MAX_SNIPPETS`] other places that matched, those matching most query words first.
    pub snippets: Vec<Snippet>,
}

/// A text with its words already tokenised, as indexes into the vocabulary.
#[derive(Debug, Clone)]
struct Indexed {
    text: String,
    words: Vec<(u32, Range<usize>)>,
}

#[derive(Debug, Clone)]
struct Entry {
    id: String,
    /// The title in lowercase, to order hits with equal scores.
    sort_title: String,
    title: Indexed,
    fields: Vec<(Place, Indexed)>,
}

/// Every brief's text, tokenised once, ready to answer queries quickly.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    /// Each distinct word once, as (term, raw); `Indexed::words` point into this.
    vocab: Vec<(String, String)>,
    entries: Vec<Entry>,
}

impl SearchIndex {
    /// Builds the index for every brief in the library.
    pub fn new(library: &Library) -> Self {
        let mut ids: HashMap<String, u32> = HashMap::new();
        let mut vocab = Vec::new();
        let mut index = |text: &str| Indexed {
            text: text.to_owned(),
            words: tokens::tokens_with_compounds(text)
                .into_iter()
                .map(|t| {
                    let id = *ids.entry(t.raw.clone()).or_insert_with(|| {
                        vocab.push((t.term, t.raw));
                        (vocab.len() - 1) as u32
                    });
                    (id, t.range)
                })
                .collect(),
        };
        let entries = library
            .briefs
            .iter()
            .map(|brief| Entry {
                id: brief.id.clone(),
                sort_title: brief.title.to_lowercase(),
                title: index(&brief.title),
                fields: places(library, brief)
                    .into_iter()
                    .map(|(p, t)| (p, index(t)))
                    .collect(),
            })
            .collect();
        SearchIndex { vocab, entries }
    }

    /// The briefs matching `query`, best first, then by title. An empty query, or one of stop
    /// words only, has no hits.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let words = query::parse(query);
        if words.is_empty() {
            return Vec::new();
        }
        let table: Vec<Matched> = self.vocab.iter().map(|(t, r)| matched(&words, t, r)).collect();
        if table.iter().fold(0, |acc, m| acc | m.any) != all_bits(words.len()) {
            return Vec::new();
        }
        let mut scored: Vec<(u32, &Entry)> = self
            .entries
            .iter()
            .filter_map(|e| Some((rank::score(e, words.len(), &table)?, e)))
            .collect();
        super::order::sort_by(&mut scored, |(a_score, a), (b_score, b)| {
            (b_score.cmp(a_score))
                .then_with(|| a.sort_title.cmp(&b.sort_title))
                .then_with(|| a.id.cmp(&b.id))
        });
        scored
            .into_iter()
            .map(|(score, e)| rank::hit(e, score, &table))
            .collect()
    }
}

/// Every searchable text of a brief except its title, with where it comes from.
fn places<'a>(library: &'a Library, brief: &'a Brief) -> Vec<(Place, &'a str)> {
    let mut all = Vec::new();
    for tag in library.brief_tags(brief) {
        if let Some(theme) = library.theme(tag) {
            all.push((
                Place::Tag {
                    theme: tag.to_owned(),
                },
                theme.name.as_str(),
            ));
        }
    }
    all.extend(brief.summary.iter().map(|s| (Place::Summary, s.as_str())));
    for theme in &brief.themes {
        let id = || theme.id.clone();
        all.push((Place::ThemeTitle { theme: id() }, theme.title.as_str()));
        all.extend(
            theme
                .learning
                .iter()
                .map(|s| (Place::Learning { theme: id() }, s.as_str())),
        );
        all.extend(
            theme
                .response
                .iter()
                .map(|s| (Place::Response { theme: id() }, s.as_str())),
        );
    }
    all.extend(brief.next_steps.iter().map(|s| (Place::NextStep, s.as_str())));
    all
}
