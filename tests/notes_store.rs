//! Host tests for the notes store in one tab, over `MemoryKv`: loading, editing, saving,
//! versions, deletes and undo, unreadable and newer data, migration from schema 1, backups,
//! full and blocked storage.

use safeguarding_toolkit::domain::kv::{KeyValue, MemoryKv};
use safeguarding_toolkit::domain::notes::{
    encode_meta, note_key, BriefNote, EditError, FreeNote, Health, NextStepTick, Note, NoteBody, NotesStore,
    SaveError, SaveState, Version, BACKUP_PREFIX, GONE_PREFIX, MAX_FIELD_CHARS, NOTES_KEY, NOTE_PREFIX,
};

fn free(title: &str, text: &str) -> NoteBody {
    NoteBody::Free(FreeNote {
        title: title.into(),
        text: text.into(),
    })
}

fn load(kv: MemoryKv) -> NotesStore<MemoryKv> {
    NotesStore::load(kv, 7)
}

fn main_key(store: &NotesStore<MemoryKv>) -> Option<String> {
    store.kv().entries().get(NOTES_KEY).cloned()
}

/// The keys under `prefix`.
fn keys(kv: &MemoryKv, prefix: &str) -> Vec<String> {
    kv.entries()
        .keys()
        .filter(|k| k.starts_with(prefix))
        .cloned()
        .collect()
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
    let mut store = load(MemoryKv::new());
    store.put("a", free("First", "saved text"), 100).unwrap();
    store.save().unwrap();
    store
}

fn tick(brief: &str, step: u32) -> NoteBody {
    NoteBody::NextStep(NextStepTick {
        brief_id: brief.into(),
        step,
        done_on: "2025-03-14".into(),
        what_i_did: None,
    })
}

#[test]
fn a_new_store_is_empty_saves_and_reloads() {
    let mut store = load(MemoryKv::new());
    assert_eq!(store.health(), &Health::Ready);
    assert_eq!(store.save_state(), &SaveState::Saved);
    assert!(store.notes().is_empty());
    assert!(store.put("a", free("T", "text"), 5).unwrap());
    assert_eq!(store.save_state(), &SaveState::Unsaved);
    assert_eq!(store.save_state().to_string(), "Not saved yet");
    store.save().unwrap();
    assert_eq!(store.save_state().to_string(), "Saved");
    assert_eq!(main_key(&store), Some(encode_meta()));
    assert_eq!(keys(store.kv(), NOTE_PREFIX).len(), 1, "one key for the one note");
    let notes = store.notes().clone();
    let reloaded = load(store.kv().clone());
    assert_eq!(reloaded.notes(), &notes);
}

#[test]
fn script_looking_text_is_kept_exactly_as_data() {
    let nasty = "<img src=x onerror=alert(1)> </textarea><script>alert('x')</script> & \"'";
    let mut store = load(MemoryKv::new());
    let body = NoteBody::Brief(BriefNote {
        brief_id: "b".into(),
        theme_id: None,
        text: nasty.into(),
    });
    store.put("x", body.clone(), 1).unwrap();
    store.save().unwrap();
    let reloaded = load(store.kv().clone());
    assert_eq!(reloaded.notes().get("x").unwrap().body, body);
}

#[test]
fn a_save_counts_a_version_on_and_a_new_sitting_starts_a_new_one() {
    let mut store = saved_store();
    let first = store.notes().get("a").unwrap().version().clone();
    assert_eq!(first.rev, 0);
    assert!(
        !store.put("a", free("First", "saved text"), 999).unwrap(),
        "no change"
    );
    // Typing between saves grows one version; the first change after a save counts one more.
    store.put("a", free("First", "one"), 50).unwrap();
    store.put("a", free("First", "two"), 60).unwrap();
    let note = store.notes().get("a").unwrap();
    assert_eq!(
        note.version(),
        &Version {
            id: first.id.clone(),
            rev: 1
        }
    );
    assert_eq!(
        (note.created_at, note.updated_at),
        (100, 60),
        "times are for display only"
    );
    store.save().unwrap();
    store.put("a", free("First", "three"), 70).unwrap();
    assert_eq!(store.notes().get("a").unwrap().version().rev, 2);
    store.save().unwrap();
    assert_eq!(
        keys(store.kv(), NOTE_PREFIX),
        vec![note_key(
            "a",
            &Version {
                id: first.id.clone(),
                rev: 2
            }
        )]
    );

    // Another page (or a reload) is another sitting: a new version naming the last one.
    let mut other = NotesStore::load(store.kv().clone(), 99);
    other.put("a", free("First", "four"), 80).unwrap();
    let note = other.notes().get("a").unwrap();
    assert_ne!(note.version().id, first.id);
    assert_eq!(note.lineage.ancestry, vec![Version { id: first.id, rev: 2 }]);
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
fn delete_can_be_undone_and_the_note_comes_back_in_every_tab() {
    let mut store = saved_store();
    let deleted = store.delete("a", 200).unwrap().unwrap();
    assert!(store.notes().is_empty());
    assert_eq!(store.delete("missing", 200).unwrap(), None);
    store.save().unwrap();
    assert!(keys(store.kv(), NOTE_PREFIX).is_empty());
    assert_eq!(keys(store.kv(), GONE_PREFIX).len(), 1, "the deletion is recorded");
    // Undo writes a new version grown from the deleted one, which the record does not cover.
    assert_eq!(store.restore(deleted.clone()).unwrap(), "a");
    store.save().unwrap();
    let back = load(store.kv().clone());
    let note = back.notes().get("a").unwrap();
    assert_eq!(note.body, deleted.body);
    assert!(note.grew_from(&deleted));
    // If the id was taken meanwhile, the note comes back beside the new one.
    store.delete("a", 300).unwrap();
    store.put("a", free("Other", "new"), 500).unwrap();
    let id = store.restore(deleted.clone()).unwrap();
    assert_ne!(id, "a");
    assert_eq!(store.notes().get(&id).unwrap().body, deleted.body);
    assert_eq!(store.notes().len(), 2);
}

#[test]
fn delete_everything_records_every_note_and_leaves_no_text_stored() {
    let mut store = saved_store();
    store.put("b", free("Second", "more words"), 200).unwrap();
    assert_eq!(store.notes().counts().to_string(), "2 other notes");
    let gone = store.delete_all(300).unwrap();
    assert_eq!(gone.len(), 2);
    store.save().unwrap();
    assert!(keys(store.kv(), NOTE_PREFIX).is_empty());
    assert_eq!(keys(store.kv(), GONE_PREFIX).len(), 2);
    let text: String = store.kv().entries().values().cloned().collect();
    assert!(
        !text.contains("saved text") && !text.contains("more words"),
        "{text}"
    );
    assert!(load(store.kv().clone()).notes().is_empty());
}

#[test]
fn unticking_a_step_deletes_every_tick_and_undo_puts_every_one_back() {
    // Finding 8: a step ticked in two tabs has two tick notes; untick removed both but Undo
    // put back one.
    let mut store = load(MemoryKv::new());
    store.put("t1", tick("child-b", 2), 1).unwrap();
    store.put("t2", tick("child-b", 2), 2).unwrap();
    store.put("t3", tick("child-b", 3), 3).unwrap();
    store.save().unwrap();
    let gone = store.untick("child-b", 2, 10).unwrap();
    assert_eq!(gone.len(), 2);
    assert!(store.notes().tick("child-b", 2).is_none());
    assert!(
        store.notes().tick("child-b", 3).is_some(),
        "other steps stay ticked"
    );
    for note in gone {
        store.restore(note).unwrap();
    }
    store.save().unwrap();
    let back = load(store.kv().clone());
    assert_eq!(back.notes().len(), 3);
    assert_eq!(back.notes().progress("child-b", 5).done, 2);
}

#[test]
fn unreadable_main_key_is_backed_up_byte_for_byte_and_never_written_over() {
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
        let mut store = load(MemoryKv::with_entries([(NOTES_KEY, raw)]));
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
        assert_eq!(main_key(&store).as_deref(), Some(raw), "main key untouched");
        // Loading again does not pile up copies of the same bytes.
        let again = load(store.kv().clone());
        assert_eq!(backups(again.kv()).len(), 1, "{raw:?}");
    }
}

#[test]
fn an_unreadable_note_is_set_aside_and_the_others_load() {
    let mut store = saved_store();
    let bad_key = note_key("b", &Version::new("abcdefgh"));
    store
        .kv_mut()
        .set(&bad_key, "{\"id\":\"b\",\"version\":\"abc")
        .unwrap();
    let mut store = load(store.kv().clone());
    assert_eq!(store.health(), &Health::Ready);
    assert_eq!(store.notes().len(), 1);
    let report = store.take_report();
    assert_eq!(report.unreadable.len(), 1);
    assert_eq!(backups(store.kv())[0].1, "{\"id\":\"b\",\"version\":\"abc");
    assert!(
        store.kv().get(&bad_key).unwrap().is_none(),
        "moved aside, not lost"
    );
}

#[test]
fn a_backup_never_overwrites_an_earlier_backup() {
    let first = format!("{BACKUP_PREFIX}1");
    let kv = MemoryKv::with_entries([(first.as_str(), "older bytes"), (NOTES_KEY, "{broken")]);
    let store = load(kv);
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
    let mut store = load(kv);
    assert!(matches!(
        store.health(),
        Health::Unreadable { backup_key: None, .. }
    ));
    assert!(store.health().to_string().contains("still stored as they were"));
    // Starting again needs a backup first, so it is refused and nothing changes.
    assert_eq!(store.reset(), Err(SaveError::Full));
    assert_eq!(main_key(&store).as_deref(), Some("{broken"));
    assert!(store.health().is_read_only());
}

#[test]
fn starting_again_keeps_the_backup_where_it_can_still_be_downloaded() {
    // Finding 9: after "Start again", the backed-up unreadable data could not be reached.
    let mut store = load(MemoryKv::with_entries([(NOTES_KEY, "{broken")]));
    store.reset().unwrap();
    assert_eq!(store.health(), &Health::Ready);
    assert_eq!(main_key(&store), Some(encode_meta()));
    let kept = store.backups();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].bytes, "{broken".len());
    assert_eq!(store.backup_text(&kept[0].key).as_deref(), Some("{broken"));
    assert_eq!(
        store.backup_text(NOTES_KEY),
        None,
        "only backups can be read this way"
    );
    store.put("a", free("T", "t"), 1).unwrap();
    store.save().unwrap();
    let again = load(store.kv().clone());
    assert_eq!(again.notes().len(), 1);
    assert_eq!(again.backups(), kept, "still listed after a reload");
}

#[test]
fn data_from_a_newer_version_is_read_only() {
    let raw = r#"{"schema":7,"notes":[{"anything":true}]}"#;
    let mut store = load(MemoryKv::with_entries([(NOTES_KEY, raw)]));
    assert_eq!(store.health(), &Health::Newer { schema: 7 });
    assert!(store.health().to_string().contains("newer version"));
    assert_eq!(store.put("a", free("T", "t"), 1), Err(EditError::ReadOnly));
    assert_eq!(store.delete_all(1), Err(EditError::ReadOnly));
    assert_eq!(store.save(), Err(SaveError::ReadOnly));
    assert_eq!(store.save_state(), &SaveState::Failed(SaveError::ReadOnly));
    assert_eq!(main_key(&store).as_deref(), Some(raw));
    assert!(backups(store.kv()).is_empty(), "newer data is not copied on load");
    // Starting again copies the newer data first.
    store.reset().unwrap();
    assert_eq!(backups(store.kv())[0].1, raw);
}

#[test]
fn words_typed_before_another_tab_upgrades_the_store_can_be_downloaded() {
    // Finding 7: the tab turned read-only and its unsaved words existed only in memory.
    let mut store = saved_store();
    store.put("a", free("First", "typed but not saved"), 200).unwrap();
    store.kv_mut().set(NOTES_KEY, r#"{"schema":3}"#).unwrap();
    store.merge_external(Some(NOTES_KEY));
    assert_eq!(store.health(), &Health::Newer { schema: 3 });
    assert!(store.has_unsaved());
    let file = store.export("2026-12-04T10:00:00Z").unwrap();
    assert!(file.contains("typed but not saved"), "{file}");
    assert_eq!(
        store.save(),
        Err(SaveError::ReadOnly),
        "and nothing is written over"
    );
}

#[test]
fn schema_1_is_migrated_after_a_copy_of_it_is_kept() {
    let fixture = include_str!("fixtures/notes-schema-1.json");
    let mut store = load(MemoryKv::with_entries([(NOTES_KEY, fixture)]));
    assert_eq!(store.health(), &Health::Ready);
    let kept = store.backups();
    assert_eq!(kept.len(), 1, "the old value is kept first");
    assert_eq!(store.backup_text(&kept[0].key).as_deref(), Some(fixture));
    assert_eq!(main_key(&store), Some(encode_meta()));
    let notes = keys(store.kv(), NOTE_PREFIX);
    assert_eq!(notes.len(), store.notes().len());
    assert!(notes.len() >= 5, "{notes:?}");
    let note = store.notes().get("n-brief-theme").unwrap();
    assert_eq!(note.version(), &Version::legacy(1_700_000_300_000));
    assert!(
        note.lineage.ancestry.is_empty(),
        "schema 1's timestamps are not trusted as history"
    );
    // It is a normal store from now on.
    store.put("n-brief-theme", free("T", "changed"), 1).unwrap();
    store.save().unwrap();
    assert_eq!(load(store.kv().clone()).notes().len(), notes.len());
}

#[test]
fn a_migration_whose_copy_cannot_be_kept_changes_nothing_and_says_why() {
    // Finding 10: a failed backup before a migration was ignored.
    let fixture = include_str!("fixtures/notes-schema-1.json");
    let mut kv = MemoryKv::with_entries([(NOTES_KEY, fixture)]);
    kv.set_quota(Some(kv.used_bytes() + 100));
    let mut store = load(kv);
    let Health::MigrationBlocked { reason } = store.health().clone() else {
        panic!("{:?}", store.health());
    };
    assert!(reason.contains("full"), "{reason}");
    assert!(store.health().to_string().contains("nothing has been changed"));
    assert_eq!(
        main_key(&store).as_deref(),
        Some(fixture),
        "the only copy is untouched"
    );
    assert!(keys(store.kv(), NOTE_PREFIX).is_empty());
    assert!(store.notes().len() >= 5, "the notes can still be read");
    assert!(
        store.export("x").unwrap().contains("n-brief-theme"),
        "and exported"
    );
    assert_eq!(store.put("a", free("T", "t"), 1), Err(EditError::ReadOnly));
    // With room, trying again migrates.
    store.kv_mut().set_quota(None);
    store.reset().unwrap();
    assert_eq!(store.health(), &Health::Ready);
    assert_eq!(main_key(&store), Some(encode_meta()));
}

#[test]
fn a_full_store_keeps_the_text_in_memory_and_what_was_saved_intact() {
    let mut store = saved_store();
    let before = store.kv().entries().clone();
    let used = store.kv().used_bytes();
    store.kv_mut().set_quota(Some(used + 10));
    store.put("a", free("First", &"long ".repeat(100)), 200).unwrap();
    assert_eq!(store.save(), Err(SaveError::Full));
    assert_eq!(store.save_state(), &SaveState::Failed(SaveError::Full));
    assert!(store.save_state().to_string().starts_with("Not saved."));
    assert!(store.save_state().to_string().contains("full"));
    assert_eq!(store.kv().entries(), &before, "nothing saved was damaged");
    let NoteBody::Free(note) = &store.notes().get("a").unwrap().body else {
        panic!("free note");
    };
    assert!(note.text.starts_with("long long"), "the text is still here");
    store.kv_mut().set_quota(None);
    store.save().unwrap();
    assert_eq!(load(store.kv().clone()).notes(), store.notes());
}

#[test]
fn blocked_storage_keeps_notes_in_memory_for_the_visit() {
    let mut kv = MemoryKv::new();
    kv.set_blocked(true);
    let mut store = load(kv);
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
    assert_eq!(load(store.kv().clone()).notes().len(), 2);
}

#[test]
fn deleting_kept_copies_removes_every_backup() {
    let mut store = load(MemoryKv::with_entries([(NOTES_KEY, "{broken")]));
    store.reset().unwrap();
    assert_eq!(store.delete_backups().unwrap(), 1);
    assert!(store.backups().is_empty());
}

#[test]
fn every_message_says_what_to_do_next() {
    let messages = [
        Health::MemoryOnly.to_string(),
        Health::MigrationBlocked {
            reason: "the storage this browser allows the toolkit is full".into(),
        }
        .to_string(),
        SaveError::Full.to_string(),
        SaveError::Blocked.to_string(),
        SaveError::Other("boom".into()).to_string(),
        EditError::ReadOnly.to_string(),
    ];
    for message in messages {
        assert!(message.ends_with('.'), "{message}");
        assert!(message.split(". ").count() >= 2, "{message}");
    }
    let note = Note::new("a", free("T", ""), 1, Version::new("v"));
    assert_eq!(note.kind().label(), "Note");
}

/// Storage that counts how often every key is listed (5,000 keys cost milliseconds in a browser).
#[derive(Debug, Clone, Default)]
struct Counting {
    inner: MemoryKv,
    listed: std::rc::Rc<std::cell::Cell<usize>>,
}

impl KeyValue for Counting {
    fn get(&self, key: &str) -> Result<Option<String>, safeguarding_toolkit::domain::kv::KvError> {
        self.inner.get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), safeguarding_toolkit::domain::kv::KvError> {
        self.inner.set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), safeguarding_toolkit::domain::kv::KvError> {
        self.inner.remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, safeguarding_toolkit::domain::kv::KvError> {
        self.listed.set(self.listed.get() + 1);
        self.inner.keys()
    }
}

#[test]
fn backups_are_listed_without_reading_every_key_again_and_stay_right() {
    let mut kv = Counting::default();
    kv.set(&format!("{BACKUP_PREFIX}1"), "an old copy").unwrap();
    kv.set(NOTES_KEY, &encode_meta()).unwrap();
    let listed = kv.listed.clone();
    let mut store = NotesStore::load(kv, 7);
    let after_load = listed.get();
    let names = |s: &NotesStore<Counting>| s.backups().into_iter().map(|b| b.key).collect::<Vec<_>>();
    for _ in 0..3 {
        assert_eq!(names(&store), [format!("{BACKUP_PREFIX}1")]);
    }
    assert_eq!(
        listed.get(),
        after_load,
        "drawing My notes must not list every key"
    );
    // Another tab keeps a copy: its storage event names the key, and the list is read again.
    store
        .kv_mut()
        .inner
        .set(&format!("{BACKUP_PREFIX}2"), "another copy")
        .unwrap();
    store.merge_external(Some(&format!("{BACKUP_PREFIX}2")));
    assert_eq!(
        names(&store),
        [format!("{BACKUP_PREFIX}1"), format!("{BACKUP_PREFIX}2")]
    );
    // A copy deleted underneath is not listed.
    store.kv_mut().inner.remove(&format!("{BACKUP_PREFIX}1")).unwrap();
    assert_eq!(names(&store), [format!("{BACKUP_PREFIX}2")]);
    // Delete-all's removal of the copies empties the list.
    store.delete_backups().unwrap();
    assert!(names(&store).is_empty());
    assert!(backups(&store.kv().inner).is_empty());
}
