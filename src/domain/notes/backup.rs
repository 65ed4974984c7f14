//! Copies of stored values kept under numbered backup keys: values that could not be read, and
//! schema 1's value before its migration.

use super::BACKUP_PREFIX;
use crate::domain::kv::{KeyValue, KvError};

/// Copy `raw` to a backup key and return the key. An earlier backup is never overwritten:
/// the copy goes under the next free number, unless a backup already holds the same bytes.
pub fn back_up(kv: &mut impl KeyValue, raw: &str) -> Result<String, KvError> {
    let mut highest = 0u64;
    for key in kv.keys()? {
        let Some(n) = key
            .strip_prefix(BACKUP_PREFIX)
            .and_then(|n| n.parse::<u64>().ok())
        else {
            continue;
        };
        if kv.get(&key)?.as_deref() == Some(raw) {
            return Ok(key);
        }
        highest = highest.max(n);
    }
    let key = format!("{BACKUP_PREFIX}{}", highest + 1);
    kv.set(&key, raw)?;
    Ok(key)
}

/// One kept copy, as listed on My notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backup {
    /// Its storage key.
    pub key: String,
    /// Its number, from the key: 1 is the oldest.
    pub number: u64,
    /// Its size in bytes (of UTF-8).
    pub bytes: usize,
}

/// Every backup copy in storage, oldest first. Storage that cannot be read lists none.
pub fn backups(kv: &impl KeyValue) -> Vec<Backup> {
    let Ok(keys) = kv.keys() else {
        return Vec::new();
    };
    listed(kv, &keys)
}

/// The backups among `keys` that `kv` still holds, oldest first.
pub fn listed(kv: &impl KeyValue, keys: &[String]) -> Vec<Backup> {
    let mut list: Vec<Backup> = keys
        .iter()
        .cloned()
        .filter_map(|key| {
            let number = key.strip_prefix(BACKUP_PREFIX)?.parse::<u64>().ok()?;
            let bytes = kv.get(&key).ok().flatten()?.len();
            Some(Backup { key, number, bytes })
        })
        .collect();
    crate::domain::order::sort_by(&mut list, |a, b| a.number.cmp(&b.number));
    list
}
