//! The collection of notes, by id, and ids for kept copies.

use super::model::Note;
use std::collections::{BTreeMap, BTreeSet};

/// How many ids of deleted notes are remembered (about 20 bytes each).
pub const MAX_TOMBSTONES: usize = 1_000;

/// Every note, by id, and the ids of notes deleted here (tombstones).
///
/// Tombstones let a merge tell "the other tab deleted this note" from "the other tab never saw
/// it": Chromium gives each tab its own copy of local storage and brings it up to date a moment
/// later, so a tab can save over a note that another tab added just before.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    by_id: BTreeMap<String, Note>,
    deleted: BTreeSet<String>,
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
        self.deleted.remove(&note.id);
        self.by_id.insert(note.id.clone(), note)
    }

    /// Remove and return the note with this id, remembering that it was deleted.
    pub fn remove(&mut self, id: &str) -> Option<Note> {
        let removed = self.by_id.remove(id);
        if removed.is_some() {
            self.mark_deleted(id);
        }
        removed
    }

    /// Whether a note with this id was deleted (and not added again).
    pub fn was_deleted(&self, id: &str) -> bool {
        self.deleted.contains(id)
    }

    /// The ids of deleted notes.
    pub fn deleted(&self) -> impl Iterator<Item = &String> {
        self.deleted.iter()
    }

    /// Remembers that the note with this id was deleted, unless it is here now.
    pub fn mark_deleted(&mut self, id: &str) {
        if self.by_id.contains_key(id) {
            return;
        }
        self.deleted.insert(id.to_owned());
        while self.deleted.len() > MAX_TOMBSTONES {
            self.deleted.pop_first();
        }
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
