//! Why an import file was refused, in words that say what to do next.

use super::exchange::{MAX_FILE_BYTES, MAX_NOTES};
use super::model::MAX_FIELD_CHARS;
use super::status::with_commas;
use std::fmt;

/// Why an import file was refused. Nothing is changed when a file is refused.
///
/// Notes are numbered from 1, in the order they appear in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The file is bigger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
    },
    /// The file is not JSON at all.
    NotJson {
        /// The parser's words, with line and column.
        detail: String,
    },
    /// The file is JSON but not a notes export from this toolkit.
    WrongType {
        /// The `type` it gives, if any.
        found: Option<String>,
    },
    /// A notes export with a `version` this app cannot read.
    UnsupportedVersion {
        /// The version as written in the file.
        found: String,
    },
    /// A field that must be there is not.
    MissingField {
        /// The note it is missing from, or `None` for the file itself.
        note: Option<usize>,
        /// The field's name.
        field: String,
    },
    /// A field holds the wrong sort of value.
    WrongFieldType {
        /// The note it is in, or `None` for the file itself.
        note: Option<usize>,
        /// The field's name.
        field: String,
        /// What it should hold, such as "text" or "a whole number".
        expected: &'static str,
    },
    /// An entry in the notes list is not a note.
    NotANote {
        /// Its number.
        note: usize,
    },
    /// A note of a kind this app does not know.
    UnknownKind {
        /// The note's number.
        note: usize,
        /// The kind it gives.
        kind: String,
    },
    /// A note with an empty id.
    EmptyId {
        /// The note's number.
        note: usize,
    },
    /// A field longer than [`MAX_FIELD_CHARS`].
    TooLong {
        /// The note's number.
        note: usize,
        /// The field's name.
        field: String,
        /// Its length in characters.
        length: usize,
    },
    /// More than [`MAX_NOTES`] notes.
    TooManyNotes {
        /// How many the file holds.
        count: usize,
    },
    /// Two notes in the file share an id.
    DuplicateId {
        /// The id.
        id: String,
        /// The first note with it.
        first: usize,
        /// The second note with it.
        second: usize,
    },
    /// A note that passed every check but still could not be read (not expected).
    BadNote {
        /// The note's number.
        note: usize,
        /// The reader's words.
        detail: String,
    },
}

fn place(note: &Option<usize>) -> String {
    match note {
        Some(n) => format!("note {n}"),
        None => "the file".to_string(),
    }
}

/// Bytes as megabytes to one decimal place, rounding halves up: "12.3" for 12,345,678.
/// Integer arithmetic: formatting an `f64` here added 15,833 bytes to the release wasm.
pub fn megabytes(bytes: usize) -> String {
    let tenths = bytes.saturating_add(50_000) / 100_000;
    format!("{}.{}", tenths / 10, tenths % 10)
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ImportError::*;
        const NOT_OURS: &str = "Check that you chose a file exported from this toolkit's notes page.";
        match self {
            TooLarge { bytes } => write!(
                f,
                "This file is {} MB. The most the toolkit can import is {} MB. {NOT_OURS}",
                megabytes(*bytes),
                MAX_FILE_BYTES / 1_000_000
            ),
            NotJson { detail } => write!(
                f,
                "This file is not a notes export: it could not be read as JSON ({detail}). {NOT_OURS}"
            ),
            WrongType { found: Some(found) } => write!(
                f,
                "This file is not a notes export from this toolkit (its type is \"{found}\"). \
                 {NOT_OURS}"
            ),
            WrongType { found: None } => {
                write!(f, "This file is not a notes export from this toolkit. {NOT_OURS}")
            }
            UnsupportedVersion { found } => write!(
                f,
                "This export is in format {found}, which this version of the toolkit cannot read. \
                 Reload the page to get the latest version, then try again."
            ),
            MissingField { note, field } => write!(
                f,
                "The file is incomplete: {} has no \"{field}\". It may have been edited or cut \
                 short. Export your notes again and import the new file.",
                place(note)
            ),
            WrongFieldType {
                note,
                field,
                expected,
            } => write!(
                f,
                "The file is damaged: \"{field}\" in {} should be {expected}. It may have been \
                 edited. Export your notes again and import the new file.",
                place(note)
            ),
            NotANote { note } => write!(
                f,
                "The file is damaged: entry {note} in its notes is not a note. Export your notes \
                 again and import the new file."
            ),
            UnknownKind { note, kind } => write!(
                f,
                "Note {note} is a kind this version of the toolkit does not know (\"{kind}\"). \
                 Reload the page to get the latest version, then try again."
            ),
            EmptyId { note } => write!(
                f,
                "The file is damaged: note {note} has an empty id. Export your notes again and \
                 import the new file."
            ),
            TooLong { note, field, length } => write!(
                f,
                "Note {note} has a \"{field}\" of {} characters. The most a field can hold is {}. \
                 Shorten it in the toolkit you exported from, then export again.",
                with_commas(*length),
                with_commas(MAX_FIELD_CHARS)
            ),
            TooManyNotes { count } => write!(
                f,
                "This file holds {} notes. The most the toolkit can import at once is {}. \
                 {NOT_OURS}",
                with_commas(*count),
                with_commas(MAX_NOTES)
            ),
            DuplicateId { id, first, second } => write!(
                f,
                "The file is damaged: notes {first} and {second} have the same id (\"{id}\"). \
                 Export your notes again and import the new file."
            ),
            BadNote { note, detail } => write!(
                f,
                "Note {note} could not be read ({detail}). Export your notes again and import the \
                 new file."
            ),
        }?;
        write!(f, " Nothing has been changed.")
    }
}

impl std::error::Error for ImportError {}
