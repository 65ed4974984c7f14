//! Host tests for the notes store over `MemoryKv`: loading, editing, saving, corrupt and newer
//! data, full and blocked storage, undo and reset.

use safeguarding_toolkit::domain::kv::{KeyValue, MemoryKv};
use safeguarding_toolkit::domain::notes::{
    encode, BriefNote, EditError, FreeNote, Health, Note, NoteBody, Notes, NotesStore, SaveError, SaveState,
    BACKUP_PREFIX, MAX_FIELD_CHARS, NOTES_KEY,
};

fn free(title: &str, text: &str) -> NoteBody {
    NoteBody::Free(FreeNote {
        title: title.into(),
        text: text.into(),
    })
}

fn stored(store: &NotesStore<MemoryKv>) -> Option<String> {
    store.kv().entries().get(NOTES_KEY).cloned()
}

fn backups(kv: &MemoryKv) -> Vec<(String, String)> {
    kv.entries()
        .iter()
        .filter(|(k, _)| k.starts_with(BACKUP_PREFIX))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect()
}

/// A store holding one saved note, "a".
fn saved_store() -> NotesStore<MemoryKv> {
    let mut store = NotesStore::load(MemoryKv::new());
    store.put("a", free("First", "saved text"), 100).unwrap();
    store.save().unwrap();
    store
}

#[test]
fn a_new_store_is_empty_saves_and_reloads() {
    let mut store = NotesStore::load(MemoryKv::new());
    assert_eq!(store.health(), &Health::Ready);
    assert_eq!(store.save_state(), &SaveState::Saved);
    assert!(store.notes().is_empty());
    assert!(store.put("a", free("T", "text"), 5).unwrap());
    assert_eq!(store.save_state(), &SaveState::Unsaved);
    assert_eq!(store.save_state().to_string(), "Not saved yet");
    store.save().unwrap();
    assert_eq!(store.save_state().to_string(), "Saved");
    let notes = store.notes().clone();
    let reloaded = NotesStore::load(store.kv().clone());
    assert_eq!(reloaded.notes(), &notes);
}

#[test]
fn script_looking_text_is_kept_exactly_as_data() {
    let nasty = "<img src=x onerror=alert(1)> </textarea><script>alert('x')</script> & \"'";
    let mut store = NotesStore::load(MemoryKv::new());
    let body = NoteBody::Brief(BriefNote {
        brief_id: "b".into(),
        theme_id: None,
        text: nasty.into(),
    });
    store.put("x", body.clone(), 1).unwrap();
    store.save().unwrap();
    let reloaded = NotesStore::load(store.kv().clone());
    assert_eq!(reloaded.notes().get("x").unwrap().body, body);
}

#[test]
fn editing_keeps_versions_moving_forward_and_skips_no_op_edits() {
    let mut store = saved_store();
    assert!(!store.put("a", free("First", "saved text"), 999).unwrap());
    assert!(store.put("a", free("First", "changed"), 50).unwrap());
    let note = store.notes().get("a").unwrap();
    assert_eq!((note.created_at, note.updated_at), (100, 101), "clock going back");
}

#[test]
fn history_records_the_version_before_each_editing_session() {
    let mut store = NotesStore::load(saved_store().kv().clone());
    store.put("a", free("First", "one"), 200).unwrap();
    store.put("a", free("First", "two"), 300).unwrap();
    assert_eq!(store.notes().get("a").unwrap().history, vec![100]);
    store.export("2024-01-01T00:00:00Z").unwrap();
    store.put("a", free("First", "three"), 400).unwrap();
    assert_eq!(store.notes().get("a").unwrap().history, vec![100, 300]);
}

#[test]
fn edits_that_are_too_long_or_have_no_id_are_refused_and_change_nothing() {
    let mut store = saved_store();
    let before = store.notes().clone();
    let long = "x".repeat(MAX_FIELD_CHARS + 1);
    let error = store.put("a", free("T", &long), 200).unwrap_err();
    assert_eq!(
        error,
        EditError::TooLong {
            field: "text",
            length: MAX_FIELD_CHARS + 1
        }
    );
    assert!(error.to_string().contains("\"note\" box"), "{error}");
    assert!(error.to_string().contains("20,001") && error.to_string().contains("20,000"));
    assert_eq!(store.put("", free("T", "t"), 200), Err(EditError::EmptyId));
    assert_eq!(store.notes(), &before);
    assert!(store
        .put("b", free("T", &"y".repeat(MAX_FIELD_CHARS)), 200)
        .unwrap());
}

#[test]
fn delete_can_be_undone() {
    let mut store = saved_store();
    let deleted = store.delete("a").unwrap().unwrap();
    assert!(store.notes().is_empty());
    assert_eq!(store.delete("missing").unwrap(), None);
    assert_eq!(store.restore(deleted.clone()).unwrap(), "a");
    assert_eq!(store.notes().get("a"), Some(&deleted));
    // If the id was taken meanwhile, the note comes back beside the new one.
    store.delete("a").unwrap();
    store.put("a", free("Other", "new"), 500).unwrap();
    let id = store.restore(deleted.clone()).unwrap();
    assert_ne!(id, "a");
    assert_eq!(store.notes().get(&id).unwrap().body, deleted.body);
    assert_eq!(store.notes().len(), 2);
}

#[test]
fn delete_everything_returns_what_went() {
    let mut store = saved_store();
    store.put("b", free("Second", ""), 200).unwrap();
    assert_eq!(store.notes().counts().to_string(), "2 other notes");
    let gone = store.delete_all().unwrap();
    assert_eq!(gone.len(), 2);
    store.save().unwrap();
    assert_eq!(stored(&store), Some(encode(&Notes::new()).unwrap()));
}

#[test]
fn unreadable_data_is_backed_up_byte_for_byte_and_never_written_over() {
    let cases = [
        "not json at all",
        "{\"schema\":1,\"notes\":[{\"id\":\"a\"",
        "[1,2,3]",
        "{\"schema\":1,\"notes\":[{\"id\":5}]}",
        "{\"schema\":\"1\",\"notes\":[]}",
        "",
        "  {\"schema\": 1, \"notes\": \"\u{1F600}\"}  ",
    ];
    for raw in cases {
        let mut store = NotesStore::load(MemoryKv::with_entries([(NOTES_KEY, raw)]));
        let Health::Unreadable { reason, backup_key } = store.health().clone() else {
            panic!("{raw:?} gave {:?}", store.health());
        };
        let backup_key = backup_key.expect("a backup was made");
        assert_eq!(store.kv().get(&backup_key).unwrap().as_deref(), Some(raw));
        assert_eq!(store.unreadable_text(), Some(raw));
        assert!(store.health().to_string().contains(&reason));
        assert!(store.health().to_string().contains(&backup_key));
        assert_eq!(store.put("n", free("T", "t"), 1), Err(EditError::ReadOnly));
        assert_eq!(store.save(), Err(SaveError::ReadOnly));
        assert_eq!(stored(&store).as_deref(), Some(raw), "main key untouched");
        // Loading again does not pile up copies of the same bytes.
        let again = NotesStore::load(store.kv().clone());
        assert_eq!(backups(again.kv()).len(), 1, "{raw:?}");
    }
}

#[test]
fn a_backup_never_overwrites_an_earlier_backup() {
    let first = format!("{BACKUP_PREFIX}1");
    let kv = MemoryKv::with_entries([(first.as_str(), "older bytes"), (NOTES_KEY, "{broken")]);
    let store = NotesStore::load(kv);
    let expected = vec![
        (first, "older bytes".to_string()),
        (format!("{BACKUP_PREFIX}2"), "{broken".to_string()),
    ];
    assert_eq!(backups(store.kv()), expected);
}

#[test]
fn when_no_backup_fits_the_data_stays_under_the_main_key() {
    let mut kv = MemoryKv::with_entries([(NOTES_KEY, "{broken")]);
    kv.set_quota(Some(kv.used_bytes()));
    let mut store = NotesStore::load(kv);
    assert!(matches!(
        store.health(),
        Health::Unreadable { backup_key: None, .. }
    ));
    assert!(store.health().to_string().contains("still stored as they were"));
    // Starting again needs a backup first, so it is refused and nothing changes.
    assert_eq!(store.reset(), Err(SaveError::Full));
    assert_eq!(stored(&store).as_deref(), Some("{broken"));
    assert!(store.health().is_read_only());
}

#[test]
fn starting_again_keeps_the_backup_and_makes_notes_writable() {
    let mut store = NotesStore::load(MemoryKv::with_entries([(NOTES_KEY, "{broken")]));
    store.reset().unwrap();
    assert_eq!(store.health(), &Health::Ready);
    assert_eq!(stored(&store), Some(encode(&Notes::new()).unwrap()));
    assert_eq!(backups(store.kv()).len(), 1);
    store.put("a", free("T", "t"), 1).unwrap();
    store.save().unwrap();
    assert_eq!(NotesStore::load(store.kv().clone()).notes().len(), 1);
}

#[test]
fn data_from_a_newer_version_is_read_only() {
    let raw = r#"{"schema":7,"notes":[{"anything":true}]}"#;
    let mut store = NotesStore::load(MemoryKv::with_entries([(NOTES_KEY, raw)]));
    assert_eq!(store.health(), &Health::Newer { schema: 7 });
    assert!(store.health().to_string().contains("newer version"));
    assert_eq!(store.put("a", free("T", "t"), 1), Err(EditError::ReadOnly));
    assert_eq!(store.delete_all(), Err(EditError::ReadOnly));
    assert_eq!(store.save(), Err(SaveError::ReadOnly));
    assert_eq!(store.save_state(), &SaveState::Failed(SaveError::ReadOnly));
    assert_eq!(stored(&store).as_deref(), Some(raw));
    assert!(backups(store.kv()).is_empty(), "newer data is not copied on load");
    // Starting again copies the newer data first.
    store.reset().unwrap();
    assert_eq!(backups(store.kv())[0].1, raw);
}

#[test]
fn a_full_store_keeps_the_text_in_memory_and_the_saved_value_intact() {
    let mut store = saved_store();
    let before = stored(&store);
    let used = store.kv().used_bytes();
    store.kv_mut().set_quota(Some(used + 10));
    store.put("a", free("First", &"long ".repeat(100)), 200).unwrap();
    assert_eq!(store.save(), Err(SaveError::Full));
    assert_eq!(store.save_state(), &SaveState::Failed(SaveError::Full));
    assert!(store.save_state().to_string().starts_with("Not saved."));
    assert!(store.save_state().to_string().contains("full"));
    assert_eq!(stored(&store), before, "nothing saved was damaged");
    let NoteBody::Free(note) = &store.notes().get("a").unwrap().body else {
        panic!("free note");
    };
    assert!(note.text.starts_with("long long"), "the text is still here");
    store.kv_mut().set_quota(None);
    store.save().unwrap();
    assert_eq!(NotesStore::load(store.kv().clone()).notes(), store.notes());
}

#[test]
fn blocked_storage_keeps_notes_in_memory_for_the_visit() {
    let mut kv = MemoryKv::new();
    kv.set_blocked(true);
    let mut store = NotesStore::load(kv);
    assert_eq!(store.health(), &Health::MemoryOnly);
    assert!(store
        .health()
        .to_string()
        .contains("lost when you close this page"));
    store.put("a", free("T", "kept for now"), 1).unwrap();
    assert_eq!(store.save(), Ok(()));
    assert_eq!(store.save_state(), &SaveState::MemoryOnly);
    assert_eq!(store.notes().len(), 1);
    assert!(store.kv().entries().is_empty());
    assert!(store
        .export("2024-01-01T00:00:00Z")
        .unwrap()
        .contains("kept for now"));
}

#[test]
fn storage_blocked_after_loading_is_an_error_and_the_notes_stay() {
    let mut store = saved_store();
    store.put("b", free("T", "new"), 200).unwrap();
    store.kv_mut().set_blocked(true);
    assert_eq!(store.save(), Err(SaveError::Blocked));
    assert_eq!(store.notes().len(), 2);
    store.kv_mut().set_blocked(false);
    store.save().unwrap();
    assert_eq!(NotesStore::load(store.kv().clone()).notes().len(), 2);
}

#[test]
fn every_message_says_what_to_do_next() {
    let messages = [
        Health::MemoryOnly.to_string(),
        SaveError::Full.to_string(),
        SaveError::Blocked.to_string(),
        SaveError::Other("boom".into()).to_string(),
        EditError::ReadOnly.to_string(),
    ];
    for message in messages {
        assert!(message.ends_with('.'), "{message}");
        assert!(message.split(". ").count() >= 2, "{message}");
    }
    let note = Note::new("a", free("T", ""), 1);
    assert_eq!(note.kind().label(), "Note");
}
