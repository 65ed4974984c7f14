//! Host tests for storage under the lock (`domain::lock::sealed_kv`), with a stand-in for the
//! browser's sealing (hex, so no plain text survives it): nothing plain reaches storage, a stale
//! or cancelled seal writes nothing, a failed write is tried again, damaged values are kept, and
//! random interleavings of writes, removals and seals finishing in any order end with storage
//! holding exactly what was written, sealed; two tabs writing, sealing and hearing each other in
//! any order end agreeing with storage. Then the notes store itself runs over it.

use safeguarding_toolkit::domain::kv::{KeyValue, KvError, MemoryKv};
use safeguarding_toolkit::domain::lock::{covered, Job, Opened, SealedKv, LOCK_KEY};
use safeguarding_toolkit::domain::notes::{FreeNote, NoteBody, NotesStore};
use std::cell::RefCell;
use std::collections::{BTreeMap, VecDeque};
use std::rc::Rc;

const SEALED: &str = "sealed:";

fn seal(plain: &str) -> String {
    let hex: String = plain.bytes().map(|b| format!("{b:02x}")).collect();
    format!("{SEALED}{hex}")
}

fn open(sealed: &str) -> Option<String> {
    let hex = sealed.strip_prefix(SEALED)?;
    let bytes: Option<Vec<u8>> = (0..hex.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(hex.get(i..i + 2)?, 16).ok())
        .collect();
    String::from_utf8(bytes?).ok()
}

/// Unlocking: every covered key in `raw`, opened as the browser edge would.
fn unlock(raw: MemoryKv) -> SealedKv<MemoryKv> {
    let opened: Vec<(String, Opened)> = raw
        .entries()
        .iter()
        .filter(|(k, _)| covered(k))
        .map(|(k, v)| {
            let found = match open(v) {
                Some(text) => Opened::Sealed(text),
                None if v.starts_with(SEALED) => Opened::Damaged("it does not open".into()),
                None => Opened::Plain(v.clone()),
            };
            (k.clone(), found)
        })
        .collect();
    SealedKv::new(raw, opened)
}

/// Seal and write every waiting value, as the edge's loop does.
fn drain(kv: &mut SealedKv<MemoryKv>) {
    while let Some(job) = kv.next_job() {
        kv.sealed(&job, &seal(&job.plain)).expect("write");
    }
}

const A: &str = "safeguarding-toolkit.note.a/x";
const B: &str = "safeguarding-toolkit.note.b/y";

#[test]
fn a_value_is_plain_here_at_once_and_reaches_storage_only_sealed() {
    let mut kv = unlock(MemoryKv::new());
    kv.set(A, "my words").unwrap();
    assert_eq!(kv.get(A).unwrap().as_deref(), Some("my words"));
    assert_eq!(
        kv.raw().entries().get(A),
        None,
        "nothing written before it is sealed"
    );
    assert!(!kv.is_settled());
    assert_eq!(kv.keys().unwrap(), vec![A.to_string()]);
    let job = kv.next_job().unwrap();
    assert_eq!(job.plain, "my words");
    assert_eq!(
        kv.next_job(),
        None,
        "a value being sealed is not handed out twice"
    );
    assert_eq!(kv.sealed(&job, &seal(&job.plain)), Ok(true));
    assert_eq!(kv.raw().entries().get(A), Some(&seal("my words")));
    assert!(kv.is_settled());
}

#[test]
fn a_seal_overtaken_by_a_later_value_writes_nothing() {
    let mut kv = unlock(MemoryKv::new());
    kv.set(A, "first").unwrap();
    let first = kv.next_job().unwrap();
    kv.set(A, "second").unwrap();
    assert_eq!(kv.sealed(&first, &seal("first")), Ok(false));
    assert_eq!(kv.raw().entries().get(A), None);
    let second = kv.next_job().unwrap();
    assert_eq!(second.plain, "second");
    assert_eq!(kv.sealed(&second, &seal("second")), Ok(true));
    assert_eq!(kv.raw().entries().get(A), Some(&seal("second")));
}

#[test]
fn a_value_removed_while_it_is_sealed_does_not_come_back() {
    let mut raw = MemoryKv::new();
    raw.set(B, &seal("older")).unwrap();
    let mut kv = unlock(raw);
    kv.set(A, "deleted soon").unwrap();
    let job = kv.next_job().unwrap();
    kv.remove(A).unwrap();
    kv.remove(B).unwrap();
    assert_eq!(kv.sealed(&job, &seal(&job.plain)), Ok(false));
    assert!(kv.raw().entries().is_empty(), "{:?}", kv.raw().entries());
    assert_eq!(kv.get(A).unwrap(), None);
    assert!(kv.is_settled());
}

#[test]
fn a_failed_write_keeps_the_words_and_is_tried_again() {
    let mut raw = MemoryKv::new();
    raw.set_quota(Some(10));
    let mut kv = unlock(raw);
    kv.set(A, "words that do not fit yet").unwrap();
    let job = kv.next_job().unwrap();
    assert_eq!(kv.sealed(&job, &seal(&job.plain)), Err(KvError::QuotaExceeded));
    assert_eq!(kv.failure(), Some(&KvError::QuotaExceeded));
    assert_eq!(kv.get(A).unwrap().as_deref(), Some("words that do not fit yet"));
    let mut raw = kv.raw().clone();
    raw.set_quota(None);
    // The same memory over storage that now has room (as after the person frees some).
    let mut kv = SealedKv::new(
        raw,
        [(A.to_string(), Opened::Plain("words that do not fit yet".into()))],
    );
    drain(&mut kv);
    assert_eq!(kv.failure(), None);
    assert_eq!(
        kv.raw().entries().get(A),
        Some(&seal("words that do not fit yet"))
    );
}

#[test]
fn a_failed_seal_is_tried_again() {
    let mut kv = unlock(MemoryKv::new());
    kv.set(A, "words").unwrap();
    let job = kv.next_job().unwrap();
    kv.seal_failed(&job, KvError::Other("OperationError".into()));
    assert!(kv.failure().is_some());
    let again = kv.next_job().unwrap();
    assert_eq!(again.plain, "words");
    assert_eq!(kv.sealed(&again, &seal("words")), Ok(true));
}

#[test]
fn plain_text_left_from_before_the_lock_is_sealed_first() {
    let raw = MemoryKv::with_entries([(A, "written before the lock"), ("other-site.key", "not ours")]);
    let mut kv = unlock(raw);
    assert_eq!(kv.get(A).unwrap().as_deref(), Some("written before the lock"));
    assert_eq!(kv.waiting(), 1);
    drain(&mut kv);
    assert_eq!(kv.raw().entries().get(A), Some(&seal("written before the lock")));
    assert_eq!(
        kv.raw().entries().get("other-site.key").map(String::as_str),
        Some("not ours"),
        "keys not under the lock are left alone"
    );
}

#[test]
fn damaged_text_is_kept_as_it_is_and_hidden_from_the_store() {
    let raw = MemoryKv::with_entries([(A, "sealed:zz-not-hex"), (LOCK_KEY, "the check value")]);
    let mut kv = unlock(raw);
    assert_eq!(kv.damaged().len(), 1);
    assert_eq!(kv.get(A).unwrap(), None);
    assert_eq!(kv.keys().unwrap(), vec![LOCK_KEY.to_string()]);
    assert!(kv.set(A, "over it").is_err());
    assert!(kv.remove(A).is_err());
    assert_eq!(
        kv.raw().entries().get(A).map(String::as_str),
        Some("sealed:zz-not-hex")
    );
    assert!(!covered(LOCK_KEY), "the lock's own record is not sealed again");
}

/// A small deterministic generator, so a failing run can be repeated from its seed.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

#[test]
fn random_writes_removals_and_seals_in_any_order_end_with_storage_sealed_and_whole() {
    let keys: Vec<String> = (0..5)
        .map(|i| format!("safeguarding-toolkit.note.v{i}/n{i}"))
        .collect();
    for seed in 0..2_000u64 {
        let mut rng = Rng(seed);
        let mut kv = unlock(MemoryKv::new());
        let mut model: BTreeMap<String, String> = BTreeMap::new();
        let mut in_flight: Vec<Job> = Vec::new();
        let mut log = Vec::new();
        for step in 0..60 {
            let key = &keys[rng.below(keys.len())];
            match rng.below(6) {
                0 | 1 => {
                    let value = format!("words {seed}-{step}");
                    kv.set(key, &value).unwrap();
                    model.insert(key.clone(), value);
                    log.push(format!("set {key}"));
                }
                2 => {
                    kv.remove(key).unwrap();
                    model.remove(key);
                    log.push(format!("remove {key}"));
                }
                3 => {
                    if let Some(job) = kv.next_job() {
                        log.push(format!("start {} g{}", job.key, job.generation));
                        in_flight.push(job);
                    }
                }
                4 if !in_flight.is_empty() => {
                    let job = in_flight.remove(rng.below(in_flight.len()));
                    log.push(format!("finish {} g{}", job.key, job.generation));
                    kv.sealed(&job, &seal(&job.plain)).unwrap();
                }
                5 if !in_flight.is_empty() => {
                    let job = in_flight.remove(rng.below(in_flight.len()));
                    log.push(format!("fail {} g{}", job.key, job.generation));
                    kv.seal_failed(&job, KvError::Other("test".into()));
                }
                _ => {}
            }
            for k in &keys {
                assert_eq!(kv.get(k).unwrap().as_ref(), model.get(k), "seed {seed}: {log:?}");
            }
            for (k, v) in kv.raw().entries() {
                assert!(
                    open(v).is_some(),
                    "seed {seed}: plain text in storage at {k}: {log:?}"
                );
            }
        }
        // Seals still under way finish late, in any order, then the rest is sealed.
        while !in_flight.is_empty() {
            let job = in_flight.remove(rng.below(in_flight.len()));
            kv.sealed(&job, &seal(&job.plain)).unwrap();
        }
        drain(&mut kv);
        let stored: BTreeMap<String, String> = kv
            .raw()
            .entries()
            .iter()
            .map(|(k, v)| (k.clone(), open(v).unwrap()))
            .collect();
        assert_eq!(stored, model, "seed {seed}: {log:?}");
    }
}

#[test]
fn the_notes_store_runs_over_it_and_storage_holds_no_word_of_a_note() {
    let free = |text: &str| {
        NoteBody::Free(FreeNote {
            title: "Supervision".into(),
            text: text.into(),
        })
    };
    let mut store = NotesStore::load(unlock(MemoryKv::new()), 1);
    store.put("n1", free("Reflecting on the home visit"), 10).unwrap();
    store.put("n2", free("Ask about the school nurse"), 11).unwrap();
    store.save().unwrap();
    store
        .put("n2", free("Ask about the school nurse again"), 12)
        .unwrap();
    store.save().unwrap();
    store.delete("n1", 13).unwrap();
    store.save().unwrap();
    drain(store.kv_mut());
    let raw = store.kv().raw().clone();
    for (key, value) in raw.entries() {
        for word in ["Reflecting", "visit", "nurse", "Supervision", "schema"] {
            assert!(
                !value.contains(word),
                "{key} holds \"{word}\" in plain text: {value}"
            );
        }
    }
    // Locked, then unlocked again: the same notes.
    let again = NotesStore::load(unlock(raw), 2);
    let texts: Vec<String> = again
        .notes()
        .iter()
        .map(|n| match &n.body {
            NoteBody::Free(f) => f.text.clone(),
            other => format!("{other:?}"),
        })
        .collect();
    assert_eq!(texts, vec!["Ask about the school nurse again".to_string()]);
}

/// Storage shared by two tabs: a write or removal by one is heard by the other (its key queued,
/// as a `storage` event is).
#[derive(Clone)]
struct Shared {
    raw: Rc<RefCell<MemoryKv>>,
    heard_by_other: Rc<RefCell<VecDeque<String>>>,
}

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.raw.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.raw.borrow_mut().set(key, value)?;
        self.heard_by_other.borrow_mut().push_back(key.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.raw.borrow_mut().remove(key)?;
        self.heard_by_other.borrow_mut().push_back(key.to_string());
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.raw.borrow().keys()
    }
}

/// What the edge does with a heard key: opens what storage holds for it now.
fn hear(kv: &mut SealedKv<Shared>, key: &str) {
    let now = kv.raw().get(key).unwrap();
    match now.as_deref().map(|v| (v, open(v))) {
        None => kv.heard(key, None),
        Some((_, Some(text))) => kv.heard(key, Some(text)),
        Some((v, None)) => kv.heard_damaged(key, format!("does not open: {v}")),
    }
}

#[test]
fn two_tabs_writing_removing_sealing_and_hearing_each_other_in_any_order_agree_with_storage() {
    let keys: Vec<String> = (0..4)
        .map(|i| format!("safeguarding-toolkit.note.v{i}/n{i}"))
        .collect();
    for seed in 0..3_000u64 {
        let mut rng = Rng(seed);
        let raw = Rc::new(RefCell::new(MemoryKv::new()));
        let queues = [
            Rc::new(RefCell::new(VecDeque::new())),
            Rc::new(RefCell::new(VecDeque::new())),
        ];
        // Tab t's writes are heard by the other tab, 1 - t.
        let mut tabs: Vec<SealedKv<Shared>> = (0..2)
            .map(|t| {
                let shared = Shared {
                    raw: raw.clone(),
                    heard_by_other: queues[1 - t].clone(),
                };
                SealedKv::new(shared, std::iter::empty())
            })
            .collect();
        let mut in_flight: [Vec<Job>; 2] = [Vec::new(), Vec::new()];
        let mut log = Vec::new();
        for step in 0..50 {
            let t = rng.below(2);
            let key = &keys[rng.below(keys.len())];
            match rng.below(6) {
                0 => {
                    tabs[t].set(key, &format!("words {seed}-{step}")).unwrap();
                    log.push(format!("{t} set {key}"));
                }
                1 => {
                    tabs[t].remove(key).unwrap();
                    log.push(format!("{t} remove {key}"));
                }
                2 => {
                    if let Some(job) = tabs[t].next_job() {
                        log.push(format!("{t} start {}", job.key));
                        in_flight[t].push(job);
                    }
                }
                3 if !in_flight[t].is_empty() => {
                    let job = in_flight[t].remove(rng.below(in_flight[t].len()));
                    log.push(format!("{t} finish {}", job.key));
                    tabs[t].sealed(&job, &seal(&job.plain)).unwrap();
                }
                _ => {
                    let heard = queues[t].borrow_mut().pop_front();
                    if let Some(k) = heard {
                        log.push(format!("{t} hears {k}"));
                        hear(&mut tabs[t], &k);
                    }
                }
            }
            for (k, v) in raw.borrow().entries() {
                assert!(
                    open(v).is_some(),
                    "seed {seed}: plain text in storage at {k}: {log:?}"
                );
            }
        }
        // Everything under way finishes, every write is heard, until nothing is left to do.
        loop {
            let mut busy = false;
            for t in 0..2 {
                for job in std::mem::take(&mut in_flight[t]) {
                    tabs[t].sealed(&job, &seal(&job.plain)).unwrap();
                    busy = true;
                }
                while let Some(job) = tabs[t].next_job() {
                    tabs[t].sealed(&job, &seal(&job.plain)).unwrap();
                    busy = true;
                }
                let heard: Vec<String> = queues[t].borrow_mut().drain(..).collect();
                for k in heard {
                    hear(&mut tabs[t], &k);
                    busy = true;
                }
            }
            if !busy {
                break;
            }
        }
        for k in &keys {
            let stored = raw.borrow().get(k).unwrap().map(|v| open(&v).unwrap());
            for (t, tab) in tabs.iter().enumerate() {
                assert_eq!(
                    tab.get(k).unwrap(),
                    stored,
                    "seed {seed}: tab {t} at {k}: {log:?}"
                );
            }
        }
    }
}
