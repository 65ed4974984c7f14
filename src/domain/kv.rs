//! A small key-value storage interface, so the notes store can be tested without a browser.
//!
//! The browser edge implements [`KeyValue`] over `window.localStorage`; host tests use
//! [`MemoryKv`], which can also pretend to be full or blocked.

use std::collections::BTreeMap;
use std::fmt;

/// Why a storage call failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KvError {
    /// The browser does not allow storage here (private mode, cookies off, a policy).
    Blocked,
    /// The write would go over the space the browser allows (`QuotaExceededError`).
    QuotaExceeded,
    /// Anything else, with the browser's own words.
    Other(String),
}

impl fmt::Display for KvError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KvError::Blocked => write!(f, "this browser is not allowing the toolkit to store anything"),
            KvError::QuotaExceeded => {
                write!(f, "the storage this browser allows the toolkit is full")
            }
            KvError::Other(detail) => write!(f, "the browser could not use its storage ({detail})"),
        }
    }
}

impl std::error::Error for KvError {}

/// String keys to string values, where every call can fail, like `localStorage`.
///
/// A failed `set` or `remove` must leave the stored value as it was.
pub trait KeyValue {
    /// The value under `key`, or `None` when there is none.
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    /// Store `value` under `key`, replacing any value there.
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError>;
    /// Remove the value under `key`; removing a missing key is not an error.
    fn remove(&mut self, key: &str) -> Result<(), KvError>;
    /// Every key that holds a value, in any order.
    fn keys(&self) -> Result<Vec<String>, KvError>;
    /// The value under each of `keys`, in the same order, as [`KeyValue::get`] gives it. Storage
    /// that can read many values in one call does so (see `browser::storage`).
    fn get_each(&self, keys: &[&str]) -> Vec<Result<Option<String>, KvError>> {
        keys.iter().map(|key| self.get(key)).collect()
    }
}

/// Writes every pair in order, in one go (in the browser no other script runs between them);
/// if one fails, puts back what each key written so far held before, newest first, and says
/// why. Used where a change is all or nothing: turning the notes lock on or off, or changing
/// its passphrase. Putting back frees room (what was there is what fitted), so it does not
/// fail for want of space.
pub fn write_all<K: KeyValue>(kv: &mut K, writes: &[(String, String)]) -> Result<(), KvError> {
    let before: Vec<Option<String>> = writes.iter().map(|(k, _)| kv.get(k).ok().flatten()).collect();
    for (i, (k, v)) in writes.iter().enumerate() {
        if let Err(e) = kv.set(k, v) {
            for ((k, _), old) in writes[..i].iter().zip(&before).rev() {
                let _ = match old {
                    Some(old) => kv.set(k, old),
                    None => kv.remove(k),
                };
            }
            return Err(e);
        }
    }
    Ok(())
}

/// An in-memory [`KeyValue`] for tests, with a byte quota and a "blocked" switch.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MemoryKv {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
    blocked: bool,
}

impl MemoryKv {
    /// An empty store with no quota that is not blocked.
    pub fn new() -> Self {
        Self::default()
    }

    /// A store holding these entries.
    pub fn with_entries<'a>(entries: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let entries = entries
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Self {
            entries,
            ..Self::default()
        }
    }

    /// Limit the bytes of all keys and values together; `None` removes the limit.
    ///
    /// A `set` that would go over the limit fails with [`KvError::QuotaExceeded`] and changes
    /// nothing. Lowering the limit below what is stored already does not remove anything.
    pub fn set_quota(&mut self, bytes: Option<usize>) {
        self.quota = bytes;
    }

    /// While blocked, every call fails with [`KvError::Blocked`], as in private browsing.
    pub fn set_blocked(&mut self, blocked: bool) {
        self.blocked = blocked;
    }

    /// Every entry, whatever the blocked switch says: for tests to inspect.
    pub fn entries(&self) -> &BTreeMap<String, String> {
        &self.entries
    }

    /// The bytes that keys and values use together.
    pub fn used_bytes(&self) -> usize {
        self.entries.iter().map(|(k, v)| k.len() + v.len()).sum()
    }

    fn check_open(&self) -> Result<(), KvError> {
        if self.blocked {
            Err(KvError::Blocked)
        } else {
            Ok(())
        }
    }
}

impl KeyValue for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.check_open()?;
        Ok(self.entries.get(key).cloned())
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.check_open()?;
        if let Some(quota) = self.quota {
            let old = self.entries.get(key).map_or(0, |v| key.len() + v.len());
            let after = self.used_bytes() - old + key.len() + value.len();
            if after > quota {
                return Err(KvError::QuotaExceeded);
            }
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.check_open()?;
        self.entries.remove(key);
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.check_open()?;
        Ok(self.entries.keys().cloned().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quota_refuses_and_keeps_old_value() {
        let mut kv = MemoryKv::new();
        kv.set("k", "old").unwrap();
        kv.set_quota(Some(10));
        assert_eq!(
            kv.set("k", "a value that is too long"),
            Err(KvError::QuotaExceeded)
        );
        assert_eq!(kv.get("k").unwrap().as_deref(), Some("old"));
        kv.set("k", "new").unwrap();
        assert_eq!(kv.get("k").unwrap().as_deref(), Some("new"));
    }

    #[test]
    fn blocked_fails_every_call() {
        let mut kv = MemoryKv::with_entries([("k", "v")]);
        kv.set_blocked(true);
        assert_eq!(kv.get("k"), Err(KvError::Blocked));
        assert_eq!(kv.set("k", "w"), Err(KvError::Blocked));
        assert_eq!(kv.remove("k"), Err(KvError::Blocked));
        assert_eq!(kv.keys(), Err(KvError::Blocked));
        assert_eq!(kv.entries().get("k").map(String::as_str), Some("v"));
    }
}
