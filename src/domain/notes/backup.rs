//! Copies of stored values that could not be read, kept under numbered keys.

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
