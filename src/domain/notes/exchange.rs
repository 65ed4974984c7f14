//! Export files and checking a file before import.
//!
//! An export is self-describing: `{ "type": "safeguarding-toolkit-notes", "version": 1,
//! "exported_at": "<ISO 8601>", "notes": [...] }`, each note in the current stored shape.
//! [`read_import`] checks a file field by field so each problem gets its own message.

use super::codec::EncodeError;
use super::collection::Notes;
use super::import_error::ImportError;
use super::model::MAX_FIELD_CHARS;
use super::stored::current::{fields_of, FieldShape, StoredNote, COMMON_FIELDS};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The `type` of an export file.
pub const EXPORT_TYPE: &str = "safeguarding-toolkit-notes";
/// The `version` this app writes and reads.
pub const EXPORT_VERSION: u64 = 1;
/// The largest file import accepts: 10 MB.
pub const MAX_FILE_BYTES: usize = 10_000_000;
/// The most notes one file may hold.
pub const MAX_NOTES: usize = 20_000;

#[derive(Serialize)]
struct ExportFile<'a> {
    #[serde(rename = "type")]
    file_type: &'a str,
    version: u64,
    exported_at: &'a str,
    notes: Vec<StoredNote>,
}

/// An export file for these notes, newest first. `exported_at` is given by the caller (ISO 8601).
pub fn export(notes: &Notes, exported_at: &str) -> Result<String, EncodeError> {
    let file = ExportFile {
        file_type: EXPORT_TYPE,
        version: EXPORT_VERSION,
        exported_at,
        notes: notes.newest_first().into_iter().map(Into::into).collect(),
    };
    serde_json::to_string_pretty(&file).map_err(|e| EncodeError(e.to_string()))
}

/// A checked import file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Import {
    /// When it was exported, as the file says.
    pub exported_at: String,
    /// Its notes.
    pub notes: Notes,
}

/// Check an import file and read its notes, or say what is wrong with it.
pub fn read_import(text: &str) -> Result<Import, ImportError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge { bytes: text.len() });
    }
    let value: Value = serde_json::from_str(text).map_err(|e| ImportError::NotJson {
        detail: e.to_string(),
    })?;
    let Some(file) = value.as_object() else {
        return Err(ImportError::WrongType { found: None });
    };
    match file.get("type") {
        Some(Value::String(t)) if t == EXPORT_TYPE => {}
        Some(Value::String(t)) => {
            return Err(ImportError::WrongType {
                found: Some(t.clone()),
            })
        }
        _ => return Err(ImportError::WrongType { found: None }),
    }
    match file.get("version") {
        None => return Err(missing(None, "version")),
        Some(v) if v.as_u64() == Some(EXPORT_VERSION) => {}
        Some(v) => return Err(ImportError::UnsupportedVersion { found: v.to_string() }),
    }
    let exported_at = match file.get("exported_at") {
        None => return Err(missing(None, "exported_at")),
        Some(Value::String(s)) => s.clone(),
        Some(_) => return Err(wrong(None, "exported_at", "text")),
    };
    let entries = match file.get("notes") {
        None => return Err(missing(None, "notes")),
        Some(Value::Array(entries)) => entries,
        Some(_) => return Err(wrong(None, "notes", "a list")),
    };
    if entries.len() > MAX_NOTES {
        return Err(ImportError::TooManyNotes { count: entries.len() });
    }
    let mut notes = Notes::new();
    let mut first_seen: BTreeMap<String, usize> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        let number = i + 1;
        let stored = check_note(number, entry)?;
        if let Some(&first) = first_seen.get(&stored.id) {
            return Err(ImportError::DuplicateId {
                id: stored.id,
                first,
                second: number,
            });
        }
        first_seen.insert(stored.id.clone(), number);
        notes.insert(stored.into());
    }
    Ok(Import { exported_at, notes })
}

fn missing(note: Option<usize>, field: &str) -> ImportError {
    ImportError::MissingField {
        note,
        field: field.to_string(),
    }
}

fn wrong(note: Option<usize>, field: &str, expected: &'static str) -> ImportError {
    ImportError::WrongFieldType {
        note,
        field: field.to_string(),
        expected,
    }
}

/// Check one note field by field, then read it.
fn check_note(number: usize, entry: &Value) -> Result<StoredNote, ImportError> {
    let note = entry.as_object().ok_or(ImportError::NotANote { note: number })?;
    for (field, shape) in COMMON_FIELDS {
        check_field(number, note, field, shape)?;
    }
    let kind = note.get("kind").and_then(Value::as_str).unwrap_or_default();
    let fields = fields_of(kind).ok_or_else(|| ImportError::UnknownKind {
        note: number,
        kind: kind.to_string(),
    })?;
    for &(field, shape) in fields {
        check_field(number, note, field, shape)?;
    }
    match note.get("history") {
        None | Some(Value::Null) => {}
        Some(Value::Array(items)) if items.iter().all(|v| v.as_u64().is_some()) => {}
        Some(_) => return Err(wrong(Some(number), "history", "a list of whole numbers")),
    }
    if note.get("id").and_then(Value::as_str) == Some("") {
        return Err(ImportError::EmptyId { note: number });
    }
    serde_json::from_value(entry.clone()).map_err(|e| ImportError::BadNote {
        note: number,
        detail: e.to_string(),
    })
}

fn check_field(
    number: usize,
    note: &Map<String, Value>,
    field: &str,
    shape: FieldShape,
) -> Result<(), ImportError> {
    let at = Some(number);
    match (note.get(field), shape) {
        (None | Some(Value::Null), FieldShape::OptionalText) => Ok(()),
        (None, _) => Err(missing(at, field)),
        (Some(Value::String(s)), FieldShape::Text | FieldShape::OptionalText) => {
            let length = s.chars().count();
            if length > MAX_FIELD_CHARS {
                Err(ImportError::TooLong {
                    note: number,
                    field: field.to_string(),
                    length,
                })
            } else {
                Ok(())
            }
        }
        (Some(v), FieldShape::Count) if v.as_u64().is_some_and(|n| n <= u64::from(u32::MAX)) => Ok(()),
        (Some(v), FieldShape::Time) if v.as_u64().is_some() => Ok(()),
        (Some(_), FieldShape::Text | FieldShape::OptionalText) => Err(wrong(at, field, "text")),
        (Some(_), FieldShape::Count | FieldShape::Time) => Err(wrong(at, field, "a whole number")),
    }
}
