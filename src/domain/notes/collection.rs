//! The collection of notes, by id, with the records of deleted versions.

use super::model::{Note, Tombstone};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// The most deletion records kept. When there are more, the oldest (lowest `seq`) go first.
/// A record is about 80 bytes stored, so 20,000 of them take about 1.6 MB at most.
pub const MAX_TOMBSTONES: usize = 20_000;

/// Every note, by id, and the records of deleted versions (tombstones).
///
/// Tombstones let a merge or an import tell "deleted" from "never seen here", and say which
/// versions were deleted, so an edit made elsewhere on top of them is not deleted with them. A
/// note and a record can share an id: the note is a later version than any the record names.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notes {
    /// Shared, so the notes store can hold the same note as a stored version without a copy
    /// of it (see [`Notes::insert_shared`]).
    by_id: BTreeMap<String, Rc<Note>>,
    gone: BTreeMap<String, Tombstone>,
    /// The ids of the copies of each note (kept when both sides changed it).
    copies: BTreeMap<String, BTreeSet<String>>,
    /// The notes holding each version id (a copy holds the version it copied).
    holders: BTreeMap<String, BTreeSet<String>>,
    /// Every version the person deleted, by id, with the highest rev deleted: a version id is
    /// random, so its text is deleted wherever it is held (legacy ids are not unique, so they
    /// are left to each note's own record).
    deleted: BTreeMap<String, u32>,
}

impl Notes {
    /// No notes.
    pub fn new() -> Self {
        Self::default()
    }

    /// The note with this id.
    pub fn get(&self, id: &str) -> Option<&Note> {
        self.by_id.get(id).map(Rc::as_ref)
    }

    /// The note with this id, shared.
    pub fn get_shared(&self, id: &str) -> Option<&Rc<Note>> {
        self.by_id.get(id)
    }

    /// Whether a note has this id.
    pub fn contains(&self, id: &str) -> bool {
        self.by_id.contains_key(id)
    }

    /// How many notes there are (deleted ones not counted).
    pub fn len(&self) -> usize {
        self.by_id.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.by_id.is_empty()
    }

    /// Every note, in id order (use [`Notes::list`] for the order people see).
    pub fn iter(&self) -> impl Iterator<Item = &Note> {
        self.by_id.values().map(Rc::as_ref)
    }

    /// The record of the deleted note with this id.
    pub fn tombstone(&self, id: &str) -> Option<&Tombstone> {
        self.gone.get(id)
    }

    /// Every deletion record, in id order.
    pub fn tombstones(&self) -> impl Iterator<Item = &Tombstone> {
        self.gone.values()
    }

    /// Put (or, with `None`, take away) the record for `id`.
    pub fn set_tombstone(&mut self, id: &str, tomb: Option<Tombstone>) {
        match tomb {
            Some(t) => {
                self.record_deleted(&t);
                self.gone.insert(id.to_string(), t)
            }
            None => self.gone.remove(id),
        };
    }

    /// Remember the versions a record says were deleted, wherever they are held.
    pub fn record_deleted(&mut self, t: &Tombstone) {
        for v in &t.deleted {
            if !v.id.starts_with(super::version::LEGACY_MARK) {
                let rev = self.deleted.entry(v.id.clone()).or_insert(v.rev);
                *rev = (*rev).max(v.rev);
            }
        }
    }

    /// Whether the person deleted this version (or a later save of it) anywhere.
    pub fn deleted_anywhere(&self, version: &super::version::Version) -> bool {
        self.deleted
            .get(&version.id)
            .is_some_and(|&rev| rev >= version.rev)
    }

    /// The notes holding a version with this id.
    pub fn holders_of(&self, version_id: &str) -> Vec<&Note> {
        self.holders
            .get(version_id)
            .into_iter()
            .flatten()
            .filter_map(|id| self.get(id))
            .collect()
    }

    /// Take away the note with this id without recording a deletion (storage no longer holds
    /// it); returns it.
    pub fn take(&mut self, id: &str) -> Option<Note> {
        self.take_shared(id).map(Rc::unwrap_or_clone)
    }

    fn take_shared(&mut self, id: &str) -> Option<Rc<Note>> {
        let note = self.by_id.remove(id)?;
        if let Some(of) = &note.copy_of {
            if let Some(set) = self.copies.get_mut(of) {
                set.remove(id);
            }
        }
        if let Some(set) = self.holders.get_mut(&note.version().id) {
            set.remove(id);
        }
        Some(note)
    }

    /// Add a note, replacing any note with the same id.
    pub fn insert(&mut self, note: Note) {
        self.insert_shared(Rc::new(note));
    }

    /// Add a note that is shared with its holder, replacing any note with the same id.
    pub fn insert_shared(&mut self, note: Rc<Note>) {
        self.take_shared(&note.id);
        if let Some(of) = &note.copy_of {
            self.copies.entry(of.clone()).or_default().insert(note.id.clone());
        }
        self.holders
            .entry(note.version().id.clone())
            .or_default()
            .insert(note.id.clone());
        self.by_id.insert(note.id.clone(), note);
    }

    /// The copies of note `id`.
    pub fn copies_of(&self, id: &str) -> Vec<&Note> {
        self.copies
            .get(id)
            .into_iter()
            .flatten()
            .filter_map(|c| self.get(c))
            .collect()
    }

    /// Whether the version of note `id` that `note` has was deleted.
    pub fn is_deleted(&self, id: &str, note: &Note) -> bool {
        self.gone.get(id).is_some_and(|t| t.covers(note.version()))
    }

    /// The next deletion's place in the order of deletions.
    pub fn next_seq(&self) -> u64 {
        self.gone.values().map(|t| t.seq).max().map_or(1, |s| s + 1)
    }

    /// Delete the note with this id at `now`, recording its version as the `seq`th deletion;
    /// returns it.
    pub fn remove(&mut self, id: &str, now: u64, seq: u64) -> Option<Note> {
        let note = self.take(id)?;
        let record = Tombstone {
            id: id.to_string(),
            deleted: vec![note.version().clone()],
            older: note.lineage.ancestry.clone(),
            at: now,
            seq,
        };
        let joined = match self.gone.get(id) {
            Some(earlier) => record.join(earlier),
            None => record,
        };
        self.set_tombstone(id, Some(joined));
        Some(note)
    }

    /// Whether version `version` of note `id` was deleted, here or in a copy of it. A random
    /// version id is the same text wherever it is held; a legacy one is looked up in the
    /// records of `id`'s copies.
    pub fn copy_deleted(&self, id: &str, version: &super::version::Version) -> bool {
        if self.deleted_anywhere(version) {
            return true;
        }
        if !version.id.starts_with(super::version::LEGACY_MARK) {
            return false;
        }
        let base = format!("{id}~{}", version.id);
        (1..10)
            .map(|n| {
                if n == 1 {
                    base.clone()
                } else {
                    format!("{base}-{n}")
                }
            })
            .map_while(|candidate| self.gone.get(&candidate))
            .any(|t| t.covers_exactly(version))
    }

    /// Whether the text of version `version` of note `id` is kept in a copy, or was deleted
    /// there: a copy holds it, grew from it, or a copy of it was deleted.
    pub fn in_copy(&self, id: &str, version: &super::version::Version) -> bool {
        self.copies_of(id).iter().any(|c| c.lineage.includes(version)) || self.copy_deleted(id, version)
    }

    /// An id not used yet for a copy of note `id` at `version`, kept when both sides changed it.
    ///
    /// It is the same on every tab that makes it, so copies made twice meet.
    pub fn copy_id(&self, id: &str, version: &super::version::Version) -> String {
        let base = format!("{id}~{}", version.id);
        let mut candidate = base.clone();
        let mut n = 2;
        while self.by_id.get(&candidate).is_some_and(|c| c.version() != version) {
            candidate = format!("{base}-{n}");
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
