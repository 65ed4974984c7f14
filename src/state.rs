//! App-wide state, provided once at the root: small `Copy` handles with named commands.

pub mod lock;

use leptos::prelude::*;

use crate::domain::content::Library;
use crate::domain::lock::{LockableKv, SealedKv};
use crate::domain::notes::{
    Backup, EditError, EncodeError, Health, ImportCounts, ImportPlan, MergeReport, Note, NoteBody, Notes,
    NotesStore, SaveError, SaveState,
};
use crate::edge::{cancel_save, now_iso, now_ms, random_seed, schedule_save, Storage};

/// Read access to the bundled content.
#[derive(Clone, Copy)]
pub struct AppState {
    library: &'static Library,
}

impl AppState {
    /// The bundled, build-checked content.
    pub fn library(&self) -> &'static Library {
        self.library
    }
}

/// Provides the app state, the notes and their lock to every component below the root. The
/// notes are read from the browser's storage once the page is the app's (an effect, so never
/// while a page is prerendered or hydrated): until then, parts that show notes say they are
/// loading. With the lock on, they stay unread until the person unlocks them.
pub fn provide_state() {
    provide_context(AppState {
        library: crate::domain::bundle::library(),
    });
    let notes = NotesState::new();
    provide_context(notes);
    let lock = lock::LockState::new();
    provide_context(lock);
    Effect::new(move |_| crate::edge::start_lock(lock, notes));
}

/// Storage the notes run over: local storage, with the lock off, on and open, or closed.
pub type Kv = LockableKv<Storage>;

/// The app state provided at the root.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

/// The notes provided at the root.
pub fn use_notes() -> NotesState {
    expect_context::<NotesState>()
}

/// What the last delete removed, so that it can be undone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deleted {
    /// The notes as they were.
    pub notes: Vec<Note>,
    /// Whether this was "delete all".
    pub all: bool,
}

/// The person's notes: the store over local storage, and signals that say what changed.
///
/// Every change goes through a named command here; nothing else sets these signals.
#[derive(Clone, Copy)]
pub struct NotesState {
    store: StoredValue<NotesStore<Kv>, LocalStorage>,
    /// Whether the notes have been read from this browser yet.
    loaded: RwSignal<bool>,
    /// Whether page events and other tabs are listened to yet (once a page).
    watching: StoredValue<bool>,
    /// Notified whenever the notes change.
    changed: Trigger,
    health: RwSignal<Health>,
    /// The save state to show: the last outcome of saving, never "a save is due".
    status: RwSignal<SaveState>,
    deleted: RwSignal<Option<Deleted>>,
    /// What the last merge from another tab did.
    from_other_tab: RwSignal<Option<MergeReport>>,
}

impl NotesState {
    /// No notes yet: [`NotesState::load`] reads them.
    fn new() -> Self {
        let store = NotesStore::load(LockableKv::Plain(crate::edge::no_storage()), 0);
        NotesState {
            health: RwSignal::new(store.health().clone()),
            status: RwSignal::new(store.save_state().clone()),
            store: StoredValue::new_local(store),
            loaded: RwSignal::new(false),
            watching: StoredValue::new(false),
            changed: Trigger::new(),
            deleted: RwSignal::new(None),
            from_other_tab: RwSignal::new(None),
        }
    }

    /// Reads the notes from local storage (memory only when the browser blocks it), then saves
    /// whenever the page is left and listens for other tabs. Only the first call reads.
    pub fn load(&self) {
        if self.loaded.get_untracked() {
            return;
        }
        self.open_with(LockableKv::Plain(crate::edge::open_storage()));
    }

    /// Reads the notes through `kv` (storage with the lock off, or opened with its key). If
    /// this tab still holds words the lock kept from storage (closed by another tab), they
    /// stay, and are merged with what storage holds and saved through `kv`.
    pub fn open_with(&self, kv: Kv) {
        let keeps_words = self.loaded.get_untracked() && self.store.with_value(|s| s.has_unsaved());
        if keeps_words {
            let report = self.edit(|store| {
                *store.kv_mut() = kv;
                store.resync()
            });
            self.after_merge(report);
            return;
        }
        let mut store = crate::edge::measure("toolkit:load", || NotesStore::load(kv, random_seed()));
        let report = store.take_report();
        // Loading can leave tidying to write: replaced versions to remove, unreadable values
        // moved aside.
        let due = store.has_unsaved();
        self.store.set_value(store);
        self.publish();
        if !report.is_empty() {
            self.from_other_tab.set(Some(report));
        }
        self.loaded.set(true);
        self.changed.notify();
        if !self.watching.get_value() {
            self.watching.set_value(true);
            crate::edge::watch_notes(*self);
        }
        if due {
            schedule_save(*self);
        }
        self.kick_seal();
    }

    /// Locks: forgets every note here. Words not yet stored are kept instead, out of sight,
    /// with storage out of reach ([`LockableKv::Closed`], or the lock's own layer still holding
    /// them), until the notes are opened here again.
    pub fn unload(&self) {
        cancel_save();
        if self
            .store
            .with_value(|s| s.has_unsaved() || s.kv().sealed().is_some_and(|k| !k.is_settled()))
        {
            self.close();
            return;
        }
        let empty = NotesStore::load(LockableKv::Plain(crate::edge::no_storage()), 0);
        self.store.set_value(empty);
        self.deleted.set(None);
        self.from_other_tab.set(None);
        self.loaded.set(false);
        self.changed.notify();
    }

    /// The lock came on elsewhere before this tab had its key: nothing more reaches storage
    /// from here, and what is held stays in memory.
    pub fn close(&self) {
        cancel_save();
        self.store.update_value(|s| {
            let kv = std::mem::replace(s.kv_mut(), LockableKv::Plain(crate::edge::no_storage()));
            *s.kv_mut() = match kv {
                // The lock's layer keeps its unsealed values, carried to the next key.
                sealed @ LockableKv::Sealed(_) => sealed,
                other => LockableKv::Closed(other.into_raw()),
            };
        });
    }

    /// Runs `f` on the lock's layer, while the notes are open under the lock.
    pub fn with_sealed<R>(&self, f: impl FnOnce(&mut SealedKv<Storage>) -> R) -> Option<R> {
        self.store
            .try_update_value(|s| s.kv_mut().sealed_mut().map(f))
            .flatten()
    }

    /// The stored entries under the lock that could not be opened, with why (kept as stored).
    pub fn sealed_damaged(&self) -> Vec<(String, String)> {
        self.changed.track();
        self.store.with_value(|s| {
            s.kv()
                .sealed()
                .map(|k| k.damaged().iter().map(|(a, b)| (a.clone(), b.clone())).collect())
                .unwrap_or_default()
        })
    }

    /// Replaces the storage under the notes (the lock turned on, off, or its key changed),
    /// without reading it again.
    pub fn swap_kv(&self, kv: Kv) -> Kv {
        self.store
            .try_update_value(|s| std::mem::replace(s.kv_mut(), kv))
            .unwrap_or(LockableKv::Plain(crate::edge::no_storage()))
    }

    /// Reads storage again through the storage now under the notes, merging what is held.
    pub fn reread(&self) {
        self.resync();
    }

    /// Starts sealing what waits to be sealed, if the notes are under the lock.
    fn kick_seal(&self) {
        let waiting = self
            .store
            .with_value(|s| s.kv().sealed().is_some_and(|k| !k.is_settled()));
        if waiting {
            crate::edge::kick_seal(*self);
        }
    }

    /// Whether the notes have been read here, without tracking.
    pub fn loaded_untracked(&self) -> bool {
        self.loaded.get_untracked()
    }

    /// Whether the notes are stored under the lock here (open, or closed by another tab):
    /// then the lock's edge opens what other tabs store before it is merged.
    pub fn under_lock(&self) -> bool {
        self.store.with_value(|s| !matches!(s.kv(), LockableKv::Plain(_)))
    }

    /// Whether the notes have been read from this browser yet (never, at build time).
    pub fn loaded(&self) -> bool {
        self.loaded.get()
    }

    /// Runs `f` on the notes; a reactive caller runs again when they change.
    pub fn with<R>(&self, f: impl FnOnce(&Notes) -> R) -> R {
        self.changed.track();
        self.with_untracked(f)
    }

    /// Runs `f` on the notes without tracking changes.
    pub fn with_untracked<R>(&self, f: impl FnOnce(&Notes) -> R) -> R {
        self.store.with_value(|store| f(store.notes()))
    }

    /// The note with this id, as it is now, without tracking changes.
    pub fn note_untracked(&self, id: &str) -> Option<Note> {
        self.with_untracked(|notes| notes.get(id).cloned())
    }

    /// Whether notes can be kept, and if not, why.
    pub fn health(&self) -> Health {
        self.health.get()
    }

    /// Whether edits are refused (unreadable data, or data from a newer version).
    pub fn is_read_only(&self) -> bool {
        self.health.with(Health::is_read_only)
    }

    /// The last outcome of saving, for the status line.
    pub fn status(&self) -> SaveState {
        self.status.get()
    }

    /// The stored value that could not be read, for the person to download.
    pub fn unreadable_text(&self) -> Option<String> {
        self.health.track();
        self.store
            .with_value(|store| store.unreadable_text().map(String::from))
    }

    /// What the last delete removed, while it can be undone.
    pub fn deleted(&self) -> Option<Deleted> {
        self.deleted.get()
    }

    /// What the last merge from another tab did.
    pub fn from_other_tab(&self) -> Option<MergeReport> {
        self.from_other_tab.get()
    }

    /// Runs `f` on the store, then publishes the store's health and save state.
    fn edit<R>(&self, f: impl FnOnce(&mut NotesStore<Kv>) -> R) -> R {
        let result = {
            let mut store = self.store.write_value();
            f(&mut store)
        };
        self.publish();
        self.kick_seal();
        result
    }

    fn publish(&self) {
        let (health, state) = self
            .store
            .with_value(|s| (s.health().clone(), s.save_state().clone()));
        if self.health.with_untracked(|h| *h != health) {
            self.health.set(health);
        }
        if state != SaveState::Unsaved && self.status.with_untracked(|s| *s != state) {
            self.status.set(state);
        }
    }

    /// Adds a note, or changes the note with this id, and saves after a short pause.
    pub fn put(&self, id: &str, body: NoteBody) -> Result<bool, EditError> {
        let changed = self.edit(|store| store.put(id, body, now_ms()))?;
        if changed {
            self.changed.notify();
            schedule_save(*self);
        }
        Ok(changed)
    }

    /// Deletes a note; [`NotesState::undo_delete`] puts it back.
    pub fn delete(&self, id: &str) -> Result<(), EditError> {
        if let Some(note) = self.edit(|store| store.delete(id, now_ms()))? {
            self.deleted.set(Some(Deleted {
                notes: vec![note],
                all: false,
            }));
            self.changed.notify();
            schedule_save(*self);
        }
        Ok(())
    }

    /// Unticks a brief's next step (every tick for it); [`NotesState::undo_delete`] puts them
    /// all back. Returns whether any tick went.
    pub fn untick(&self, brief_id: &str, step: u32) -> Result<bool, EditError> {
        let removed = self.edit(|store| store.untick(brief_id, step, now_ms()))?;
        let any = !removed.is_empty();
        if any {
            self.deleted.set(Some(Deleted {
                notes: removed,
                all: false,
            }));
            self.changed.notify();
            schedule_save(*self);
        }
        Ok(any)
    }

    /// Deletes every note; [`NotesState::undo_delete`] puts them back.
    pub fn delete_all(&self) -> Result<usize, EditError> {
        let removed = self.edit(|store| store.delete_all(now_ms()))?;
        let count = removed.len();
        if count > 0 {
            self.deleted.set(Some(Deleted {
                notes: removed,
                all: true,
            }));
            self.changed.notify();
            // A failed save shows in the status line; the notes stay in memory.
            let _ = self.save_now();
        }
        Ok(count)
    }

    /// Puts back what the last delete removed, and saves.
    pub fn undo_delete(&self) -> Result<(), EditError> {
        let Some(deleted) = self.deleted.get_untracked() else {
            return Ok(());
        };
        self.edit(|store| {
            deleted
                .notes
                .into_iter()
                .try_for_each(|note| store.restore(note).map(|_| ()))
        })?;
        self.deleted.set(None);
        self.changed.notify();
        // A failed save shows in the status line; the notes stay in memory.
        let _ = self.save_now();
        Ok(())
    }

    /// Forgets the last delete, so it can no longer be undone.
    pub fn forget_deleted(&self) {
        if self.deleted.with_untracked(Option::is_some) {
            self.deleted.set(None);
        }
    }

    /// Saves now, cancelling any save that is due. What merging with other tabs did on the
    /// way is said as a change from another tab would be.
    pub fn save_now(&self) -> Result<(), SaveError> {
        cancel_save();
        let (result, report) = crate::edge::measure("toolkit:save", || {
            self.edit(|store| (store.save(), store.take_report()))
        });
        if !report.is_empty() {
            self.after_merge(report);
        }
        result
    }

    /// Saves now if anything is not saved yet (or the last save failed).
    pub fn flush(&self) {
        let due = self.store.with_value(|store| match store.save_state() {
            SaveState::Unsaved => true,
            SaveState::Failed(error) => *error != SaveError::ReadOnly,
            SaveState::Saved | SaveState::MemoryOnly => false,
        });
        if due {
            let _ = self.save_now();
        } else {
            cancel_save();
        }
    }

    /// Takes in what another tab stored: the `storage` event's key (`None`: storage cleared).
    pub fn merge_external(&self, key: Option<String>) {
        let report = self.edit(|store| store.merge_external(key.as_deref()));
        self.after_merge(report);
    }

    /// Reads storage again (a page back from the back-forward cache may have missed changes).
    pub fn resync(&self) {
        let report = self.edit(|store| store.resync());
        self.after_merge(report);
    }

    fn after_merge(&self, report: MergeReport) {
        self.changed.notify();
        if !report.is_empty() {
            self.from_other_tab.set(Some(report));
        }
        let due = self
            .store
            .with_value(|s| s.has_unsaved() && !s.health().is_read_only());
        if due {
            schedule_save(*self);
        }
    }

    /// Whether this tab holds changes that are not saved (shown when notes turn read-only, so
    /// the words can be downloaded).
    pub fn has_unsaved(&self) -> bool {
        self.changed.track();
        self.health.track();
        self.store.with_value(|s| s.has_unsaved())
    }

    /// The copies kept in this browser (unreadable values, notes before an upgrade).
    pub fn backups(&self) -> Vec<Backup> {
        self.changed.track();
        self.store.with_value(|s| s.backups())
    }

    /// The text of one kept copy.
    pub fn backup_text(&self, key: &str) -> Option<String> {
        self.store.with_value(|s| s.backup_text(key))
    }

    /// Deletes every kept copy; returns how many went.
    pub fn delete_backups(&self) -> Result<usize, SaveError> {
        let result = self.edit(|store| store.delete_backups());
        self.changed.notify();
        result
    }

    /// The notes as an export file, stamped with the time now.
    pub fn export(&self) -> Result<String, EncodeError> {
        let exported_at = now_iso();
        crate::edge::measure("toolkit:export", || self.edit(|store| store.export(&exported_at)))
    }

    /// Applies an import plan and saves at once. The counts say what was done; the save result
    /// says whether it was kept.
    pub fn import(&self, plan: &ImportPlan) -> Result<(ImportCounts, Result<(), SaveError>), EditError> {
        crate::edge::measure("toolkit:import", || {
            let counts = self.edit(|store| store.import(plan))?;
            self.changed.notify();
            Ok((counts, self.save_now()))
        })
    }

    /// Leaves read-only mode (the unreadable or newer value is kept under a backup key first).
    pub fn reset(&self) -> Result<(), SaveError> {
        cancel_save();
        let result = self.edit(|store| store.reset());
        self.changed.notify();
        result
    }
}
