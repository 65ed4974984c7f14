//! The notes store: loads, edits, saves and merges notes over any [`KeyValue`] storage.
//!
//! It never writes over a value it could not read, and it never drops an edit: a failed save
//! leaves the notes in memory and the stored value as it was.

use super::backup::back_up;
use super::codec::{decode, encode, Decoded, EncodeError};
use super::collection::Notes;
use super::exchange;
use super::merge::{merge, MergeReport};
use super::model::{Note, NoteBody};
use super::plan::{ImportCounts, ImportPlan};
use super::status::{EditError, Health, SaveError, SaveState};
use super::NOTES_KEY;
use crate::domain::kv::KeyValue;
use std::collections::BTreeSet;

/// Notes in memory, tied to the storage they are saved in.
///
/// Any failure to read storage at load (blocked or otherwise) gives memory-only mode.
#[derive(Debug, Clone)]
pub struct NotesStore<K: KeyValue> {
    kv: K,
    /// What this tab shows and edits.
    notes: Notes,
    /// The notes as stored when this tab last read or wrote them.
    base: Notes,
    /// The stored string when this tab last read or wrote it.
    last_raw: Option<String>,
    health: Health,
    save_state: SaveState,
    /// The unreadable stored value, while [`Health::Unreadable`].
    unreadable: Option<String>,
    /// Ids edited since the last checkpoint (load, merge, import, export). The first edit
    /// after a checkpoint records the note's version in its history.
    fresh: BTreeSet<String>,
}

impl<K: KeyValue> NotesStore<K> {
    /// Read the notes from `kv`. Never writes to the main key; may write a backup copy.
    pub fn load(mut kv: K) -> Self {
        let raw = match kv.get(NOTES_KEY) {
            Ok(raw) => raw,
            Err(_) => return Self::with(kv, Notes::new(), None, Health::MemoryOnly),
        };
        match decode(raw.as_deref()) {
            Decoded::Empty => Self::with(kv, Notes::new(), raw, Health::Ready),
            Decoded::Current(notes) => Self::with(kv, notes, raw, Health::Ready),
            Decoded::Migrated { notes, .. } => {
                // Keep a copy of the old value, as the next save writes the upgraded notes over
                // it. A failed copy is not fatal: the notes themselves were read.
                if let Some(old) = raw.as_deref() {
                    let _ = back_up(&mut kv, old);
                }
                let mut store = Self::with(kv, notes, raw, Health::Ready);
                store.save_state = SaveState::Unsaved;
                store
            }
            Decoded::Corrupt { reason } => {
                let backup_key = raw.as_deref().and_then(|r| back_up(&mut kv, r).ok());
                let mut store = Self::with(kv, Notes::new(), raw.clone(), Health::Ready);
                store.health = Health::Unreadable { reason, backup_key };
                store.unreadable = raw;
                store
            }
            Decoded::Newer { schema } => Self::with(kv, Notes::new(), raw, Health::Newer { schema }),
        }
    }

    fn with(kv: K, notes: Notes, last_raw: Option<String>, health: Health) -> Self {
        let save_state = match health {
            Health::MemoryOnly => SaveState::MemoryOnly,
            _ => SaveState::Saved,
        };
        NotesStore {
            kv,
            base: notes.clone(),
            notes,
            last_raw,
            health,
            save_state,
            unreadable: None,
            fresh: BTreeSet::new(),
        }
    }

    /// Every note this tab holds.
    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    /// Whether notes can be kept; its `Display` is the banner text.
    pub fn health(&self) -> &Health {
        &self.health
    }

    /// Whether the latest changes are saved; its `Display` is the status text.
    pub fn save_state(&self) -> &SaveState {
        &self.save_state
    }

    /// The stored value that could not be read, for the person to download.
    pub fn unreadable_text(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }

    /// The storage underneath.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The storage underneath, to change it as a test or another tab would.
    pub fn kv_mut(&mut self) -> &mut K {
        &mut self.kv
    }

    fn check_writable(&self) -> Result<(), EditError> {
        if self.health.is_read_only() {
            Err(EditError::ReadOnly)
        } else {
            Ok(())
        }
    }

    fn mark_changed(&mut self) {
        if self.save_state != SaveState::MemoryOnly {
            self.save_state = SaveState::Unsaved;
        }
    }

    /// Add a note, or change the note with this id, at time `now` (ms since 1970).
    ///
    /// Returns whether anything changed. Call [`NotesStore::save`] afterwards (debounced).
    pub fn put(&mut self, id: &str, body: NoteBody, now: u64) -> Result<bool, EditError> {
        self.check_writable()?;
        if id.is_empty() {
            return Err(EditError::EmptyId);
        }
        if let Some((field, length)) = body.too_long_field() {
            return Err(EditError::TooLong { field, length });
        }
        let note = match self.notes.get(id) {
            Some(existing) if existing.body == body => return Ok(false),
            Some(existing) => {
                let mut note = existing.clone();
                if self.fresh.insert(id.to_string()) {
                    note.remember_version();
                }
                note.updated_at = now.max(existing.updated_at + 1);
                note.body = body;
                note
            }
            None => {
                self.fresh.insert(id.to_string());
                Note::new(id, body, now)
            }
        };
        self.notes.insert(note);
        self.mark_changed();
        Ok(true)
    }

    /// Delete a note, returning it so that [`NotesStore::restore`] can undo the delete.
    pub fn delete(&mut self, id: &str) -> Result<Option<Note>, EditError> {
        self.check_writable()?;
        let removed = self.notes.remove(id);
        if removed.is_some() {
            self.mark_changed();
        }
        Ok(removed)
    }

    /// Delete every note, returning them all (for undo, or to say what went).
    pub fn delete_all(&mut self) -> Result<Vec<Note>, EditError> {
        self.check_writable()?;
        let removed: Vec<Note> = std::mem::take(&mut self.notes).iter().cloned().collect();
        if !removed.is_empty() {
            self.mark_changed();
        }
        Ok(removed)
    }

    /// Put back a deleted note as it was. If a different note has taken its id meanwhile,
    /// it comes back as a new note; returns the id it has now.
    pub fn restore(&mut self, mut note: Note) -> Result<String, EditError> {
        self.check_writable()?;
        match self.notes.get(&note.id) {
            Some(now) if *now == note => return Ok(note.id),
            Some(_) => note.id = self.notes.copy_id(&note.id, note.updated_at),
            None => {}
        }
        let id = note.id.clone();
        self.notes.insert(note);
        self.mark_changed();
        Ok(id)
    }

    /// Save the notes. Anything another tab saved meanwhile is merged in first, so nothing it
    /// wrote is lost. In memory-only mode this does nothing and succeeds.
    ///
    /// On error the notes stay in memory and the stored value is unchanged.
    pub fn save(&mut self) -> Result<(), SaveError> {
        if self.health == Health::MemoryOnly {
            return Ok(());
        }
        let result = self.try_save();
        self.save_state = match &result {
            Ok(()) => SaveState::Saved,
            Err(error) => SaveState::Failed(error.clone()),
        };
        result
    }

    fn try_save(&mut self) -> Result<(), SaveError> {
        if self.health.is_read_only() {
            return Err(SaveError::ReadOnly);
        }
        let stored = self.kv.get(NOTES_KEY)?;
        if stored != self.last_raw {
            self.merge_external(stored.as_deref());
            if self.health.is_read_only() {
                return Err(SaveError::ReadOnly);
            }
        }
        let encoded = encode(&self.notes).map_err(|e| SaveError::Other(e.0))?;
        if stored.as_deref() != Some(encoded.as_str()) {
            self.kv.set(NOTES_KEY, &encoded)?;
        }
        self.last_raw = Some(encoded);
        self.base = self.notes.clone();
        // Each saved version goes into the history of the next edit, so another tab can tell
        // an edit made on top of this version from one made at the same time.
        self.fresh.clear();
        Ok(())
    }

    /// Take in what another tab stored (the `storage` event's new value for [`NOTES_KEY`]).
    ///
    /// Unreadable or newer data makes this tab read-only (a copy of unreadable data is kept);
    /// readable data after that makes it writable again.
    pub fn merge_external(&mut self, raw: Option<&str>) -> MergeReport {
        if self.health == Health::MemoryOnly || raw == self.last_raw.as_deref() {
            return MergeReport::default();
        }
        self.take_in(raw)
    }

    /// Merge `raw` in, whatever this tab last saw.
    fn take_in(&mut self, raw: Option<&str>) -> MergeReport {
        let theirs = match decode(raw) {
            // Storage emptied elsewhere (site data cleared): everything this tab last saw was
            // deleted on purpose, so unchanged notes go and edits made here stay.
            Decoded::Empty => {
                let mut cleared = Notes::new();
                for note in self.base.iter() {
                    cleared.mark_deleted(&note.id);
                }
                cleared
            }
            Decoded::Current(notes) | Decoded::Migrated { notes, .. } => notes,
            Decoded::Corrupt { reason } => {
                let text = raw.unwrap_or_default();
                let backup_key = back_up(&mut self.kv, text).ok();
                self.health = Health::Unreadable { reason, backup_key };
                self.unreadable = Some(text.to_string());
                self.last_raw = Some(text.to_string());
                return MergeReport::default();
            }
            Decoded::Newer { schema } => {
                self.health = Health::Newer { schema };
                self.last_raw = raw.map(String::from);
                return MergeReport::default();
            }
        };
        let (merged, report) = merge(&self.base, &self.notes, &theirs);
        self.health = Health::Ready;
        self.unreadable = None;
        self.notes = merged;
        self.save_state = if self.notes == theirs {
            SaveState::Saved
        } else {
            SaveState::Unsaved
        };
        self.base = theirs;
        self.last_raw = raw.map(String::from);
        self.fresh.clear();
        report
    }

    /// The notes as an export file (see [`exchange::export`]). Marks a checkpoint: later
    /// edits record the exported versions in each note's history.
    pub fn export(&mut self, exported_at: &str) -> Result<String, EncodeError> {
        self.fresh.clear();
        exchange::export(&self.notes, exported_at)
    }

    /// Apply an import plan made with [`super::plan::plan`] against [`NotesStore::notes`].
    pub fn import(&mut self, plan: &ImportPlan) -> Result<ImportCounts, EditError> {
        self.check_writable()?;
        let counts = plan.apply(&mut self.notes);
        self.fresh.clear();
        if counts.changes() > 0 {
            self.mark_changed();
        }
        Ok(counts)
    }

    /// Leave read-only mode by saving this tab's notes (often none) over the unreadable or
    /// newer value, after copying that value to a backup key. If what is stored has become
    /// readable meanwhile (another tab started again), it is merged instead. If no copy can be
    /// made, nothing is written and the error says why. When not read-only, this is a save.
    pub fn reset(&mut self) -> Result<(), SaveError> {
        if !self.health.is_read_only() {
            return self.save();
        }
        let result = self.clear_read_only();
        if let Err(error) = &result {
            self.save_state = SaveState::Failed(error.clone());
            return result;
        }
        self.save()
    }

    fn clear_read_only(&mut self) -> Result<(), SaveError> {
        let stored = self.kv.get(NOTES_KEY)?;
        match decode(stored.as_deref()) {
            Decoded::Corrupt { .. } | Decoded::Newer { .. } => {
                if let Some(text) = stored.as_deref() {
                    back_up(&mut self.kv, text)?;
                }
                self.health = Health::Ready;
                self.unreadable = None;
                // The save that follows writes over the value just copied.
                self.last_raw = stored;
            }
            Decoded::Empty | Decoded::Current(_) | Decoded::Migrated { .. } => {
                self.take_in(stored.as_deref());
            }
        }
        Ok(())
    }
}
