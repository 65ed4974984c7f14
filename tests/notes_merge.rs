//! Host tests for merging with another tab: the three-way merge table, then two stores sharing
//! one storage as two tabs do.

use safeguarding_toolkit::domain::kv::{KeyValue, KvError, MemoryKv};
use safeguarding_toolkit::domain::notes::{
    merge, FreeNote, Health, MergeReport, Note, NoteBody, Notes, NotesStore, SaveError, BACKUP_PREFIX,
    NOTES_KEY,
};
use std::cell::RefCell;
use std::rc::Rc;

fn body(text: &str) -> NoteBody {
    NoteBody::Free(FreeNote {
        title: String::new(),
        text: text.into(),
    })
}

/// Marks an entry of a side as a deleted note (a tombstone) rather than a note.
const DELETED: &str = "\u{2020}deleted";

/// Notes from (id, text, updated_at); a text of [`DELETED`] makes a tombstone instead.
fn notes(list: &[(&str, &str, u64)]) -> Notes {
    let mut notes: Notes = list
        .iter()
        .filter(|(_, text, _)| *text != DELETED)
        .map(|&(id, text, at)| {
            let mut note = Note::new(id, body(text), 1);
            note.updated_at = at;
            // Every later version in these tables grew from version 1.
            if at > 1 {
                note.history = vec![1];
            }
            note
        })
        .collect();
    for (id, _, _) in list.iter().filter(|(_, text, _)| *text == DELETED) {
        notes.mark_deleted(id);
    }
    notes
}

/// The merged notes as (id, text).
fn texts(notes: &Notes) -> Vec<(String, String)> {
    notes
        .iter()
        .map(|n| match &n.body {
            NoteBody::Free(f) => (n.id.clone(), f.text.clone()),
            other => panic!("unexpected {other:?}"),
        })
        .collect()
}

type Side<'a> = &'a [(&'a str, &'a str, u64)];

fn check(name: &str, base: Side, ours: Side, theirs: Side, expected: &[(&str, &str)]) -> MergeReport {
    let (merged, report) = merge(&notes(base), &notes(ours), &notes(theirs));
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(id, text)| (id.to_string(), text.to_string()))
        .collect();
    assert_eq!(texts(&merged), expected, "{name}");
    report
}

#[test]
fn merge_table() {
    let a1 = [("a", "x", 1)];
    let report = check(
        "edited here only",
        &a1,
        &[("a", "ours", 2)],
        &a1,
        &[("a", "ours")],
    );
    assert!(report.is_empty());

    let report = check(
        "edited there only",
        &a1,
        &a1,
        &[("a", "theirs", 3)],
        &[("a", "theirs")],
    );
    assert_eq!(report.came_in, vec!["a"]);

    let report = check(
        "edited both",
        &a1,
        &[("a", "ours", 2)],
        &[("a", "theirs", 3)],
        &[("a", "ours"), ("a.3", "theirs")],
    );
    assert_eq!(report.kept_both, vec![("a".to_string(), "a.3".to_string())]);

    // A tab whose copy of storage was behind edited version 1 after we saved version 2.
    let a2 = [("a", "ours", 2)];
    let report = check(
        "edited there on top of an older version",
        &a2,
        &a2,
        &[("a", "theirs", 3)],
        &[("a", "ours"), ("a.3", "theirs")],
    );
    assert_eq!(report.kept_both.len(), 1);
    check(
        "older version written back there",
        &a2,
        &a2,
        &a1,
        &[("a", "ours")],
    );

    let same = [("a", "same", 2)];
    let report = check("same edit both", &a1, &same, &same, &[("a", "same")]);
    assert!(report.is_empty());

    let report = check("deleted there", &a1, &a1, &[("a", DELETED, 0)], &[]);
    assert_eq!(report.removed, vec!["a"]);

    // Their copy of storage was behind and never had this note: it is not a delete.
    let report = check("missing there, never seen", &a1, &a1, &[], &[("a", "x")]);
    assert!(report.is_empty());

    let report = check(
        "deleted there, edited here",
        &a1,
        &[("a", "ours", 2)],
        &[],
        &[("a", "ours")],
    );
    assert_eq!(report.kept_despite_delete, vec!["a"]);

    let report = check("deleted here", &a1, &[], &a1, &[]);
    assert!(report.is_empty());

    let report = check(
        "deleted here, edited there",
        &a1,
        &[],
        &[("a", "theirs", 3)],
        &[("a", "theirs")],
    );
    assert_eq!(report.kept_despite_delete, vec!["a"]);

    check("deleted both", &a1, &[], &[], &[]);
    check("added here", &[], &[("h", "here", 5)], &[], &[("h", "here")]);

    let report = check("added there", &[], &[], &[("t", "there", 5)], &[("t", "there")]);
    assert_eq!(report.came_in, vec!["t"]);

    check(
        "added both, different ids",
        &[],
        &[("h", "here", 5)],
        &[("t", "there", 6)],
        &[("h", "here"), ("t", "there")],
    );

    let report = check(
        "added both, one id",
        &[],
        &[("a", "here", 5)],
        &[("a", "there", 6)],
        &[("a", "here"), ("a.6", "there")],
    );
    assert_eq!(report.kept_both.len(), 1);

    check(
        "different notes edited on each side",
        &[("a", "x", 1), ("b", "y", 1)],
        &[("a", "ours", 2), ("b", "y", 1)],
        &[("a", "x", 1), ("b", "theirs", 3)],
        &[("a", "ours"), ("b", "theirs")],
    );

    check(
        "a copy id that is taken gets a number",
        &a1,
        &[("a", "ours", 2), ("a.3", "older copy", 1)],
        &[("a", "theirs", 3), ("a.3", "older copy", 1)],
        &[("a", "ours"), ("a.3", "older copy"), ("a.3.2", "theirs")],
    );
}

/// One storage shared by two stores, as `localStorage` is shared by two tabs.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<MemoryKv>>);

impl KeyValue for Shared {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.borrow().get(key)
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.borrow_mut().set(key, value)
    }
    fn remove(&mut self, key: &str) -> Result<(), KvError> {
        self.0.borrow_mut().remove(key)
    }
    fn keys(&self) -> Result<Vec<String>, KvError> {
        self.0.borrow().keys()
    }
}

/// Two tabs open on storage that holds notes "a" and "b".
fn two_tabs() -> (Shared, NotesStore<Shared>, NotesStore<Shared>) {
    let shared = Shared::default();
    let mut setup = NotesStore::load(shared.clone());
    setup.put("a", body("a0"), 1).unwrap();
    setup.put("b", body("b0"), 1).unwrap();
    setup.save().unwrap();
    let tab1 = NotesStore::load(shared.clone());
    let tab2 = NotesStore::load(shared.clone());
    (shared, tab1, tab2)
}

/// Deliver the `storage` event: the other tab sees the stored value.
fn event(shared: &Shared, tab: &mut NotesStore<Shared>) -> MergeReport {
    let raw = shared.get(NOTES_KEY).unwrap();
    tab.merge_external(raw.as_deref())
}

fn text_of(tab: &NotesStore<Shared>, id: &str) -> String {
    match &tab.notes().get(id).unwrap().body {
        NoteBody::Free(f) => f.text.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn two_tabs_editing_different_notes_lose_nothing() {
    let (shared, mut tab1, mut tab2) = two_tabs();
    tab1.put("a", body("a1"), 10).unwrap();
    tab2.put("b", body("b2"), 11).unwrap();
    tab1.save().unwrap();
    // Tab 2 saves before its storage event arrives: the save merges first.
    tab2.save().unwrap();
    let report = event(&shared, &mut tab1);
    assert_eq!(report.came_in, vec!["b"]);
    for tab in [&tab1, &tab2] {
        assert_eq!((text_of(tab, "a"), text_of(tab, "b")), ("a1".into(), "b2".into()));
    }
    let fresh = NotesStore::load(shared.clone());
    assert_eq!(fresh.notes(), tab1.notes());
}

#[test]
fn two_tabs_editing_the_same_note_keep_both_edits() {
    let (shared, mut tab1, mut tab2) = two_tabs();
    tab1.put("a", body("from tab 1"), 10).unwrap();
    tab1.save().unwrap();
    tab2.put("a", body("from tab 2"), 12).unwrap();
    let report = event(&shared, &mut tab2);
    assert_eq!(report.kept_both, vec![("a".to_string(), "a.10".to_string())]);
    assert_eq!(
        text_of(&tab2, "a"),
        "from tab 2",
        "the open editor keeps its text"
    );
    assert_eq!(text_of(&tab2, "a.10"), "from tab 1");
    tab2.save().unwrap();
    event(&shared, &mut tab1);
    assert_eq!(tab1.notes(), tab2.notes());
}

#[test]
fn a_delete_in_one_tab_reaches_the_other_unless_it_changed_the_note() {
    let (shared, mut tab1, mut tab2) = two_tabs();
    tab1.delete("a").unwrap();
    tab1.delete("b").unwrap();
    tab1.save().unwrap();
    tab2.put("b", body("still writing"), 20).unwrap();
    let report = event(&shared, &mut tab2);
    assert_eq!(report.removed, vec!["a"]);
    assert_eq!(report.kept_despite_delete, vec!["b"]);
    assert_eq!(text_of(&tab2, "b"), "still writing");
}

#[test]
fn the_same_value_twice_changes_nothing() {
    let (shared, mut tab1, _tab2) = two_tabs();
    assert!(event(&shared, &mut tab1).is_empty());
    tab1.put("a", body("mine"), 5).unwrap();
    assert!(event(&shared, &mut tab1).is_empty());
    assert_eq!(text_of(&tab1, "a"), "mine");
}

#[test]
fn site_data_cleared_elsewhere_keeps_unsaved_edits_here() {
    let (shared, mut tab1, _tab2) = two_tabs();
    tab1.put("a", body("unsaved"), 5).unwrap();
    shared.0.borrow_mut().remove(NOTES_KEY).unwrap();
    let report = tab1.merge_external(None);
    assert_eq!(report.removed, vec!["b"]);
    assert_eq!(report.kept_despite_delete, vec!["a"]);
}

#[test]
fn unreadable_data_from_another_tab_makes_this_tab_read_only_without_losing_its_notes() {
    let (shared, mut tab1, _tab2) = two_tabs();
    tab1.put("a", body("typed here"), 5).unwrap();
    shared.0.borrow_mut().set(NOTES_KEY, "{garbage").unwrap();
    assert!(event(&shared, &mut tab1).is_empty());
    let Health::Unreadable {
        backup_key: Some(key),
        ..
    } = tab1.health().clone()
    else {
        panic!("{:?}", tab1.health());
    };
    assert!(key.starts_with(BACKUP_PREFIX));
    assert_eq!(shared.get(&key).unwrap().as_deref(), Some("{garbage"));
    assert_eq!(
        text_of(&tab1, "a"),
        "typed here",
        "this tab's notes stay on screen"
    );
    assert_eq!(tab1.save(), Err(SaveError::ReadOnly));
    assert_eq!(shared.get(NOTES_KEY).unwrap().as_deref(), Some("{garbage"));
    assert!(tab1
        .export("2024-01-01T00:00:00Z")
        .unwrap()
        .contains("typed here"));
    // Readable data arriving later (say, a reset in the other tab) ends read-only mode.
    let mut tab3 = NotesStore::load(shared.clone());
    tab3.reset().unwrap();
    event(&shared, &mut tab1);
    assert_eq!(tab1.health(), &Health::Ready);
    assert_eq!(text_of(&tab1, "a"), "typed here");
}

#[test]
fn a_newer_version_in_another_tab_makes_this_tab_read_only() {
    let (shared, mut tab1, _tab2) = two_tabs();
    let newer = r#"{"schema":2,"notes":[]}"#;
    shared.0.borrow_mut().set(NOTES_KEY, newer).unwrap();
    tab1.put("a", body("typed here"), 5).unwrap();
    // The save finds the newer value before writing, so it does not write over it.
    assert_eq!(tab1.save(), Err(SaveError::ReadOnly));
    assert_eq!(tab1.health(), &Health::Newer { schema: 2 });
    assert_eq!(shared.get(NOTES_KEY).unwrap().as_deref(), Some(newer));
}

#[test]
fn starting_again_after_another_tab_did_merges_instead_of_writing_over_it() {
    let (shared, mut tab1, _tab2) = two_tabs();
    tab1.put("a", body("typed here"), 5).unwrap();
    shared.0.borrow_mut().set(NOTES_KEY, "{garbage").unwrap();
    event(&shared, &mut tab1);
    let mut tab3 = NotesStore::load(shared.clone());
    tab3.reset().unwrap();
    tab3.put("c", body("from tab 3"), 6).unwrap();
    tab3.save().unwrap();
    // Tab 1 starts again before its storage event arrives.
    tab1.reset().unwrap();
    assert_eq!(text_of(&tab1, "c"), "from tab 3");
    assert_eq!(text_of(&tab1, "a"), "typed here");
    let fresh = NotesStore::load(shared.clone());
    assert_eq!(fresh.notes(), tab1.notes());
}
