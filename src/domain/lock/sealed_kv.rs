//! Storage under the lock: the notes store reads and writes plain text here, at once and in
//! memory, as it does with local storage, while storage itself only ever receives sealed text.
//!
//! Web Crypto answers later (a promise) and the notes store does not wait, so [`SealedKv`]
//! holds the plain text of every key under the lock (opened when the person unlocked) and a
//! queue of values still to be sealed. The browser edge takes a [`Job`] from
//! [`SealedKv::next_job`], seals its text and hands the result to [`SealedKv::sealed`], which
//! writes it only if that value is still the one wanted: a later value for the key, or a
//! removal, makes it stale, and a stale seal is dropped (its newer value has a job of its own).
//! A removal needs no sealing and reaches storage at once.
//!
//! So the promises hold while sealing is under way:
//! - no plain text of a key under the lock is written to storage, ever ([`SealedKv::set`] only
//!   queues; what [`SealedKv::sealed`] writes came from the sealer);
//! - nothing a person wrote is lost: until its seal is written, the text is here, in memory,
//!   and [`SealedKv::is_settled`] is false, so the page says it is still saving and locking
//!   waits for the queue to empty (a note being typed when the lock comes is sealed first);
//! - nothing removed comes back: a removal drops the queued value, so a seal still under way
//!   for it finds nothing to write.
//!
//! A value that could not be opened at unlock (damaged, or sealed under another passphrase) is
//! kept in storage as it is, never shown to the store and never written over.

use crate::domain::kv::{KeyValue, KvError};
use std::collections::{BTreeMap, BTreeSet};

/// The storage key of the lock's own record (its check value): not under the lock itself.
pub const LOCK_KEY: &str = "safeguarding-toolkit.lock";

/// The storage key of the chosen wait before the lock closes by itself (minutes, as text): a
/// setting, not a note, so not under the lock and readable while locked.
pub const AUTO_LOCK_KEY: &str = "safeguarding-toolkit-lock.after";

/// Whether `key` is under the lock: every key the toolkit keeps notes in (notes, deletion
/// records, the main key and backups), that is every key of its own but the lock's record.
pub fn covered(key: &str) -> bool {
    key.starts_with("safeguarding-toolkit.") && key != LOCK_KEY
}

/// What the browser found under one covered key when it unlocked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opened {
    /// Sealed, and it opened to this text.
    Sealed(String),
    /// Plain text, written before the lock was turned on (or while turning it on stopped half
    /// way): it is sealed again before anything else.
    Plain(String),
    /// It could not be opened, for the reason given: kept as it is.
    Damaged(String),
}

/// One value to seal: the edge seals `plain` and calls [`SealedKv::sealed`] with this job.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Job {
    /// The storage key.
    pub key: String,
    /// The text to seal.
    pub plain: String,
    /// Which value of the key this is, so a stale seal is known.
    pub generation: u64,
}

#[derive(Debug, Clone)]
struct Queued {
    generation: u64,
    started: bool,
}

/// Plain text in memory over storage that holds sealed text (see the module notes).
#[derive(Debug, Clone)]
pub struct SealedKv<K: KeyValue> {
    raw: K,
    plain: BTreeMap<String, String>,
    queue: BTreeMap<String, Queued>,
    damaged: BTreeMap<String, String>,
    next_generation: u64,
    failure: Option<KvError>,
}

impl<K: KeyValue> SealedKv<K> {
    /// Storage `raw`, with what was found under each covered key once opened. Plain values
    /// are queued to be sealed at once.
    pub fn new(raw: K, opened: impl IntoIterator<Item = (String, Opened)>) -> Self {
        let mut kv = SealedKv {
            raw,
            plain: BTreeMap::new(),
            queue: BTreeMap::new(),
            damaged: BTreeMap::new(),
            next_generation: 0,
            failure: None,
        };
        for (key, found) in opened {
            match found {
                Opened::Sealed(text) => {
                    kv.plain.insert(key, text);
                }
                Opened::Plain(text) => {
                    kv.queue_seal(&key);
                    kv.plain.insert(key, text);
                }
                Opened::Damaged(why) => {
                    kv.damaged.insert(key, why);
                }
            }
        }
        kv
    }

    fn queue_seal(&mut self, key: &str) {
        self.next_generation += 1;
        self.queue.insert(
            key.to_string(),
            Queued {
                generation: self.next_generation,
                started: false,
            },
        );
    }

    /// The next value to seal, if any is waiting and not already being sealed.
    pub fn next_job(&mut self) -> Option<Job> {
        let (key, queued) = self.queue.iter_mut().find(|(_, q)| !q.started)?;
        queued.started = true;
        Some(Job {
            key: key.clone(),
            plain: self.plain.get(key).cloned().unwrap_or_default(),
            generation: queued.generation,
        })
    }

    /// `job`'s text came back sealed as `sealed`: write it, if it is still the value wanted.
    /// Returns whether it was written. A failed write leaves the value queued (and said by
    /// [`Self::failure`]) to be tried again.
    pub fn sealed(&mut self, job: &Job, sealed: &str) -> Result<bool, KvError> {
        let current = self
            .queue
            .get(&job.key)
            .is_some_and(|q| q.generation == job.generation);
        if !current {
            return Ok(false);
        }
        match self.raw.set(&job.key, sealed) {
            Ok(()) => {
                self.queue.remove(&job.key);
                self.failure = None;
                Ok(true)
            }
            Err(error) => {
                self.retry(job);
                self.failure = Some(error.clone());
                Err(error)
            }
        }
    }

    /// Sealing `job` failed in the browser: it stays queued, to be tried again.
    pub fn seal_failed(&mut self, job: &Job, error: KvError) {
        self.retry(job);
        self.failure = Some(error);
    }

    fn retry(&mut self, job: &Job) {
        if let Some(q) = self.queue.get_mut(&job.key) {
            if q.generation == job.generation {
                q.started = false;
            }
        }
    }

    /// True when storage holds, sealed, everything written here.
    pub fn is_settled(&self) -> bool {
        self.queue.is_empty()
    }

    /// How many values wait to be sealed and written.
    pub fn waiting(&self) -> usize {
        self.queue.len()
    }

    /// Why the last write of a sealed value failed, until one succeeds.
    pub fn failure(&self) -> Option<&KvError> {
        self.failure.as_ref()
    }

    /// The keys kept as they were because they could not be opened, with why.
    pub fn damaged(&self) -> &BTreeMap<String, String> {
        &self.damaged
    }

    /// Storage itself, for the edge to read what is not under the lock.
    pub fn raw(&self) -> &K {
        &self.raw
    }

    /// Another tab stored `value` (opened here) under `key`, or removed it (`None`): what this
    /// store reads follows, and nothing is written. A value this tab is still sealing for the
    /// key wins (it is the later write and reaches storage after); a value kept as damaged is
    /// replaced by what the other tab could open.
    pub fn heard(&mut self, key: &str, value: Option<String>) {
        if !covered(key) || self.queue.contains_key(key) {
            return;
        }
        self.damaged.remove(key);
        match value {
            Some(text) => {
                self.plain.insert(key.to_string(), text);
            }
            None => {
                self.plain.remove(key);
            }
        }
    }

    /// Another tab stored under `key` a value that does not open here, for the reason given:
    /// kept as damaged, as at unlocking, unless this tab is writing the key itself.
    pub fn heard_damaged(&mut self, key: &str, why: String) {
        if !covered(key) || self.queue.contains_key(key) {
            return;
        }
        self.plain.remove(key);
        self.damaged.insert(key.to_string(), why);
    }

    /// Every value under the lock as plain text, for turning the lock off or sealing it all
    /// again under a new passphrase (damaged values are not among them: they stay as stored).
    pub fn plain_entries(&self) -> impl Iterator<Item = (&str, &str)> {
        self.plain.iter().map(|(k, v)| (k.as_str(), v.as_str()))
    }

    /// Storage itself, dropping what is held in memory.
    pub fn into_raw(self) -> K {
        self.raw
    }

    /// The values written here and not yet sealed into storage, to carry into a new
    /// [`SealedKv`] when the key changes (as [`Opened::Plain`], so they are sealed first there).
    pub fn unsealed(&self) -> Vec<(String, Opened)> {
        self.queue
            .keys()
            .filter_map(|k| Some((k.clone(), Opened::Plain(self.plain.get(k)?.clone()))))
            .collect()
    }

    /// Storage itself, to write what turning the lock off or changing it has sealed or opened.
    pub fn raw_mut(&mut self) -> &mut K {
        &mut self.raw
    }
}

impl<K: KeyValue> KeyValue for SealedKv<K> {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        if covered(key) {
            Ok(self.plain.get(key).cloned())
        } else {
            self.raw.get(key)
        }
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        if !covered(key) {
            return self.raw.set(key, value);
        }
        if self.damaged.contains_key(key) {
            return Err(KvError::Other(format!(
                "{key} holds locked text that could not be opened, and is kept as it is"
            )));
        }
        self.plain.insert(key.to_string(), value.to_string());
        self.queue_seal(key);
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        if covered(key) && self.damaged.contains_key(key) {
            return Err(KvError::Other(format!(
                "{key} holds locked text that could not be opened, and is kept as it is"
            )));
        }
        self.raw.remove(key)?;
        if covered(key) {
            self.plain.remove(key);
            self.queue.remove(key);
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, KvError> {
        let raw = self.raw.keys()?;
        let mut keys: BTreeSet<String> = raw.into_iter().filter(|k| !covered(k)).collect();
        keys.extend(self.plain.keys().cloned());
        Ok(keys.into_iter().collect())
    }
}
