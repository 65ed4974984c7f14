//! The storage the notes store runs over: local storage as it is while the lock is off, or
//! [`SealedKv`] over it while the lock is on and open. One type for both, so the notes store
//! and the UI above it do not change when the lock is turned on or off.

use super::sealed_kv::{covered, Opened, SealedKv};
use super::{Envelope, EnvelopeError};
use crate::domain::kv::{KeyValue, KvError};

/// Local storage with the lock off ([`LockableKv::Plain`]) or on and open
/// ([`LockableKv::Sealed`]).
#[derive(Debug, Clone)]
pub enum LockableKv<K: KeyValue> {
    /// The lock is off: values are stored as they are.
    Plain(K),
    /// The lock is on and open: values are sealed before they are stored.
    Sealed(SealedKv<K>),
    /// The lock came on (or its passphrase changed) in another tab before this tab had the
    /// key: storage is out of reach, every call fails and nothing is written, while what this
    /// tab holds stays in memory until it is unlocked here.
    Closed(K),
}

/// What a closed store's every call says.
pub fn closed_error() -> KvError {
    KvError::Other("the notes are locked".into())
}

impl<K: KeyValue> LockableKv<K> {
    /// The sealing layer, while the lock is on.
    pub fn sealed(&self) -> Option<&SealedKv<K>> {
        match self {
            LockableKv::Plain(_) | LockableKv::Closed(_) => None,
            LockableKv::Sealed(kv) => Some(kv),
        }
    }

    /// The sealing layer, while the lock is on.
    pub fn sealed_mut(&mut self) -> Option<&mut SealedKv<K>> {
        match self {
            LockableKv::Plain(_) | LockableKv::Closed(_) => None,
            LockableKv::Sealed(kv) => Some(kv),
        }
    }

    /// Storage itself.
    pub fn raw(&self) -> &K {
        match self {
            LockableKv::Plain(kv) | LockableKv::Closed(kv) => kv,
            LockableKv::Sealed(kv) => kv.raw(),
        }
    }

    /// Storage itself, leaving the lock's layer behind (with what it still had to seal).
    pub fn into_raw(self) -> K {
        match self {
            LockableKv::Plain(kv) | LockableKv::Closed(kv) => kv,
            LockableKv::Sealed(kv) => kv.into_raw(),
        }
    }
}

impl<K: KeyValue> KeyValue for LockableKv<K> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        match self {
            LockableKv::Plain(kv) => kv.get(key),
            LockableKv::Sealed(kv) => kv.get(key),
            LockableKv::Closed(_) => Err(closed_error()),
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        match self {
            LockableKv::Plain(kv) => kv.set(key, value),
            LockableKv::Sealed(kv) => kv.set(key, value),
            LockableKv::Closed(_) => Err(closed_error()),
        }
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        match self {
            LockableKv::Plain(kv) => kv.remove(key),
            LockableKv::Sealed(kv) => kv.remove(key),
            LockableKv::Closed(_) => Err(closed_error()),
        }
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        match self {
            LockableKv::Plain(kv) => kv.keys(),
            LockableKv::Sealed(kv) => kv.keys(),
            LockableKv::Closed(_) => Err(closed_error()),
        }
    }

    fn get_each(&self, keys: &[&str]) -> Vec<Result<Option<String>, KvError>> {
        match self {
            // Storage's own way of reading many values at once (one call to the browser).
            LockableKv::Plain(kv) => kv.get_each(keys),
            LockableKv::Sealed(kv) => kv.get_each(keys),
            LockableKv::Closed(_) => keys.iter().map(|_| Err(closed_error())).collect(),
        }
    }
}

/// What one stored value is, before anything is opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Found {
    /// An envelope this version can try to open.
    Envelope(Envelope),
    /// Text that does not claim to be locked: stored before the lock was on.
    Plain(String),
    /// Text that claims to be locked but is not an envelope this version can open.
    Damaged(EnvelopeError),
}

/// Whether stored `value` is locked. A JSON object with any of an envelope's top-level fields
/// (`format`, `kdf`, `cipher`, `ciphertext`), or text that starts as every envelope this
/// version writes does (its keys are sorted, so `cipher` comes first), is read strictly as an
/// envelope; anything else is plain text, as notes, their deletion records and backups are
/// stored with the lock off. None of those has such a field at its top level (a note's words
/// sit inside its own fields), so a note is never taken for a damaged envelope.
pub fn classify(value: &str) -> Found {
    // Every envelope this version writes starts so: read once, strictly, with no first look.
    if value.starts_with("{\"cipher\":") {
        return match Envelope::parse(value) {
            Ok(envelope) => Found::Envelope(envelope),
            Err(why) => Found::Damaged(why),
        };
    }
    let claims_lock = match serde_json::from_str::<serde_json::Value>(value) {
        Ok(serde_json::Value::Object(top)) => ENVELOPE_FIELDS.iter().any(|f| top.contains_key(*f)),
        Ok(_) => false,
        Err(_) => value.starts_with("{\"cipher\""),
    };
    if !claims_lock {
        return Found::Plain(value.to_string());
    }
    match Envelope::parse(value) {
        Ok(envelope) => Found::Envelope(envelope),
        Err(why) => Found::Damaged(why),
    }
}

const ENVELOPE_FIELDS: [&str; 4] = ["format", "kdf", "cipher", "ciphertext"];

/// Every value under the lock in `raw`, classified, for unlocking: what the edge must open.
pub fn covered_values<K: KeyValue>(raw: &K) -> Result<Vec<(String, Found)>, KvError> {
    let keys: Vec<String> = raw.keys()?.into_iter().filter(|k| covered(k)).collect();
    let wanted: Vec<&str> = keys.iter().map(String::as_str).collect();
    let values = raw.get_each(&wanted);
    let mut found = Vec::with_capacity(keys.len());
    for (key, value) in keys.into_iter().zip(values) {
        if let Some(value) = value? {
            found.push((key, classify(&value)));
        }
    }
    Ok(found)
}

/// `found` with each envelope replaced by what opening it gave (`opened`, in the same order as
/// the envelopes in `found`), ready for [`SealedKv::new`].
pub fn with_opened(
    found: Vec<(String, Found)>,
    mut opened: impl Iterator<Item = Result<String, String>>,
) -> Vec<(String, Opened)> {
    found
        .into_iter()
        .map(|(key, f)| {
            let o = match f {
                Found::Plain(text) => Opened::Plain(text),
                Found::Damaged(why) => Opened::Damaged(why.to_string()),
                Found::Envelope(_) => match opened.next() {
                    Some(Ok(text)) => Opened::Sealed(text),
                    Some(Err(why)) => Opened::Damaged(why),
                    None => Opened::Damaged("it was not opened".into()),
                },
            };
            (key, o)
        })
        .collect()
}
