//! Listing notes for people: newest first, search, filters, next-step progress and counts.

use super::collection::Notes;
use super::model::{Note, NoteBody, NoteKind};
use std::collections::BTreeMap;
use std::fmt;

/// What to show on the notes page. The default shows every note.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words to look for, any case; a note matches when every word is in one of its fields.
    pub query: String,
    /// Only notes on this brief.
    pub brief_id: Option<String>,
    /// Only notes on this brief theme.
    pub theme_id: Option<String>,
    /// Only notes of this kind.
    pub kind: Option<NoteKind>,
}

impl Filter {
    /// Whether `note` passes every part of the filter.
    pub fn matches(&self, note: &Note) -> bool {
        let body = &note.body;
        if self.kind.is_some_and(|k| k != body.kind())
            || self
                .brief_id
                .as_deref()
                .is_some_and(|b| body.brief_id() != Some(b))
            || self
                .theme_id
                .as_deref()
                .is_some_and(|t| body.theme_id() != Some(t))
        {
            return false;
        }
        let query = self.query.to_lowercase();
        let mut words = query.split_whitespace().peekable();
        // No words: every note passes, without lowercasing 5,000 notes' text to find that out.
        if words.peek().is_none() {
            return true;
        }
        let fields: Vec<String> = body.text_fields().iter().map(|f| f.to_lowercase()).collect();
        words.all(|word| fields.iter().any(|field| field.contains(word)))
    }
}

/// How many of a brief's next steps are ticked. `Display`: "2 of 5 next steps done".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// Steps ticked (each counted once).
    pub done: usize,
    /// Steps the brief has.
    pub total: usize,
}

impl fmt::Display for Progress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let noun = if self.total == 1 {
            "next step"
        } else {
            "next steps"
        };
        write!(f, "{} of {} {noun} done", self.done, self.total)
    }
}

/// How many notes of each kind. `Display`: "2 reflections and 1 note on a brief".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KindCounts(pub BTreeMap<NoteKind, usize>);

impl KindCounts {
    /// Every note counted.
    pub fn total(&self) -> usize {
        self.0.values().sum()
    }
}

impl fmt::Display for KindCounts {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<String> = NoteKind::ALL
            .iter()
            .filter_map(|kind| self.0.get(kind).map(|&n| format!("{n} {}", kind.counted(n))))
            .collect();
        match parts.split_last() {
            None => write!(f, "no notes"),
            Some((last, [])) => write!(f, "{last}"),
            Some((last, rest)) => write!(f, "{} and {last}", rest.join(", ")),
        }
    }
}

/// The order notes are listed in: most recently changed first, then most recently made, then
/// by id.
fn newer_first(a: &&Note, b: &&Note) -> std::cmp::Ordering {
    (b.updated_at, b.created_at)
        .cmp(&(a.updated_at, a.created_at))
        .then_with(|| a.id.cmp(&b.id))
}

impl Notes {
    /// Every note, most recently changed first.
    pub fn newest_first(&self) -> Vec<&Note> {
        let mut notes: Vec<&Note> = self.iter().collect();
        crate::domain::order::sort_by(&mut notes, newer_first);
        notes
    }

    /// The notes that pass `filter`, most recently changed first.
    pub fn list(&self, filter: &Filter) -> Vec<&Note> {
        self.newest_first()
            .into_iter()
            .filter(|note| filter.matches(note))
            .collect()
    }

    /// The tick for a brief's next step, if it is ticked (the newest, if ticked twice).
    pub fn tick(&self, brief_id: &str, step: u32) -> Option<&Note> {
        // The first in `newest_first` order, found without sorting every note for each step.
        self.iter()
            .filter(|note| {
                matches!(&note.body, NoteBody::NextStep(t) if t.brief_id == brief_id && t.step == step)
            })
            .min_by(newer_first)
    }

    /// How many of a brief's `total` next steps are ticked.
    pub fn progress(&self, brief_id: &str, total: usize) -> Progress {
        let mut ticked = vec![false; total];
        for note in self.iter() {
            if let NoteBody::NextStep(t) = &note.body {
                if t.brief_id == brief_id {
                    if let Some(tick) = ticked.get_mut(t.step as usize) {
                        *tick = true;
                    }
                }
            }
        }
        Progress {
            done: ticked.iter().filter(|&&tick| tick).count(),
            total,
        }
    }

    /// How many notes of each kind there are, to say what "delete everything" will remove.
    pub fn counts(&self) -> KindCounts {
        let mut counts = KindCounts::default();
        for note in self.iter() {
            *counts.0.entry(note.kind()).or_default() += 1;
        }
        counts
    }
}
