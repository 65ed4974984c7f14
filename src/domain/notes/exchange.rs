//! Export files and checking a file before import.
//!
//! An export is self-describing: `{ "type": "safeguarding-toolkit-notes", "version": 2,
//! "exported_at": "<ISO 8601>", "notes": [...] }`, each note in the current stored shape.
//! Files of version 1 (schema 1's note shape) still import. [`read_import`] checks a file field
//! by field so each problem gets its own message.

use super::codec::EncodeError;
use super::collection::Notes;
use super::import_error::ImportError;
use super::model::{Note, MAX_FIELD_CHARS};
use super::stored::v2::{fields_of, FieldShape};
use super::stored::{v1, v2};
use serde::Serialize;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

/// The `type` of an export file.
pub const EXPORT_TYPE: &str = "safeguarding-toolkit-notes";
/// The `version` this app writes; it reads this and version 1.
pub const EXPORT_VERSION: u64 = 2;

/// The fields every note of a version 2 file has, with `"kind"`.
const COMMON_FIELDS: [(&str, FieldShape); 5] = [
    ("id", FieldShape::Text),
    ("version", FieldShape::Text),
    ("created_at", FieldShape::Time),
    ("updated_at", FieldShape::Time),
    ("kind", FieldShape::Text),
];
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
    notes: Vec<v2::StoredNote>,
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
    let version = match file.get("version") {
        None => return Err(missing(None, "version")),
        Some(v) if matches!(v.as_u64(), Some(1 | EXPORT_VERSION)) => v.as_u64().unwrap_or_default(),
        Some(v) => return Err(ImportError::UnsupportedVersion { found: v.to_string() }),
    };
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
        let note = check_note(number, entry, version)?;
        if let Some(&first) = first_seen.get(&note.id) {
            return Err(ImportError::DuplicateId {
                id: note.id,
                first,
                second: number,
            });
        }
        first_seen.insert(note.id.clone(), number);
        notes.insert(note);
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

/// Check one note field by field, then read it (a version 1 note gets a legacy version).
fn check_note(number: usize, entry: &Value, file_version: u64) -> Result<Note, ImportError> {
    let note = entry.as_object().ok_or(ImportError::NotANote { note: number })?;
    let common: &[(&str, FieldShape)] = if file_version == 1 {
        &v1::COMMON_FIELDS
    } else {
        &COMMON_FIELDS
    };
    for &(field, shape) in common {
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
    if file_version == 1 {
        match note.get("history") {
            None | Some(Value::Null) => {}
            Some(Value::Array(items)) if items.iter().all(|v| v.as_u64().is_some()) => {}
            Some(_) => return Err(wrong(Some(number), "history", "a list of whole numbers")),
        }
    } else {
        check_field(number, note, "ancestry", FieldShape::OptionalText)?;
        check_field(number, note, "copy_of", FieldShape::OptionalText)?;
    }
    if note.get("id").and_then(Value::as_str) == Some("") {
        return Err(ImportError::EmptyId { note: number });
    }
    let bad = |detail: String| ImportError::BadNote { note: number, detail };
    if file_version == 1 {
        let stored: v1::StoredNote = serde_json::from_value(entry.clone()).map_err(|e| bad(e.to_string()))?;
        Ok(stored.into())
    } else {
        let stored: v2::StoredNote = serde_json::from_value(entry.clone()).map_err(|e| bad(e.to_string()))?;
        Note::try_from(stored).map_err(bad)
    }
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
