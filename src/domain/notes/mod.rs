//! Private notes kept in the browser: the model, stored schema, merging, import and export.
//!
//! Everything here is pure. The browser edge supplies a [`KeyValue`](crate::domain::kv::KeyValue)
//! over `localStorage`, the time (`now`, ms since 1970, for display only), a random seed for
//! version ids and note ids, and drives a [`NotesStore`]:
//!
//! - on start: [`NotesStore::load`], then show [`NotesStore::health`] as a banner when it is not
//!   [`Health::Ready`];
//! - while typing: [`NotesStore::put`], then [`NotesStore::save`] on a short debounce and on
//!   `pagehide` / `visibilitychange`; announce [`NotesStore::save_state`];
//! - on a `storage` event: [`NotesStore::merge_external`] with its key; on `pageshow` from the
//!   back-forward cache: [`NotesStore::resync`];
//! - export: [`NotesStore::export`]; import: [`read_import`], show [`plan()`], then
//!   [`NotesStore::import`] and save.
//!
//! How notes are stored and merged (schema 2): storage holds entries that never change once
//! written, one key each: a version of a note, or the record that a version was deleted. A
//! version is a random id plus a save count (see [`version`]) and names the versions it grew
//! from (at most [`version::MAX_ANCESTRY`], one a sitting). A save writes the new version's key,
//! then removes the keys of the versions it replaced; a delete writes a record, then removes the
//! versions it covers. A tab removes only keys it knows are dead, so a tab whose copy of storage
//! is behind can never overwrite or remove a newer edit. [`merge::settle`] is the one rule every
//! save, storage event and load follows; import follows the same comparisons.
//!
//! Every `Display` on the status and error types is a complete message for a person.

pub mod backup;
pub mod codec;
pub mod collection;
pub mod exchange;
pub mod import_error;
pub mod list;
pub mod merge;
pub mod model;
pub mod plan;
pub mod quick_read;
pub mod status;
pub mod store;
pub mod stored;
pub mod version;

pub use backup::{back_up, backups, Backup};
pub use codec::{
    decode_meta, decode_note, decode_tombstone, encode_meta, encode_note, encode_tombstone, EncodeError,
    Meta, CURRENT_SCHEMA,
};
pub use collection::{Notes, MAX_TOMBSTONES};
pub use exchange::{export, read_import, Import, EXPORT_TYPE, EXPORT_VERSION};
pub use import_error::ImportError;
pub use list::{Filter, KindCounts, Progress};
pub use merge::{alive, settle, Keep, KeptBoth, MergeReport, Settled};
pub use model::{
    BriefNote, FreeNote, NextStepTick, Note, NoteBody, NoteKind, Reflection, TeamDiscussion, Tombstone,
    MAX_FIELD_CHARS,
};
pub use plan::{plan, ImportAction, ImportCounts, ImportPlan, PlannedNote};
pub use status::{field_label, with_commas, EditError, Health, SaveError, SaveState};
pub use store::NotesStore;
pub use version::{Ids, Lineage, Version};

/// The main storage key: `{"schema": 2}` (schema 1 kept every note in it).
pub const NOTES_KEY: &str = "safeguarding-toolkit.notes";

/// Each version of a note is stored under this prefix, its version and its note's id:
/// `safeguarding-toolkit.note.<version>/<id>`.
pub const NOTE_PREFIX: &str = "safeguarding-toolkit.note.";

/// The record that a version was deleted is stored under this prefix, the version and the note's
/// id: `safeguarding-toolkit.gone.<version>/<id>`.
pub const GONE_PREFIX: &str = "safeguarding-toolkit.gone.";

/// Backups of unreadable values go under this prefix and a number: `...notes.backup.1`.
pub const BACKUP_PREFIX: &str = "safeguarding-toolkit.notes.backup.";

/// The storage key of version `version` of note `id`.
pub fn note_key(id: &str, version: &Version) -> String {
    format!("{NOTE_PREFIX}{version}/{id}")
}

/// The storage key of the record that version `version` of note `id` was deleted.
pub fn gone_key(id: &str, version: &Version) -> String {
    format!("{GONE_PREFIX}{version}/{id}")
}

/// What a storage key holds, read from its name: a note version or a deletion record, with the
/// note's id and the version. `None` for any other key.
pub fn parse_key(key: &str) -> Option<(bool, &str, Version)> {
    let (is_note, rest) = match (key.strip_prefix(NOTE_PREFIX), key.strip_prefix(GONE_PREFIX)) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        (None, None) => return None,
    };
    let (version, id) = rest.split_once('/')?;
    Some((is_note, id, Version::parse(version)?))
}

/// What to tell a person about their notes, on first use and on the notes page.
pub const PRIVACY_POINTS: [&str; 5] = [
    "Your notes stay in this browser on this device. They are not sent anywhere.",
    "Anyone who uses this browser profile can read them, unless you lock them with a passphrase.",
    "Clearing this site's data, or your browsing data, deletes them.",
    "Export your notes to keep a copy.",
    "Do not record names or details that could identify a child or family.",
];
