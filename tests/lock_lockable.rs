//! Host tests for the storage the notes run over with the lock on, off or closed
//! (`domain::lock::lockable`), and for what another tab's writes do under the lock
//! (`SealedKv::heard`, `SealedKv::unsealed`): which stored values are taken for locked ones,
//! that a closed store writes nothing and keeps the words, and that a new key carries
//! every value not yet sealed.

use safeguarding_toolkit::domain::kv::{write_all, KeyValue, KvError, MemoryKv};
use safeguarding_toolkit::domain::lock::{
    classify, covered_values, with_opened, Envelope, Found, KdfParams, LockableKv, Opened, SealedKv, LOCK_KEY,
};
use safeguarding_toolkit::domain::notes::{FreeNote, NoteBody, NotesStore, NOTES_KEY};

const A: &str = "safeguarding-toolkit.note.a/x";
const B: &str = "safeguarding-toolkit.note.b/y";

fn envelope() -> Envelope {
    Envelope {
        kdf: KdfParams::new(vec![7; 16]),
        iv: vec![1; 12],
        ciphertext: vec![9; 40],
    }
}

fn free(text: &str) -> NoteBody {
    NoteBody::Free(FreeNote {
        title: "Title".into(),
        text: text.into(),
    })
}

#[test]
fn stored_values_are_taken_for_locked_ones_only_when_they_say_so() {
    let sealed = envelope().to_stored();
    let cases: Vec<(&str, String, &str)> = vec![
        ("an envelope", sealed.clone(), "envelope"),
        (
            "a note",
            r#"{"id":"x","version":"1","kind":"free-form","title":"T","text":"t"}"#.into(),
            "plain",
        ),
        (
            "a note whose words name the lock's format",
            r#"{"id":"x","kind":"free-form","text":"\"stk-lock-1\" and {\"cipher\":1}"}"#.into(),
            "plain",
        ),
        ("the main key", r#"{"schema":2}"#.into(), "plain"),
        ("not JSON", "hello".into(), "plain"),
        ("a JSON list", "[1,2]".into(), "plain"),
        (
            "an envelope cut short",
            sealed[..sealed.len() / 2].to_string(),
            "damaged",
        ),
        (
            "an envelope of another format",
            sealed.replace("stk-lock-1", "stk-lock-9"),
            "damaged",
        ),
        (
            "an envelope with no salt",
            sealed.replace("\"salt\"", "\"pepper\""),
            "damaged",
        ),
        (
            "an object naming only a cipher",
            r#"{"cipher":"x"}"#.into(),
            "damaged",
        ),
    ];
    for (what, value, expected) in cases {
        let got = match classify(&value) {
            Found::Envelope(e) => {
                assert_eq!(e, envelope(), "{what}");
                "envelope"
            }
            Found::Plain(text) => {
                assert_eq!(text, value, "{what}: plain text is kept as it is");
                "plain"
            }
            Found::Damaged(_) => "damaged",
        };
        assert_eq!(got, expected, "{what}: {value}");
    }
}

#[test]
fn unlocking_reads_every_covered_value_and_pairs_each_envelope_with_its_opening() {
    let raw = MemoryKv::with_entries([
        (A, envelope().to_stored().as_str()),
        (B, "plain before the lock"),
        (LOCK_KEY, envelope().to_stored().as_str()),
        ("other-app", "not ours"),
        ("safeguarding-toolkit.note.c/z", "{\"cipher\":"),
    ]);
    let found = covered_values(&raw).unwrap();
    assert_eq!(
        found.len(),
        3,
        "the lock's record and other keys are not under the lock"
    );
    let opened = with_opened(found, [Ok::<_, String>("opened words".to_string())].into_iter());
    assert_eq!(
        opened,
        vec![
            (A.to_string(), Opened::Sealed("opened words".into())),
            (B.to_string(), Opened::Plain("plain before the lock".into())),
            (
                "safeguarding-toolkit.note.c/z".to_string(),
                Opened::Damaged(classify_why("{\"cipher\":"))
            ),
        ]
    );
}

fn classify_why(value: &str) -> String {
    match classify(value) {
        Found::Damaged(why) => why.to_string(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_closed_store_writes_nothing_and_keeps_the_words_until_it_opens_again() {
    let mut store = NotesStore::load(LockableKv::Plain(MemoryKv::new()), 1);
    store.put("n1", free("saved words"), 1).unwrap();
    store.save().unwrap();
    store
        .put("n1", free("words typed as the lock came on elsewhere"), 2)
        .unwrap();
    let raw = match std::mem::replace(store.kv_mut(), LockableKv::Plain(MemoryKv::new())) {
        LockableKv::Plain(raw) => raw,
        _ => unreachable!(),
    };
    let before = raw.clone();
    *store.kv_mut() = LockableKv::Closed(raw);
    assert!(store.save().is_err(), "a closed store cannot save");
    assert_eq!(store.kv().raw(), &before, "nothing written while closed");
    assert_eq!(
        store.notes().get("n1").map(|n| n.body.clone()),
        Some(free("words typed as the lock came on elsewhere"))
    );
    // Opened here: storage read under the lock (the other tab sealed what was there).
    let raw = store.kv().raw().clone();
    let opened: Vec<(String, Opened)> = raw
        .entries()
        .iter()
        .map(|(k, v)| (k.clone(), Opened::Sealed(v.clone())))
        .collect();
    *store.kv_mut() = LockableKv::Sealed(SealedKv::new(raw, opened));
    store.resync();
    store.save().unwrap();
    let mut kv = store.kv().clone();
    let sealed = kv.sealed_mut().unwrap();
    assert!(!sealed.is_settled(), "the words wait to be sealed");
    let reread = NotesStore::load(LockableKv::Plain(sealed_view(sealed)), 2);
    assert_eq!(
        reread.notes().get("n1").map(|n| n.body.clone()),
        Some(free("words typed as the lock came on elsewhere")),
        "the words typed while closed are what is stored once sealed"
    );
}

/// What storage would hold once every waiting value is sealed (plain, for reading back).
fn sealed_view(kv: &mut SealedKv<MemoryKv>) -> MemoryKv {
    let mut view = kv.raw().clone();
    for (k, v) in kv.plain_entries() {
        view.set(k, v).unwrap();
    }
    view
}

#[test]
fn another_tabs_writes_are_heard_unless_this_tab_is_writing_the_same_key() {
    let raw = MemoryKv::new();
    let mut kv = SealedKv::new(raw, [(A.to_string(), Opened::Sealed("old".into()))]);
    kv.heard(A, Some("theirs".into()));
    assert_eq!(kv.get(A).unwrap().as_deref(), Some("theirs"));
    kv.heard(A, None);
    assert_eq!(kv.get(A).unwrap(), None, "a removal elsewhere is a removal here");
    kv.set(B, "mine").unwrap();
    kv.heard(B, Some("theirs".into()));
    assert_eq!(
        kv.get(B).unwrap().as_deref(),
        Some("mine"),
        "the later write is this tab's"
    );
    kv.heard(NOTES_KEY, Some("x".into()));
    kv.heard(LOCK_KEY, Some("x".into()));
    assert_eq!(kv.get(LOCK_KEY).unwrap(), None, "the lock's record is not a note");
    kv.heard_damaged(A, "does not open".into());
    assert!(kv.damaged().contains_key(A));
    assert!(kv.set(A, "x").is_err(), "a damaged value is not written over");
}

#[test]
fn a_new_key_carries_every_value_not_yet_sealed() {
    let mut kv = SealedKv::new(
        MemoryKv::new(),
        [(A.to_string(), Opened::Sealed("stored".into()))],
    );
    kv.set(B, "typed, not yet sealed").unwrap();
    let carried = kv.unsealed();
    assert_eq!(
        carried,
        vec![(B.to_string(), Opened::Plain("typed, not yet sealed".into()))]
    );
    let mut next = SealedKv::new(kv.into_raw(), carried);
    assert_eq!(
        next.next_job().map(|j| j.plain).as_deref(),
        Some("typed, not yet sealed")
    );
}

#[test]
fn an_all_or_nothing_write_that_does_not_fit_leaves_storage_as_it_was() {
    // Plain values, then their sealed (longer) forms and the lock's record, as turning the lock
    // on writes them, into storage with room for only some of them.
    let plain: Vec<(String, String)> = (0..6)
        .map(|i| {
            (
                format!("safeguarding-toolkit.note.v{i}/n{i}"),
                format!("words of note {i}"),
            )
        })
        .collect();
    let mut kv = MemoryKv::with_entries(plain.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let before = kv.clone();
    let used: usize = plain.iter().map(|(k, v)| k.len() + v.len()).sum();
    kv.set_quota(Some(used + 150));
    let mut writes = vec![(LOCK_KEY.to_string(), "the lock's record".to_string())];
    writes.extend(
        plain
            .iter()
            .map(|(k, v)| (k.clone(), format!("sealed and longer: {v} {v}"))),
    );
    assert_eq!(write_all(&mut kv, &writes), Err(KvError::QuotaExceeded));
    kv.set_quota(None);
    assert_eq!(kv, before, "every key as it was, and no lock record");
    // With room, all of it is written.
    let mut roomy = before.clone();
    write_all(&mut roomy, &writes).unwrap();
    for (k, v) in &writes {
        assert_eq!(roomy.get(k).unwrap().as_deref(), Some(v.as_str()));
    }
}
