//! The store's state and errors, each with words the UI can show or announce as they are.

use super::model::MAX_FIELD_CHARS;
use crate::domain::kv::KvError;
use std::fmt;

/// Whether notes can be kept, and if not, why. `Display` gives a message for a banner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Health {
    /// Notes are read from and saved to this browser.
    Ready,
    /// The browser blocks storage: notes live in memory for this visit only.
    MemoryOnly,
    /// What was stored could not be read. It is kept as it was; notes are read-only.
    Unreadable {
        /// Why, as a phrase: "it is not valid JSON (…)".
        reason: String,
        /// The key holding a copy of the unreadable value, or `None` if no copy could be made
        /// (the value is then still under the main key, untouched).
        backup_key: Option<String>,
    },
    /// A newer version of the app wrote the notes; this version will not change them.
    Newer {
        /// The schema the notes are in.
        schema: u64,
    },
    /// The notes are in an older format and must be upgraded, but a copy of them could not be
    /// kept first, so nothing was changed: they can be read and exported, not changed.
    MigrationBlocked {
        /// Why, as a phrase: "the storage this browser allows the toolkit is full".
        reason: String,
    },
}

impl Health {
    /// Whether edits and saves are refused.
    pub fn is_read_only(&self) -> bool {
        matches!(
            self,
            Health::Unreadable { .. } | Health::Newer { .. } | Health::MigrationBlocked { .. }
        )
    }
}

impl fmt::Display for Health {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Health::Ready => write!(
                f,
                "Your notes are saved in this browser on this device. Export them to keep a copy."
            ),
            Health::MemoryOnly => write!(
                f,
                "This browser is not letting the toolkit save anything, so your notes will be \
                 lost when you close this page. Export them before you leave to keep a copy."
            ),
            Health::Unreadable { reason, backup_key } => {
                write!(f, "Your saved notes could not be read, because {reason}. ")?;
                match backup_key {
                    Some(key) => write!(f, "A copy of them is kept in this browser under \"{key}\". ")?,
                    None => write!(f, "They are still stored as they were. ")?,
                }
                write!(
                    f,
                    "Nothing will be saved over them until you choose. Download them to keep \
                     them, or start again with the notes shown on this page, if any."
                )
            }
            Health::Newer { schema } => write!(
                f,
                "Your notes were saved by a newer version of this toolkit (format {schema}). \
                 This version cannot change them, so you can only read this page. Reload the \
                 page to get the newer version."
            ),
            Health::MigrationBlocked { reason } => write!(
                f,
                "Your notes need to be upgraded to this version of the toolkit, and a copy of \
                 them is always kept first. The copy could not be kept, because {reason}, so \
                 nothing has been changed and you can only read your notes for now. Export them \
                 to keep a copy, then free some space (for example, delete other sites' data) \
                 and try again."
            ),
        }
    }
}

/// Whether the latest changes are saved: `Display` gives the words for a status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Everything on screen is saved.
    Saved,
    /// There are changes not saved yet (a save is due).
    Unsaved,
    /// The last save failed; the changes are still here.
    Failed(SaveError),
    /// Storage is blocked: changes are kept for this visit only.
    MemoryOnly,
}

impl fmt::Display for SaveState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveState::Saved => write!(f, "Saved"),
            SaveState::Unsaved => write!(f, "Not saved yet"),
            SaveState::Failed(error) => write!(f, "Not saved. {error}"),
            SaveState::MemoryOnly => write!(f, "Not saved. Kept until you close this page"),
        }
    }
}

/// Why a save did not happen. In every case, nothing already saved was changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveError {
    /// The notes are read-only (see [`Health`]).
    ReadOnly,
    /// The browser's storage for the toolkit is full.
    Full,
    /// The browser blocked storage.
    Blocked,
    /// Something else went wrong, in the browser's words.
    Other(String),
}

impl From<KvError> for SaveError {
    fn from(error: KvError) -> Self {
        match error {
            KvError::Blocked => SaveError::Blocked,
            KvError::QuotaExceeded => SaveError::Full,
            KvError::Other(detail) => SaveError::Other(detail),
        }
    }
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveError::ReadOnly => write!(
                f,
                "Your notes are read-only just now, so nothing was saved. The message at the top \
                 of the page says why."
            ),
            SaveError::Full => write!(
                f,
                "This browser's storage for the toolkit is full. Your text is still here. Export \
                 your notes to keep a copy, then delete notes you no longer need and try again."
            ),
            SaveError::Blocked => write!(
                f,
                "This browser is blocking storage. Your text is still here until you close this \
                 page. Export your notes to keep a copy."
            ),
            SaveError::Other(detail) => write!(
                f,
                "The browser could not save ({detail}). Your text is still here. Export your \
                 notes to keep a copy, and try again."
            ),
        }
    }
}

impl std::error::Error for SaveError {}

/// Why an edit was refused. The editor keeps the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// The notes are read-only (see [`Health`]).
    ReadOnly,
    /// A note needs an id (a programming error in the caller).
    EmptyId,
    /// A field is longer than [`MAX_FIELD_CHARS`].
    TooLong {
        /// The field's stored name, such as `"learnt"`.
        field: &'static str,
        /// Its length in characters.
        length: usize,
    },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EditError::ReadOnly => write!(
                f,
                "Your notes are read-only just now, so this change was not made. The message at \
                 the top of the page says why."
            ),
            EditError::EmptyId => write!(f, "This note has no id, so it cannot be kept."),
            EditError::TooLong { field, length } => write!(
                f,
                "The \"{}\" box has {} characters. The most it can hold is {}. Shorten it, or \
                 split it into two notes.",
                field_label(field),
                with_commas(*length),
                with_commas(MAX_FIELD_CHARS)
            ),
        }
    }
}

impl std::error::Error for EditError {}

/// What a person sees as the name of a stored field, such as "what I learnt" for `learnt`.
pub fn field_label(field: &str) -> &str {
    match field {
        "activity" => "learning activity",
        "learnt" => "what I learnt",
        "practice_change" => "how it will change my practice",
        "peer_reflection" => "what I learnt from discussing it with a colleague",
        "what_i_did" => "what I did",
        "agreed" => "what the team agreed",
        "done_on" => "date done",
        "text" => "note",
        other => other,
    }
}

/// A count written for people, with commas: `20000` becomes `"20,000"`.
pub fn with_commas(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
