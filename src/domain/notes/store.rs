//! The notes store: loads, edits, saves and merges notes over any [`KeyValue`] storage.
//!
//! Storage holds entries that never change once written: each version of a note, and each
//! record of a deleted version, under a key of its own (see [`super`]). A save writes new
//! entries first and only then removes entries it knows are dead (replaced by a stored version
//! that grew from them, or covered by a stored deletion record). So a tab whose copy of storage
//! is behind can never overwrite or remove an edit it has not seen; when it catches up,
//! [`settle`] decides again. The store never writes over a value it could not read (a copy goes
//! to a backup key first) and never drops an edit (a failed save leaves it in memory).

use super::backup::{back_up, backups, Backup};
use super::codec::{
    decode_meta, decode_note, decode_tombstone, encode_meta, encode_note, encode_tombstone, EncodeError, Meta,
};
use super::collection::{Notes, MAX_TOMBSTONES};
use super::exchange;
use super::merge::{alive, settle, Keep, KeptBoth, MergeReport};
use super::model::{Note, NoteBody, Tombstone};
use super::plan::{ImportCounts, ImportPlan};
use super::status::{EditError, Health, SaveError, SaveState};
use super::version::{Ids, Lineage, Version};
use super::{gone_key, note_key, parse_key, BACKUP_PREFIX, NOTES_KEY};
use crate::domain::kv::{KeyValue, KvError};
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// What storage holds for one note id, as this tab knows it.
#[derive(Debug, Clone, Default)]
struct Held {
    /// Shared with [`Notes`] when it is the note this tab holds, not copied (the in-app read
    /// of 5,000 notes, interleaved, median of 10: 30.9 to 29.3 ms; of 20 reloads: 46.1 to 39.5).
    versions: BTreeMap<Version, Rc<Note>>,
    gone: BTreeMap<Version, Tombstone>,
}

/// Notes in memory, tied to the storage they are saved in.
#[derive(Debug, Clone)]
pub struct NotesStore<K: KeyValue> {
    kv: K,
    /// What this tab shows and edits, with every deletion it knows of, joined by id.
    notes: Notes,
    /// What storage holds, by note id, as this tab last read it or heard of it.
    held: BTreeMap<String, Held>,
    /// The backup keys storage holds, as last read with every key (`None`: not known, so
    /// [`Self::backups`] reads every key). Saves reading 5,000 keys each time My notes is drawn.
    backup_keys: Option<Vec<String>>,
    health: Health,
    save_state: SaveState,
    /// The main key's unreadable value, while [`Health::Unreadable`].
    unreadable: Option<String>,
    /// Ids with entries to write or remove.
    unsaved: BTreeSet<String>,
    /// Ids whose note is a version made here holding changes nobody else has seen (typed, put
    /// back, or merged here) and not yet saved.
    open: BTreeSet<String>,
    /// Ids whose note is someone else's version to be stored as it is (imported, or a copy kept
    /// after a merge): it takes part in a merge as a stored version would.
    pending: BTreeSet<String>,
    /// Version ids this store made, with the note each was made for and the highest save count
    /// given so far: only there does it count further saves (a copy holding it elsewhere starts
    /// a version of its own when changed), and a count is never given twice.
    mine: BTreeMap<(String, String), u32>,
    /// Ids whose stored value could not be read and could not be copied aside: never written.
    blocked: BTreeSet<String>,
    ids: Ids,
    /// The main key must be written (storage had none).
    meta_due: bool,
    /// What merges did, until the UI takes it.
    report: MergeReport,
}

impl<K: KeyValue> NotesStore<K> {
    /// Read the notes from `kv`; `seed` seeds the new version ids (random in the browser).
    ///
    /// Notes stored in schema 1 are migrated here: a copy of the old value must be kept under a
    /// backup key first, or nothing is changed and the notes are read-only
    /// ([`Health::MigrationBlocked`]).
    pub fn load(kv: K, seed: u64) -> Self {
        let mut store = NotesStore {
            kv,
            notes: Notes::new(),
            held: BTreeMap::new(),
            backup_keys: None,
            health: Health::Ready,
            save_state: SaveState::Saved,
            unreadable: None,
            unsaved: BTreeSet::new(),
            open: BTreeSet::new(),
            pending: BTreeSet::new(),
            mine: BTreeMap::new(),
            blocked: BTreeSet::new(),
            ids: Ids::new(seed),
            meta_due: false,
            report: MergeReport::default(),
        };
        let raw = match store.kv.get(NOTES_KEY) {
            Ok(raw) => raw,
            Err(_) => return store.memory_only(),
        };
        match decode_meta(raw.as_deref()) {
            Meta::Empty => {
                store.meta_due = true;
                store.read_all();
            }
            Meta::Current => store.read_all(),
            Meta::SchemaOne { notes, gone } => store.migrate(raw.unwrap_or_default(), notes, gone),
            Meta::Corrupt { reason } => store.main_key_unreadable(raw.unwrap_or_default(), reason),
            Meta::Newer { schema } => store.health = Health::Newer { schema },
        }
        // Only what could not be read is worth saying after a load.
        store.report = MergeReport {
            unreadable: std::mem::take(&mut store.report.unreadable),
            ..MergeReport::default()
        };
        store
    }

    fn memory_only(mut self) -> Self {
        self.health = Health::MemoryOnly;
        self.save_state = SaveState::MemoryOnly;
        self
    }

    /// Read every entry in storage, then settle every id. A value that cannot be read is copied
    /// aside and removed, or, if no copy can be made, left alone and its id never written.
    fn read_all(&mut self) {
        let Ok(keys) = self.kv.keys() else {
            self.health = Health::MemoryOnly;
            self.save_state = SaveState::MemoryOnly;
            return;
        };
        self.held.clear();
        self.backup_keys = Some(
            keys.iter()
                .filter(|k| k.starts_with(BACKUP_PREFIX))
                .cloned()
                .collect(),
        );
        let entries: Vec<(&str, (bool, &str, Version))> = keys
            .iter()
            .filter_map(|key| Some((key.as_str(), parse_key(key)?)))
            .collect();
        let wanted: Vec<&str> = entries.iter().map(|(key, _)| *key).collect();
        let values = self.kv.get_each(&wanted);
        for ((key, (is_note, id, version)), value) in entries.into_iter().zip(values) {
            if let Ok(Some(raw)) = value {
                self.take_entry(id, is_note, version, key, &raw);
            }
        }
        let mut ids: BTreeSet<String> = self.held.keys().cloned().collect();
        ids.extend(self.notes.iter().map(|n| n.id.clone()));
        ids.extend(self.notes.tombstones().map(|t| t.id.clone()));
        for id in ids {
            self.reconcile(&id);
        }
    }

    /// Add one stored entry to what this tab knows storage holds.
    fn take_entry(&mut self, id: &str, is_note: bool, version: Version, key: &str, raw: &str) {
        let held = self.held.entry(id.to_string()).or_default();
        let read = if is_note {
            decode_note(raw).and_then(|n| {
                matches(id, &version, &n.id, n.version()).map(|()| {
                    held.versions.insert(version, Rc::new(n));
                })
            })
        } else {
            decode_tombstone(raw).and_then(|t| {
                let first = t.deleted.first().cloned().unwrap_or_else(|| version.clone());
                matches(id, &version, &t.id, &first).map(|()| {
                    self.notes.record_deleted(&t);
                    held.gone.insert(version, t);
                })
            })
        };
        if read.is_err() {
            self.set_aside(id, key, raw);
        }
    }

    /// Copy an unreadable value to a backup key and remove it; if no copy can be made, leave it
    /// and never write that id.
    fn set_aside(&mut self, id: &str, key: &str, raw: &str) {
        match self.keep_copy(raw) {
            Ok(backup) => {
                let _ = self.kv.remove(key);
                self.report.unreadable.push(backup);
            }
            Err(_) => {
                self.blocked.insert(id.to_string());
            }
        }
    }

    /// Migrate schema 1: copy the old value aside, write each note and record under its own key,
    /// then the main key. Any failure undoes what was written and leaves the old value as it was.
    fn migrate(&mut self, raw: String, notes: Vec<Note>, gone: Vec<Tombstone>) {
        match self.try_migrate(&raw, &notes, &gone) {
            Ok(()) => self.read_all(),
            Err(error) => {
                for note in notes {
                    self.notes.insert(note);
                }
                for t in gone {
                    self.notes.set_tombstone(&t.id.clone(), Some(t));
                }
                self.health = Health::MigrationBlocked {
                    reason: error.to_string(),
                };
            }
        }
    }

    fn try_migrate(&mut self, raw: &str, notes: &[Note], gone: &[Tombstone]) -> Result<(), KvError> {
        self.keep_copy(raw)?;
        let mut values = Vec::with_capacity(notes.len() + gone.len());
        for n in notes {
            values.push((
                note_key(&n.id, n.version()),
                encode_note(n).map_err(KvError::Other)?,
            ));
        }
        for t in gone {
            for v in &t.deleted {
                values.push((gone_key(&t.id, v), encode_tombstone(t).map_err(KvError::Other)?));
            }
        }
        let mut written = Vec::with_capacity(values.len());
        let mut result = Ok(());
        for (key, value) in values {
            result = self.kv.set(&key, &value);
            if result.is_err() {
                break;
            }
            written.push(key);
        }
        let result = result.and_then(|()| self.kv.set(NOTES_KEY, &encode_meta()));
        if result.is_err() {
            for key in written {
                let _ = self.kv.remove(&key);
            }
        }
        result
    }

    fn main_key_unreadable(&mut self, raw: String, reason: String) {
        let backup_key = self.keep_copy(&raw).ok();
        self.health = Health::Unreadable { reason, backup_key };
        self.unreadable = Some(raw);
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

    /// Whether this tab holds changes not written yet.
    pub fn has_unsaved(&self) -> bool {
        !self.unsaved.is_empty()
    }

    /// The stored value that could not be read, for the person to download.
    pub fn unreadable_text(&self) -> Option<&str> {
        self.unreadable.as_deref()
    }

    /// What merges did since the last call, for the UI to say.
    pub fn take_report(&mut self) -> MergeReport {
        std::mem::take(&mut self.report)
    }

    /// The storage underneath.
    pub fn kv(&self) -> &K {
        &self.kv
    }

    /// The storage underneath, to change it as a test or another tab would (after which the
    /// backups are read afresh).
    pub fn kv_mut(&mut self) -> &mut K {
        self.backup_keys = None;
        &mut self.kv
    }

    fn check_writable(&self) -> Result<(), EditError> {
        if self.health.is_read_only() {
            Err(EditError::ReadOnly)
        } else {
            Ok(())
        }
    }

    fn mark_changed(&mut self, id: &str) {
        self.unsaved.insert(id.to_string());
        if self.save_state != SaveState::MemoryOnly {
            self.save_state = SaveState::Unsaved;
        }
    }

    /// A new version id for note `note_id`.
    fn fresh_id(&mut self, note_id: &str) -> String {
        let id = self.ids.next_id();
        self.mine.insert((note_id.to_string(), id.clone()), 0);
        id
    }

    /// Add a note, or change the note with this id, at time `now` (ms since 1970, for display).
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
        let note = match self.notes.get(id).cloned() {
            Some(existing) if existing.body == body => return Ok(false),
            Some(mut note) => {
                let mine = self.mine.get_mut(&(id.to_string(), note.version().id.clone()));
                let open = self.open.contains(id);
                if let Some(highest) = mine {
                    if !open || note.version().rev < *highest {
                        // The first change after a save (or after an older save came back).
                        *highest += 1;
                        note.lineage.version.rev = *highest;
                    }
                    // Otherwise: words nobody has seen yet, in a version made here, grow in place.
                } else {
                    note.lineage = note.lineage.child(self.fresh_id(id));
                }
                note.updated_at = now;
                note.body = body;
                note
            }
            None => Note::new(id, body, now, Version::new(self.fresh_id(id))),
        };
        self.notes.insert(note);
        self.pending.remove(id);
        self.open.insert(id.to_string());
        self.mark_changed(id);
        Ok(true)
    }

    /// Delete a note at `now`, returning it so that [`NotesStore::restore`] can undo the delete.
    pub fn delete(&mut self, id: &str, now: u64) -> Result<Option<Note>, EditError> {
        Ok(self.delete_many(&[id.to_string()], now)?.pop())
    }

    /// Delete these notes at `now`, returning those that were there.
    pub fn delete_many(&mut self, ids: &[String], now: u64) -> Result<Vec<Note>, EditError> {
        self.check_writable()?;
        let mut removed = Vec::new();
        let seq = self.next_seq();
        for id in ids {
            if let Some(note) = self.notes.remove(id, now, seq) {
                self.open.remove(id);
                self.pending.remove(id);
                self.mark_changed(id);
                removed.push(note);
            }
        }
        Ok(removed)
    }

    /// The next deletion's place in the order of deletions (never from the clock).
    fn next_seq(&self) -> u64 {
        let stored = self.held.values().flat_map(|h| h.gone.values()).map(|t| t.seq);
        let known = self.notes.tombstones().map(|t| t.seq);
        stored.chain(known).max().map_or(1, |s| s + 1)
    }

    /// Delete every note at `now`, returning them all (for undo, or to say what went). Each gets
    /// a deletion record, so no other tab and no later import brings them back.
    pub fn delete_all(&mut self, now: u64) -> Result<Vec<Note>, EditError> {
        let ids: Vec<String> = self.notes.iter().map(|n| n.id.clone()).collect();
        self.delete_many(&ids, now)
    }

    /// Untick one of a brief's next steps: deletes every tick for it (a step can be ticked in
    /// two tabs at once), returning them all so that an undo puts every one back.
    pub fn untick(&mut self, brief_id: &str, step: u32, now: u64) -> Result<Vec<Note>, EditError> {
        let ids: Vec<String> = self
            .notes
            .iter()
            .filter(|n| matches!(&n.body, NoteBody::NextStep(t) if t.brief_id == brief_id && t.step == step))
            .map(|n| n.id.clone())
            .collect();
        self.delete_many(&ids, now)
    }

    /// Put back a deleted note, as a new version grown from the one deleted, so every tab takes
    /// it. If a different note has its id now, it comes back as a copy. Returns its id now.
    pub fn restore(&mut self, note: Note) -> Result<String, EditError> {
        self.check_writable()?;
        let mut back = note.clone();
        if let Some(current) = self.notes.get(&note.id) {
            if current.body == note.body {
                return Ok(note.id);
            }
            back.id = self.notes.copy_id(&note.id, note.version());
            back.copy_of = Some(note.id.clone());
        }
        let id = back.id.clone();
        back.lineage = note.lineage.child(self.fresh_id(&id));
        self.notes.insert(back);
        self.open.insert(id.clone());
        self.mark_changed(&id);
        Ok(id)
    }

    /// Save every change. Each id is settled against what storage holds first, so nothing
    /// another tab wrote is lost. In memory-only mode this does nothing and succeeds.
    ///
    /// On error the notes stay in memory and nothing stored is lost.
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
        let meta = self.kv.get(NOTES_KEY)?;
        self.check_meta(meta.as_deref());
        if self.health.is_read_only() {
            return Err(SaveError::ReadOnly);
        }
        while let Some(id) = self.unsaved.first().cloned() {
            if !self.blocked.contains(&id) {
                let copies = self.reconcile(&id);
                // Copies first: the versions they keep are removed from this id only after.
                for copy in copies {
                    self.write(&copy)?;
                }
                self.write(&id)?;
            }
            self.unsaved.remove(&id);
        }
        if self.meta_due {
            self.kv.set(NOTES_KEY, &encode_meta())?;
            self.meta_due = false;
        }
        self.trim_tombstones()
    }

    /// Write `id`'s new entries, then remove its dead ones: versions other than the one kept,
    /// once it is stored (each was replaced, deleted, or is kept as a copy).
    fn write(&mut self, id: &str) -> Result<(), SaveError> {
        let held = self.held.entry(id.to_string()).or_default();
        if let Some(t) = self.notes.tombstone(id) {
            for v in &t.deleted {
                if !held.gone.contains_key(v) {
                    let record = Tombstone {
                        deleted: vec![v.clone()],
                        ..t.clone()
                    };
                    let value = encode_tombstone(&record).map_err(SaveError::Other)?;
                    self.kv.set(&gone_key(id, v), &value)?;
                    held.gone.insert(v.clone(), record);
                }
            }
        }
        let kept = self.notes.get(id).map(|n| n.version().clone());
        if let Some(note) = self.notes.get_shared(id) {
            let v = note.version();
            if held.versions.get(v) != Some(note) {
                let value = encode_note(note).map_err(SaveError::Other)?;
                self.kv.set(&note_key(id, v), &value)?;
                held.versions.insert(v.clone(), Rc::clone(note));
            }
        }
        let dead: Vec<Version> = held
            .versions
            .keys()
            .filter(|v| Some(*v) != kept.as_ref())
            .cloned()
            .collect();
        for v in dead {
            self.kv.remove(&note_key(id, &v))?;
            held.versions.remove(&v);
        }
        self.open.remove(id);
        self.pending.remove(id);
        Ok(())
    }

    /// Remove the oldest deletion records beyond [`MAX_TOMBSTONES`] (by their order, not by time).
    fn trim_tombstones(&mut self) -> Result<(), SaveError> {
        let total: usize = self.held.values().map(|h| h.gone.len()).sum();
        let extra = total.saturating_sub(MAX_TOMBSTONES);
        if extra == 0 {
            return Ok(());
        }
        let mut by_age: Vec<(u64, String, Version)> = self
            .held
            .iter()
            .flat_map(|(id, h)| h.gone.iter().map(move |(v, t)| (t.seq, id.clone(), v.clone())))
            .collect();
        crate::domain::order::sort_by(&mut by_age, |a, b| a.cmp(b));
        for (_, id, v) in by_age.into_iter().take(extra) {
            self.kv.remove(&gone_key(&id, &v))?;
            if let Some(h) = self.held.get_mut(&id) {
                h.gone.remove(&v);
            }
        }
        Ok(())
    }

    /// Look at the main key: a newer schema or an unreadable value makes this tab read-only; a
    /// schema 1 value written by an older tab is copied aside; none at all is written again.
    fn check_meta(&mut self, raw: Option<&str>) {
        match decode_meta(raw) {
            Meta::Current => {}
            Meta::Empty => self.meta_due = true,
            Meta::Newer { schema } => self.health = Health::Newer { schema },
            Meta::Corrupt { reason } => self.main_key_unreadable(raw.unwrap_or_default().to_string(), reason),
            Meta::SchemaOne { .. } => {
                // An app from before schema 2 saved its notes over the main key: keep its words.
                match self.keep_copy(raw.unwrap_or_default()) {
                    Ok(key) => {
                        self.report.unreadable.push(key);
                        self.meta_due = true;
                    }
                    Err(error) => {
                        self.health = Health::MigrationBlocked {
                            reason: error.to_string(),
                        }
                    }
                }
            }
        }
    }

    /// Take in what another tab stored: the `storage` event's key (the value is read from this
    /// tab's storage). `None` for the key means storage was cleared.
    pub fn merge_external(&mut self, key: Option<&str>) -> MergeReport {
        if self.health == Health::MemoryOnly {
            return MergeReport::default();
        }
        match key {
            None => {
                self.resync();
            }
            Some(NOTES_KEY) => {
                let value = self.kv.get(NOTES_KEY).ok().flatten();
                if self.health.is_read_only() && matches!(decode_meta(value.as_deref()), Meta::Current) {
                    // Another tab started again: what it stored can be read now.
                    self.health = Health::Ready;
                    self.unreadable = None;
                    self.resync();
                } else {
                    self.check_meta(value.as_deref());
                }
            }
            Some(key) if key.starts_with(BACKUP_PREFIX) => {
                // Another tab kept or deleted a copy.
                self.backup_keys = None;
            }
            Some(key) => {
                if let (Some((is_note, id, version)), false) = (parse_key(key), self.health.is_read_only()) {
                    let id = id.to_string();
                    match self.kv.get(key) {
                        Ok(Some(raw)) => self.take_entry(&id, is_note, version, key, &raw),
                        Ok(None) => {
                            let held = self.held.entry(id.clone()).or_default();
                            if is_note {
                                held.versions.remove(&version);
                            } else {
                                held.gone.remove(&version);
                            }
                        }
                        Err(_) => {}
                    }
                    self.reconcile(&id);
                }
            }
        }
        if self.has_unsaved() && self.save_state == SaveState::Saved {
            self.save_state = SaveState::Unsaved;
        }
        self.take_report()
    }

    /// Read all of storage again and settle every id: after storage was cleared (this tab's
    /// deletion records are written again, as they hold no text), or when a tab comes back from
    /// the back-forward cache having missed events.
    pub fn resync(&mut self) -> MergeReport {
        if let Ok(meta) = self.kv.get(NOTES_KEY) {
            self.check_meta(meta.as_deref());
        }
        if !self.health.is_read_only() && self.health != Health::MemoryOnly {
            self.read_all();
        }
        self.take_report()
    }

    /// Settle `id` by [`settle`]: what this tab shows comes out of it, and the id is marked
    /// for writing when storage should change. Returns the ids of copies made, to write first.
    fn reconcile(&mut self, id: &str) -> Vec<String> {
        if self.blocked.contains(id) {
            return Vec::new();
        }
        if self.reconcile_plain(id) {
            return Vec::new();
        }
        // Taken out while it is read, not cloned (a clone of every note's stored versions made
        // reading 5,000 notes a third slower); nothing below looks at this id's entry in `held`.
        let Some(held) = self.held.remove(id) else {
            return self.reconcile_held(id, &Held::default());
        };
        let copies = self.reconcile_held(id, &held);
        self.held.insert(id.to_string(), held);
        copies
    }

    /// The case nearly every id is in when notes are read: storage holds one version of `id`
    /// and no record of deleting any of it, and this tab holds nothing else for it (no note, or
    /// that very version, unchanged and not someone else's waiting to be stored). Then
    /// [`Self::reconcile_held`] would keep that version, make no copy, write nothing and, for a
    /// note new here, say it came in; this does the same without the merge's comparisons and
    /// clones (reading 5,000 notes on the host: 19 to 12 ms). Returns false, having changed
    /// nothing, in any other case. `tests/notes_props.rs` drives both paths.
    fn reconcile_plain(&mut self, id: &str) -> bool {
        // Read where it is held (the fields apart, so `notes` can change while it is read).
        let Some(held) = self.held.get(id) else {
            return false;
        };
        let mut versions = held.versions.values();
        let (Some(stored), None) = (versions.next(), versions.next()) else {
            return false;
        };
        let before = self.notes.get(id);
        if !held.gone.is_empty()
            || stored.copy_of.is_some()
            || self.notes.tombstone(id).is_some()
            || self.open.contains(id)
            || self.pending.contains(id)
            || before.is_some_and(|b| b != stored.as_ref())
            || self.notes.deleted_anywhere(stored.version())
            || self.notes.in_copy(id, stored.version())
        {
            return false;
        }
        if before.is_none() {
            self.report.came_in.push(id.to_string());
            self.notes.insert_shared(Rc::clone(stored));
        }
        self.unsaved.remove(id);
        true
    }

    /// [`Self::reconcile`] with what storage holds for `id`.
    fn reconcile_held(&mut self, id: &str, held: &Held) -> Vec<String> {
        // Every deletion known here or stored joins into one record.
        let mut joined = self.notes.tombstone(id).cloned();
        for t in held.gone.values() {
            joined = Some(match joined {
                Some(j) => j.join(t),
                None => t.clone(),
            });
        }
        // A copy of exactly a version the person deleted goes with it.
        let candidates = held.versions.values().map(Rc::as_ref).chain(self.notes.get(id));
        let doomed: Vec<Tombstone> = candidates
            .filter(|n| {
                self.notes.deleted_anywhere(n.version())
                    || n.copy_of.as_deref().is_some_and(|of| {
                        self.notes
                            .tombstone(of)
                            .is_some_and(|t| t.covers_exactly(n.version()))
                            || self.notes.copy_deleted(of, n.version())
                    })
            })
            .map(|n| Tombstone {
                id: id.to_string(),
                deleted: vec![n.version().clone()],
                older: Vec::new(),
                at: 0,
                seq: 0,
            })
            .collect();
        for t in doomed {
            joined = Some(match joined {
                Some(j) => j.join(&t),
                None => t,
            });
        }
        let changed_here = self.open.contains(id);
        let before = self.notes.get(id).cloned();
        let local = before
            .clone()
            .filter(|n| !joined.as_ref().is_some_and(|t| t.covers(n.version())));
        // A version whose text was moved to a copy (kept there, changed there, or deleted there)
        // is done with under this id.
        let in_copy = |v: &Version| self.notes.in_copy(id, v);
        let pending = local
            .as_ref()
            .filter(|l| self.pending.contains(id) && !held.versions.contains_key(l.version()));
        let versions: Vec<&Note> = held
            .versions
            .values()
            .map(Rc::as_ref)
            .chain(pending)
            .filter(|n| !in_copy(n.version()))
            .collect();
        let heads = alive(&versions, joined.as_ref());
        let settled = settle(local.as_ref().filter(|_| pending.is_none()), changed_here, &heads);

        let kept = match settled.keep {
            Keep::Nothing => None,
            Keep::Local => local.clone(),
            Keep::Head(i) => Some(heads[i].clone()),
            Keep::Merged => local.as_ref().map(|l| {
                let lineages: Vec<&Lineage> = heads.iter().map(|h| &h.lineage).collect();
                let mut merged = l.clone();
                merged.lineage = l.lineage.merged(lineages, self.fresh_id(id));
                merged
            }),
        };
        let mut copies = Vec::new();
        for &i in &settled.copies {
            if let Some(copy) = self.copy_of(id, heads[i].clone(), joined.as_ref()) {
                let is_ours = before.as_ref().is_some_and(|b| b.version() == heads[i].version());
                self.report.kept_both.push(KeptBoth {
                    id: id.to_string(),
                    copy: copy.clone(),
                    copy_is_ours: is_ours,
                });
                copies.push(copy);
            }
        }
        self.report_change(id, before.as_ref(), kept.as_ref(), joined.as_ref(), &settled);

        let merged_or_local = matches!(settled.keep, Keep::Local | Keep::Merged);
        match kept {
            Some(note) => {
                self.notes.insert(note);
            }
            None => {
                self.notes.take(id);
            }
        }
        if matches!(settled.keep, Keep::Merged) {
            self.open.insert(id.to_string());
        } else if !merged_or_local {
            self.open.remove(id);
        }
        let still_pending = pending.is_some()
            && self
                .notes
                .get(id)
                .is_some_and(|n| !held.versions.contains_key(n.version()));
        if !still_pending {
            self.pending.remove(id);
        }
        self.notes.set_tombstone(id, joined.clone());
        // Wherever else a version the person deleted is held (a copy), it goes too.
        if let Some(t) = &joined {
            let doomed: Vec<String> = t
                .deleted
                .iter()
                .flat_map(|v| {
                    self.notes
                        .holders_of(&v.id)
                        .into_iter()
                        .filter(move |n| v.covers(n.version()))
                })
                .map(|n| n.id.clone())
                .filter(|other| other != id)
                .collect();
            for other in doomed {
                self.notes.remove(&other, t.at, t.seq);
                self.open.remove(&other);
                self.pending.remove(&other);
                self.unsaved.insert(other);
            }
        }
        let kept_version = self.notes.get(id).map(|n| n.version().clone());
        let must_write = joined
            .as_ref()
            .is_some_and(|t| t.deleted.iter().any(|v| !held.gone.contains_key(v)))
            || held.versions.keys().any(|v| Some(v) != kept_version.as_ref())
            || self
                .notes
                .get(id)
                .is_some_and(|n| held.versions.get(n.version()).map(Rc::as_ref) != Some(n))
            || !copies.is_empty();
        if must_write {
            self.unsaved.insert(id.to_string());
        } else {
            self.unsaved.remove(id);
        }
        copies
    }

    /// Say what a person would notice about `id` changing from `before` to `after`.
    fn report_change(
        &mut self,
        id: &str,
        before: Option<&Note>,
        after: Option<&Note>,
        gone: Option<&Tombstone>,
        settled: &super::merge::Settled,
    ) {
        let known_gone = self.notes.tombstone(id);
        let newly_deleted =
            gone.is_some_and(|g| known_gone.is_none_or(|k| g.deleted.iter().any(|v| !k.covers(v))));
        let list = match (before, after) {
            (Some(_), None) => &mut self.report.removed,
            (None, Some(_)) if known_gone.is_some() => &mut self.report.kept_despite_delete,
            (None, Some(_)) => &mut self.report.came_in,
            (Some(b), Some(a)) if b.body != a.body && matches!(settled.keep, Keep::Head(_)) => {
                &mut self.report.came_in
            }
            (Some(_), Some(_)) if newly_deleted => &mut self.report.kept_despite_delete,
            _ => return,
        };
        list.push(id.to_string());
    }

    /// Keep `note`'s text as a copy of note `id`, unless that version was deleted, or a copy
    /// already holds it (or grew from it). A copy of an earlier save of the same version is
    /// brought up to date instead of copied again. Returns the copy's id.
    fn copy_of(&mut self, id: &str, note: Note, gone: Option<&Tombstone>) -> Option<String> {
        let v = note.version().clone();
        if gone.is_some_and(|t| t.covers(&v)) {
            return None;
        }
        let copies = self.notes.copies_of(id);
        if let Some(held) = copies.iter().find(|c| c.lineage.includes(&v)) {
            return Some(held.id.clone());
        }
        // Another note holds this version (or a later save of it), stored: its text is kept.
        let stored_elsewhere = self.notes.holders_of(&v.id).into_iter().find(|h| {
            h.id != id
                && h.version().covers(&v)
                && self
                    .held
                    .get(&h.id)
                    .is_some_and(|held| held.versions.contains_key(h.version()))
        });
        if let Some(holder) = stored_elsewhere {
            return Some(holder.id.clone());
        }
        if self.notes.copy_deleted(id, &v) {
            return None;
        }
        let earlier = copies
            .iter()
            .find(|c| c.version().id == v.id && c.version().rev < v.rev)
            .map(|c| c.id.clone());
        let copy_id = earlier.unwrap_or_else(|| self.notes.copy_id(id, &v));
        self.notes.insert(Note {
            id: copy_id.clone(),
            lineage: Lineage::new(v),
            copy_of: Some(id.to_string()),
            ..note
        });
        self.pending.insert(copy_id.clone());
        self.unsaved.insert(copy_id.clone());
        Some(copy_id)
    }

    /// The notes as an export file (see [`exchange::export`]). Versions not saved yet are seen
    /// now (the file holds them): they are stored as they are, and the next change to each is
    /// a new version, so the file and this browser never hold two texts under one version.
    pub fn export(&mut self, exported_at: &str) -> Result<String, EncodeError> {
        self.pending.extend(std::mem::take(&mut self.open));
        exchange::export(&self.notes, exported_at)
    }

    /// Apply an import plan made with [`super::plan::plan`] against [`NotesStore::notes`].
    pub fn import(&mut self, plan: &ImportPlan) -> Result<ImportCounts, EditError> {
        self.check_writable()?;
        let (counts, changed) = plan.apply(&mut self.notes);
        for id in changed {
            // Imported versions are stored as they are, and merge as stored versions do.
            self.open.remove(&id);
            self.pending.insert(id.clone());
            self.mark_changed(&id);
        }
        Ok(counts)
    }

    /// Leave read-only mode. Unreadable or newer data under the main key is copied to a backup
    /// key first (if no copy can be made, nothing is written and the error says why), then
    /// storage is read again and this tab's notes are saved. After a blocked migration, the
    /// migration is tried again. When not read-only, this is a save.
    pub fn reset(&mut self) -> Result<(), SaveError> {
        let result = match &self.health {
            Health::Unreadable { .. } | Health::Newer { .. } => self.clear_read_only(),
            Health::MigrationBlocked { .. } => self.retry_migration(),
            Health::Ready | Health::MemoryOnly => Ok(()),
        };
        if let Err(error) = &result {
            self.save_state = SaveState::Failed(error.clone());
            return result;
        }
        self.save()
    }

    fn clear_read_only(&mut self) -> Result<(), SaveError> {
        let stored = self.kv.get(NOTES_KEY)?;
        if let Meta::Corrupt { .. } | Meta::Newer { .. } = decode_meta(stored.as_deref()) {
            if let Some(text) = stored.as_deref() {
                self.keep_copy(text)?;
            }
            self.kv.set(NOTES_KEY, &encode_meta())?;
        }
        self.health = Health::Ready;
        self.unreadable = None;
        self.read_all();
        Ok(())
    }

    fn retry_migration(&mut self) -> Result<(), SaveError> {
        let stored = self.kv.get(NOTES_KEY)?;
        if let Meta::SchemaOne { notes, gone } = decode_meta(stored.as_deref()) {
            self.try_migrate(stored.as_deref().unwrap_or_default(), &notes, &gone)?;
        }
        self.health = Health::Ready;
        self.read_all();
        Ok(())
    }

    /// Copies `raw` to a new backup key (see [`back_up`]).
    fn keep_copy(&mut self, raw: &str) -> Result<String, KvError> {
        let key = back_up(&mut self.kv, raw)?;
        if let Some(list) = &mut self.backup_keys {
            list.push(key.clone());
        }
        Ok(key)
    }

    /// The copies kept in this browser under backup keys, for the person to download.
    pub fn backups(&self) -> Vec<Backup> {
        match &self.backup_keys {
            Some(keys) => super::backup::listed(&self.kv, keys),
            None => backups(&self.kv),
        }
    }

    /// The text of the backup under `key`.
    pub fn backup_text(&self, key: &str) -> Option<String> {
        if !key.starts_with(BACKUP_PREFIX) {
            return None;
        }
        self.kv.get(key).ok().flatten()
    }

    /// Delete every backup copy (after "delete all notes"); returns how many went.
    pub fn delete_backups(&mut self) -> Result<usize, SaveError> {
        let list = backups(&self.kv);
        for backup in &list {
            self.kv.remove(&backup.key)?;
        }
        self.backup_keys = Some(Vec::new());
        Ok(list.len())
    }
}

/// A value under a key must name the same note id and version as the key.
fn matches(id: &str, version: &Version, found_id: &str, found_version: &Version) -> Result<(), String> {
    if found_id == id && found_version == version {
        Ok(())
    } else {
        Err(format!(
            "it names note \"{found_id}\" version \"{found_version}\", not note \"{id}\" version \"{version}\""
        ))
    }
}
