//! The collection of notes, by id, and ids for kept copies.

use super::model::Note;
use std::collections::BTreeMap;

/// Every note, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    by_id: BTreeMap<String, Note>,
}

impl Notes {
    /// No notes.
    pub fn new() -> Self {
        Self::default()
    }

    /// The note with this id.
    pub fn get(&self, id: &str) -> Option<&Note> {
        self.by_id.get(id)
    }

    /// Whether a note has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// How many notes there are.
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Every note, in id order (use [`Notes::list`] for the order people see).
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.by_id.values()
    }

    /// Add a note, replacing any note with the same id; returns the one replaced.
    pub fn insert(&mut self, note: Note) -> Option<Note> {
        self.by_id.insert(note.id.clone(), note)
    }

    /// Remove and return the note with this id.
    pub fn remove(&mut self, id: &str) -> Option<Note> {
        self.by_id.remove(id)
    }

    /// An id not used yet, made from `id` and `version` (for the second of two kept copies).
    ///
    /// It is the same on every tab and device that makes it, so copies made twice meet.
    pub fn copy_id(&self, id: &str, version: u64) -> String {
        let base = format!("{id}.{version}");
        let mut candidate = base.clone();
        let mut n = 2;
        while self.contains(&candidate) {
            candidate = format!("{base}.{n}");
            n += 1;
        }
        candidate
    }
}

impl FromIterator<Note> for Notes {
    /// Collect notes; a later note with the same id replaces an earlier one.
    fn from_iter<I: IntoIterator<Item = Note>>(iter: I) -> Self {
        let mut notes = Notes::new();
        for note in iter {
            notes.insert(note);
        }
        notes
    }
}
