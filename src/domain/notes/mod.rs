//! Private notes kept in the browser: the model, stored schema, merging, import and export.
//!
//! Everything here is pure. The browser edge supplies a [`KeyValue`](crate::domain::kv::KeyValue)
//! over `localStorage`, the time (`now`, ms since 1970) and note ids, and drives a
//! [`NotesStore`]:
//!
//! - on start: [`NotesStore::load`], then show [`NotesStore::health`] as a banner when it is not
//!   [`Health::Ready`];
//! - while typing: [`NotesStore::put`], then [`NotesStore::save`] on a short debounce and on
//!   `pagehide` / `visibilitychange`; announce [`NotesStore::save_state`];
//! - on a `storage` event for [`NOTES_KEY`]: [`NotesStore::merge_external`] with its new value;
//! - export: [`NotesStore::export`]; import: [`read_import`], show [`plan()`], then
//!   [`NotesStore::import`] and save.
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
pub mod status;
pub mod store;
pub mod stored;

pub use backup::back_up;
pub use codec::{decode, encode, Decoded, EncodeError, CURRENT_SCHEMA, MIGRATIONS};
pub use collection::Notes;
pub use exchange::{export, read_import, Import, EXPORT_TYPE, EXPORT_VERSION};
pub use import_error::ImportError;
pub use list::{Filter, KindCounts, Progress};
pub use merge::{merge, MergeReport};
pub use model::{
    BriefNote, FreeNote, NextStepTick, Note, NoteBody, NoteKind, Reflection, TeamDiscussion, MAX_FIELD_CHARS,
};
pub use plan::{plan, ImportAction, ImportCounts, ImportPlan, PlannedNote};
pub use status::{field_label, with_commas, EditError, Health, SaveError, SaveState};
pub use store::NotesStore;

/// The storage key that holds every note.
pub const NOTES_KEY: &str = "safeguarding-toolkit.notes";

/// Backups of unreadable values go under this prefix and a number: `...notes.backup.1`.
pub const BACKUP_PREFIX: &str = "safeguarding-toolkit.notes.backup.";

/// What to tell a person about their notes, on first use and on the notes page.
pub const PRIVACY_POINTS: [&str; 5] = [
    "Your notes stay in this browser on this device. They are not sent anywhere.",
    "Anyone who uses this browser profile can read them.",
    "Clearing this site's data, or your browsing data, deletes them.",
    "Export your notes to keep a copy.",
    "Do not record names or details that could identify a child or family.",
];
