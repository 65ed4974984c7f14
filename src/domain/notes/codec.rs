//! Reading and writing stored values: the main key's schema, each note's key, and schema 1's
//! single value, which is read into entries to migrate.

use super::model::{Note, Tombstone};
use super::stored::{current, v1};
use super::version::{Version, ANY_LEGACY};
use serde_json::Value;
use std::collections::BTreeSet;
use std::fmt;

pub use current::{decode_note, decode_tombstone, encode_note, encode_tombstone};

/// The schema this version of the app reads and writes.
pub const CURRENT_SCHEMA: u32 = 2;

/// What the main key turned out to hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meta {
    /// Nothing: no notes were ever saved, or storage was cleared.
    Empty,
    /// The current schema: the notes are under their own keys.
    Current,
    /// Schema 1, which kept every note in this one value, read for migrating.
    SchemaOne {
        /// Every note it held.
        notes: Vec<Note>,
        /// A record for each id it remembered as deleted.
        gone: Vec<Tombstone>,
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

/// The main key's value for the current schema.
pub fn encode_meta() -> String {
    format!("{{\"schema\":{CURRENT_SCHEMA}}}")
}

/// Read the main key (`None` when it is empty).
pub fn decode_meta(raw: Option<&str>) -> Meta {
    let Some(raw) = raw else {
        return Meta::Empty;
    };
    match read_meta(raw) {
        Ok(meta) => meta,
        Err(reason) => Meta::Corrupt { reason },
    }
}

fn read_meta(raw: &str) -> Result<Meta, String> {
    let value: Value = serde_json::from_str(raw).map_err(|e| format!("it is not valid JSON ({e})"))?;
    let schema = value
        .as_object()
        .ok_or("it is not a JSON object with a schema number")?
        .get("schema")
        .ok_or("it has no schema number")?
        .as_u64()
        .ok_or("its schema is not a whole number")?;
    match schema {
        0 => Err("its schema number is 0, which was never used".to_string()),
        1 => read_schema_one(value),
        s if s == u64::from(CURRENT_SCHEMA) => Ok(Meta::Current),
        schema => Ok(Meta::Newer { schema }),
    }
}

/// Schema 1's notes as entries: each version named from its timestamp, and each deleted id
/// recorded as deleting every version of that time (schema 1 did not record which).
fn read_schema_one(value: Value) -> Result<Meta, String> {
    let envelope: v1::Envelope = serde_json::from_value(value)
        .map_err(|e| format!("its notes are not in the expected shape ({e})"))?;
    let mut ids = BTreeSet::new();
    let mut notes = Vec::with_capacity(envelope.notes.len());
    for stored in envelope.notes {
        if !ids.insert(stored.id.clone()) {
            return Err(format!("two notes have the same id \"{}\"", stored.id));
        }
        notes.push(Note::from(stored));
    }
    let gone = envelope
        .deleted
        .into_iter()
        .filter(|id| !ids.contains(id))
        .enumerate()
        .map(|(i, id)| Tombstone {
            id,
            deleted: vec![Version::new(ANY_LEGACY)],
            older: Vec::new(),
            at: 0,
            seq: i as u64 + 1,
        })
        .collect();
    Ok(Meta::SchemaOne { notes, gone })
}
