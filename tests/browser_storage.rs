//! Browser unit tests for the storage edge, run in headless Chromium by wasm-bindgen-test:
//! real localStorage, real quota errors, and blocked storage.
#![cfg(target_arch = "wasm32")]

use safeguarding_toolkit::browser::storage::{classify, LocalStorage};
use safeguarding_toolkit::domain::kv::{KeyValue, KvError};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const KEY: &str = "browser-storage-test";

#[wasm_bindgen_test]
fn values_round_trip_and_can_be_removed() {
    let mut store = LocalStorage::open();
    assert!(!store.is_blocked());
    store.set(KEY, "first <b>note</b> ✓").expect("set");
    assert_eq!(
        store.get(KEY).expect("get").as_deref(),
        Some("first <b>note</b> ✓")
    );
    assert!(store.keys().expect("keys").iter().any(|k| k == KEY));
    store.remove(KEY).expect("remove");
    assert_eq!(store.get(KEY).expect("get"), None);
}

#[wasm_bindgen_test]
fn exceeding_the_quota_is_reported_and_keeps_the_saved_value() {
    let mut store = LocalStorage::open();
    store.set(KEY, "saved before").expect("set");
    // Chromium allows about 5 million characters per origin; this is well over that.
    let huge = "x".repeat(12 * 1024 * 1024);
    assert_eq!(store.set(KEY, &huge), Err(KvError::QuotaExceeded));
    assert_eq!(store.get(KEY).expect("get").as_deref(), Some("saved before"));
    store.remove(KEY).expect("remove");
}

#[wasm_bindgen_test]
fn blocked_storage_reports_blocked_on_every_call() {
    let mut store = LocalStorage::blocked();
    assert!(store.is_blocked());
    assert_eq!(store.get(KEY), Err(KvError::Blocked));
    assert_eq!(store.set(KEY, "x"), Err(KvError::Blocked));
    assert_eq!(store.remove(KEY), Err(KvError::Blocked));
    assert_eq!(store.keys(), Err(KvError::Blocked));
}

#[wasm_bindgen_test]
fn every_key_is_listed_whole_even_one_holding_the_separator_or_a_line_break() {
    let mut store = LocalStorage::open();
    let odd = [
        "browser-storage-test.a\u{0}b",
        "browser-storage-test.c\nd",
        "browser-storage-test.é ✓",
    ];
    for key in odd {
        store.set(key, "x").expect("set");
    }
    let keys = store.keys().expect("keys");
    for key in odd {
        assert_eq!(
            keys.iter().filter(|k| *k == key).count(),
            1,
            "{key:?} in {keys:?}"
        );
        store.remove(key).expect("remove");
    }
    assert!(
        !keys.iter().any(|k| k == "browser-storage-test.a" || k == "b"),
        "{keys:?}"
    );
    let without = store.keys().expect("keys");
    assert!(
        !without.iter().any(|k| k.starts_with("browser-storage-test.")),
        "{without:?}"
    );
    store.set("browser-storage-test.plain", "x").expect("set");
    let keys = store.keys().expect("keys");
    assert_eq!(keys.len(), without.len() + 1);
    assert!(keys.iter().any(|k| k == "browser-storage-test.plain"));
    store.remove("browser-storage-test.plain").expect("remove");
}

#[wasm_bindgen_test]
fn browser_exceptions_are_classified_by_name() {
    let cases = [
        ("QuotaExceededError", KvError::QuotaExceeded),
        ("SecurityError", KvError::Blocked),
    ];
    for (name, expected) in cases {
        let e = web_sys::DomException::new_with_message_and_name("test", name).expect("DOMException");
        assert_eq!(classify(&e.into()), expected, "{name}");
    }
    let other =
        web_sys::DomException::new_with_message_and_name("boom", "InvalidStateError").expect("DOMException");
    assert!(matches!(classify(&other.into()), KvError::Other(m) if m.contains("InvalidStateError")));
}

// The notes store over real localStorage: unreadable data is kept, a full storage damages
// nothing, blocked storage keeps notes in memory, and two stores (two tabs) lose no edit.

mod notes {
    use safeguarding_toolkit::browser::storage::LocalStorage;
    use safeguarding_toolkit::domain::kv::KeyValue;
    use safeguarding_toolkit::domain::notes::{
        FreeNote, Health, NoteBody, NotesStore, SaveError, SaveState, BACKUP_PREFIX, NOTES_KEY,
    };
    use wasm_bindgen_test::*;

    const FILLER: &str = "browser-storage-test-filler";

    fn free(text: &str) -> NoteBody {
        NoteBody::Free(FreeNote {
            title: String::new(),
            text: text.into(),
        })
    }

    /// Removes the notes, their backups and any filler, so each test starts clean.
    fn clear() {
        let mut storage = LocalStorage::open();
        for key in storage.keys().expect("keys") {
            if key == NOTES_KEY || key == FILLER || key.starts_with(BACKUP_PREFIX) {
                storage.remove(&key).expect("remove");
            }
        }
    }

    fn stored(key: &str) -> Option<String> {
        LocalStorage::open().get(key).expect("get")
    }

    /// Fills local storage until less than `room` characters more would fit.
    fn fill_storage(room: usize) {
        let mut storage = LocalStorage::open();
        let mut filler = String::new();
        let mut step = 1 << 24;
        while step >= room {
            let candidate = filler.clone() + &"x".repeat(step);
            if storage.set(FILLER, &candidate).is_ok() {
                filler = candidate;
            } else {
                step /= 2;
            }
        }
    }

    /// Every key and value in local storage, in key order.
    fn snapshot() -> Vec<(String, String)> {
        let storage = LocalStorage::open();
        let mut keys = storage.keys().expect("keys");
        keys.sort();
        keys.into_iter()
            .map(|k| {
                let v = storage.get(&k).expect("get").unwrap_or_default();
                (k, v)
            })
            .collect()
    }

    #[wasm_bindgen_test]
    fn unreadable_notes_are_backed_up_left_in_place_and_never_written_over() {
        clear();
        let corrupt = "{\"schema\": 1, \"notes\": [ {\"id\": \"a\", \"text\": \"half a wo";
        LocalStorage::open().set(NOTES_KEY, corrupt).expect("set");
        let mut store = NotesStore::load(LocalStorage::open(), 378);
        let Health::Unreadable {
            backup_key: Some(backup),
            ..
        } = store.health().clone()
        else {
            panic!("expected unreadable, got {:?}", store.health());
        };
        assert_eq!(stored(&backup).as_deref(), Some(corrupt));
        assert!(store.put("b", free("new"), 1).is_err());
        assert_eq!(store.save(), Err(SaveError::ReadOnly));
        assert_eq!(stored(NOTES_KEY).as_deref(), Some(corrupt));
        // Loading again makes no second copy and still changes nothing.
        let again = NotesStore::load(LocalStorage::open(), 973);
        assert!(again.health().is_read_only());
        assert_eq!(stored(NOTES_KEY).as_deref(), Some(corrupt));
        let backups = LocalStorage::open()
            .keys()
            .expect("keys")
            .into_iter()
            .filter(|k| k.starts_with(BACKUP_PREFIX))
            .count();
        assert_eq!(backups, 1);
        clear();
    }

    #[wasm_bindgen_test]
    fn notes_from_a_newer_version_are_left_alone() {
        clear();
        let newer = r#"{"schema": 99, "notes": [{"id": "x", "shape": "new"}]}"#;
        LocalStorage::open().set(NOTES_KEY, newer).expect("set");
        let mut store = NotesStore::load(LocalStorage::open(), 640);
        assert_eq!(store.health(), &Health::Newer { schema: 99 });
        assert!(store.put("b", free("new"), 1).is_err());
        assert_eq!(store.save(), Err(SaveError::ReadOnly));
        assert_eq!(stored(NOTES_KEY).as_deref(), Some(newer));
        clear();
    }

    #[wasm_bindgen_test]
    fn a_full_storage_keeps_the_edit_in_memory_and_the_saved_notes_intact() {
        clear();
        let mut store = NotesStore::load(LocalStorage::open(), 96);
        store.put("a", free("saved before"), 1).expect("put");
        store.save().expect("save");
        let before = snapshot();
        fill_storage(4_000);
        let long = "every word of this matters ".repeat(400);
        store.put("b", free(&long), 2).expect("put");
        assert_eq!(store.save(), Err(SaveError::Full));
        assert_eq!(store.save_state(), &SaveState::Failed(SaveError::Full));
        let mut after = snapshot();
        after.retain(|(k, _)| k != FILLER);
        assert_eq!(after, before, "the saved notes were changed");
        assert!(
            matches!(&store.notes().get("b").expect("in memory").body, NoteBody::Free(n) if n.text == long)
        );
        // With room again, the same store saves everything.
        LocalStorage::open().remove(FILLER).expect("remove");
        store.save().expect("save with room");
        let reloaded = NotesStore::load(LocalStorage::open(), 962);
        assert_eq!(reloaded.notes(), store.notes());
        clear();
    }

    #[wasm_bindgen_test]
    fn blocked_storage_keeps_notes_in_memory_for_the_visit() {
        let mut store = NotesStore::load(LocalStorage::blocked(), 191);
        assert_eq!(store.health(), &Health::MemoryOnly);
        store.put("a", free("kept for now"), 1).expect("put");
        assert_eq!(store.save(), Ok(()));
        assert_eq!(store.save_state(), &SaveState::MemoryOnly);
        assert_eq!(store.notes().len(), 1);
    }

    #[wasm_bindgen_test]
    fn two_tabs_editing_lose_no_edit() {
        clear();
        let mut one = NotesStore::load(LocalStorage::open(), 616);
        let mut two = NotesStore::load(LocalStorage::open(), 678);
        one.put("shared", free("base"), 1).expect("put");
        one.save().expect("save");
        two.resync();
        // Different notes, and the same note, changed in both before either saves.
        one.put("from-one", free("one's note"), 2).expect("put");
        two.put("from-two", free("two's note"), 2).expect("put");
        one.put("shared", free("one's edit"), 3).expect("put");
        two.put("shared", free("two's edit"), 3).expect("put");
        one.save().expect("save one");
        two.save().expect("save two");
        // In one page no `storage` event arrives: each reads storage again, as an event would
        // have it do, and saves what that settles.
        one.resync();
        two.resync();
        one.save().expect("save one again");
        two.save().expect("save two again");
        let texts = |store: &NotesStore<LocalStorage>| {
            let mut texts: Vec<String> = store
                .notes()
                .iter()
                .filter_map(|n| match &n.body {
                    NoteBody::Free(f) => Some(f.text.clone()),
                    _ => None,
                })
                .collect();
            texts.sort();
            texts
        };
        let expected = ["one's edit", "one's note", "two's edit", "two's note"];
        assert_eq!(texts(&two), expected);
        assert_eq!(texts(&one), expected);
        assert_eq!(texts(&NotesStore::load(LocalStorage::open(), 939)), expected);
        clear();
    }
}

#[wasm_bindgen_test]
fn every_value_is_read_whole_in_order_even_one_holding_the_separator_or_missing() {
    let mut store = LocalStorage::open();
    let entries = [
        ("browser-storage-test.v1", "’first’ ✓ é 🙂"),
        ("browser-storage-test.v2", ""),
        ("browser-storage-test.v3", "line\nbreak"),
    ];
    for (key, value) in entries {
        store.set(key, value).expect("set");
    }
    let keys: Vec<&str> = entries.iter().map(|(k, _)| *k).collect();
    let read = store.get_each(&keys);
    let expected: Vec<Result<Option<String>, KvError>> =
        entries.iter().map(|(_, v)| Ok(Some(v.to_string()))).collect();
    assert_eq!(read, expected);

    // A value holding NUL, and a key with no value, are read one by one: the same answers.
    store.set("browser-storage-test.v4", "a\u{0}b").expect("set");
    let odd = [
        "browser-storage-test.v4",
        "browser-storage-test.none",
        "browser-storage-test.v1",
    ];
    assert_eq!(
        store.get_each(&odd),
        vec![
            Ok(Some("a\u{0}b".to_string())),
            Ok(None),
            Ok(Some("’first’ ✓ é 🙂".to_string()))
        ]
    );
    for key in keys.iter().chain(&odd) {
        store.remove(key).expect("remove");
    }
    assert_eq!(
        LocalStorage::blocked().get_each(&keys),
        vec![Err(KvError::Blocked); 3]
    );
}
