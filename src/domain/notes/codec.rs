//! Turning the stored string into notes and back: the versioned envelope and its migrations.

use super::collection::Notes;
use super::stored::current as stored;
use serde_json::Value;
use std::fmt;

/// The schema this version of the app reads and writes.
pub const CURRENT_SCHEMA: u32 = 1;

/// Upgrades a whole stored envelope by one schema, or says why it cannot.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades schema `i + 1` to schema `i + 2`; [`decode`] sets `"schema"` after
/// each step. There must be exactly `CURRENT_SCHEMA - 1` of them (a test checks).
pub const MIGRATIONS: &[Migration] = &[];

/// What a stored value turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decoded {
    /// Nothing stored yet.
    Empty,
    /// Notes in the current schema.
    Current(Notes),
    /// Notes in an older schema, upgraded in memory (the stored value is not changed).
    Migrated {
        /// The schema it was stored in.
        from: u32,
        /// The notes, upgraded.
        notes: Notes,
    },
    /// Not JSON, or not a shape this app knows.
    Corrupt {
        /// What is wrong, as a phrase to follow "because": "it is not valid JSON (…)".
        reason: String,
    },
    /// Written by a newer version of the app.
    Newer {
        /// The schema it says it is in.
        schema: u64,
    },
}

/// The notes could not be written out as JSON (not expected to happen).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError(pub String);

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the notes could not be written out ({})", self.0)
    }
}

impl std::error::Error for EncodeError {}

/// Read a stored value (`None` when the key is empty).
pub fn decode(raw: Option<&str>) -> Decoded {
    decode_with(raw, CURRENT_SCHEMA, MIGRATIONS)
}

/// [`decode`] as if `current` were the current schema and `migrations` the migrations, so
/// tests can exercise the upgrade steps before a second schema exists.
pub fn decode_with(raw: Option<&str>, current: u32, migrations: &[Migration]) -> Decoded {
    let Some(raw) = raw else {
        return Decoded::Empty;
    };
    match decode_value(raw, current, migrations) {
        Ok(decoded) => decoded,
        Err(reason) => Decoded::Corrupt { reason },
    }
}

fn decode_value(raw: &str, current: u32, migrations: &[Migration]) -> Result<Decoded, String> {
    let mut value: Value = serde_json::from_str(raw).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let object = value
        .as_object()
        .ok_or("it is not a JSON object with a schema number")?;
    let schema = object
        .get("schema")
        .ok_or("it has no schema number")?
        .as_u64()
        .ok_or("its schema is not a whole number")?;
    if schema == 0 {
        return Err("its schema number is 0, which was never used".to_string());
    }
    if schema > u64::from(current) {
        return Ok(Decoded::Newer { schema });
    }
    // `schema` is at most `current` here, so it fits in u32.
    let from = u32::try_from(schema).map_err(|e| e.to_string())?;
    let steps = migrations
        .iter()
        .enumerate()
        .take((current as usize).saturating_sub(1));
    for (i, migrate) in steps.skip(from as usize - 1) {
        value =
            migrate(value).map_err(|e| format!("it could not be upgraded from schema {} ({e})", i + 1))?;
        if let Some(object) = value.as_object_mut() {
            object.insert("schema".to_string(), Value::from(i + 2));
        }
    }
    let envelope: stored::Envelope = serde_json::from_value(value)
        .map_err(|e| format!("its notes are not in the expected shape ({e})"))?;
    let mut notes = Notes::new();
    for entry in envelope.notes {
        let id = entry.id.clone();
        if notes.insert(entry.into()).is_some() {
            return Err(format!("two notes have the same id \"{id}\""));
        }
    }
    for id in &envelope.deleted {
        notes.mark_deleted(id);
    }
    Ok(if from == current {
        Decoded::Current(notes)
    } else {
        Decoded::Migrated { from, notes }
    })
}

/// The stored value for these notes, in the current schema (notes in id order).
pub fn encode(notes: &Notes) -> Result<String, EncodeError> {
    let envelope = stored::Envelope {
        schema: CURRENT_SCHEMA,
        notes: notes.iter().map(Into::into).collect(),
        deleted: notes.deleted().cloned().collect(),
    };
    serde_json::to_string(&envelope).map_err(|e| EncodeError(e.to_string()))
}
