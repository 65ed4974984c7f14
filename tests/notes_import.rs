//! Host tests for export and import: one row per way a file can be wrong, then plans, applying
//! them, and moving notes between devices.

use safeguarding_toolkit::domain::kv::MemoryKv;
use safeguarding_toolkit::domain::notes::{
    export, plan, read_import, EditError, FreeNote, ImportAction, ImportCounts, ImportError, Lineage, Note,
    NoteBody, Notes, NotesStore, Reflection, Version, NOTES_KEY,
};
use serde_json::{json, Value};

fn free(text: &str) -> NoteBody {
    NoteBody::Free(FreeNote {
        title: "T".into(),
        text: text.into(),
    })
}

/// A valid export with three notes, as JSON to bend out of shape.
fn valid() -> Value {
    json!({
        "type": "safeguarding-toolkit-notes",
        "version": 1,
        "exported_at": "2024-05-01T12:00:00Z",
        "notes": [
            {"id": "a", "created_at": 1, "updated_at": 2, "kind": "free-form", "title": "A", "text": "a"},
            {"id": "b", "created_at": 1, "updated_at": 3, "history": [1], "kind": "reflection",
             "activity": "Act", "when": "2024-04-01", "learnt": "L", "practice_change": "P"},
            {"id": "c", "created_at": 1, "updated_at": 4, "kind": "next-step",
             "brief_id": "child-b", "step": 1, "done_on": "2024-04-02", "what_i_did": null}
        ]
    })
}

fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut file = valid();
    change(&mut file);
    file.to_string()
}

fn missing(note: Option<usize>, field: &str) -> ImportError {
    ImportError::MissingField {
        note,
        field: field.into(),
    }
}

fn wrong(note: Option<usize>, field: &str, expected: &'static str) -> ImportError {
    ImportError::WrongFieldType {
        note,
        field: field.into(),
        expected,
    }
}

#[test]
fn a_valid_file_reads() {
    let import = read_import(&valid().to_string()).unwrap();
    assert_eq!(import.exported_at, "2024-05-01T12:00:00Z");
    assert_eq!(import.notes.len(), 3);
    // Version 1 files named versions by their timestamp; the history is not trusted.
    let b = import.notes.get("b").unwrap();
    assert_eq!(b.lineage, Lineage::new(Version::legacy(3)));
    // A field at the limit, in characters not bytes, is fine.
    let at_limit = with(|f| f["notes"][0]["text"] = json!("é".repeat(20_000)));
    assert!(read_import(&at_limit).is_ok());
}

#[test]
fn each_malformed_file_gets_its_own_error() {
    let big_note = |i: usize| {
        json!({"id": format!("n{i}"), "created_at": 1, "updated_at": 1,
                                      "kind": "free-form", "title": "", "text": ""})
    };
    let rows: Vec<(&str, String, ImportError)> = vec![
        (
            "not JSON",
            "Dear diary".into(),
            ImportError::NotJson {
                detail: "expected value at line 1 column 1".into(),
            },
        ),
        (
            "empty file",
            String::new(),
            ImportError::NotJson {
                detail: "EOF while parsing a value at line 1 column 0".into(),
            },
        ),
        ("a list", "[]".into(), ImportError::WrongType { found: None }),
        (
            "no type",
            with(|f| {
                f.as_object_mut().unwrap().remove("type");
            }),
            ImportError::WrongType { found: None },
        ),
        (
            "stored value, not an export",
            r#"{"schema":1,"notes":[]}"#.into(),
            ImportError::WrongType { found: None },
        ),
        (
            "wrong type",
            with(|f| f["type"] = json!("todo-list")),
            ImportError::WrongType {
                found: Some("todo-list".into()),
            },
        ),
        (
            "newer version",
            with(|f| f["version"] = json!(3)),
            ImportError::UnsupportedVersion { found: "3".into() },
        ),
        (
            "version as text",
            with(|f| f["version"] = json!("1")),
            ImportError::UnsupportedVersion {
                found: "\"1\"".into(),
            },
        ),
        (
            "no version",
            with(|f| {
                f.as_object_mut().unwrap().remove("version");
            }),
            missing(None, "version"),
        ),
        (
            "no exported_at",
            with(|f| {
                f.as_object_mut().unwrap().remove("exported_at");
            }),
            missing(None, "exported_at"),
        ),
        (
            "exported_at a number",
            with(|f| f["exported_at"] = json!(5)),
            wrong(None, "exported_at", "text"),
        ),
        (
            "no notes",
            with(|f| {
                f.as_object_mut().unwrap().remove("notes");
            }),
            missing(None, "notes"),
        ),
        (
            "notes not a list",
            with(|f| f["notes"] = json!({})),
            wrong(None, "notes", "a list"),
        ),
        (
            "a note is a string",
            with(|f| f["notes"][1] = json!("hello")),
            ImportError::NotANote { note: 2 },
        ),
        (
            "note without id",
            with(|f| {
                f["notes"][0].as_object_mut().unwrap().remove("id");
            }),
            missing(Some(1), "id"),
        ),
        (
            "reflection without learnt",
            with(|f| {
                f["notes"][1].as_object_mut().unwrap().remove("learnt");
            }),
            missing(Some(2), "learnt"),
        ),
        (
            "note without kind",
            with(|f| {
                f["notes"][2].as_object_mut().unwrap().remove("kind");
            }),
            missing(Some(3), "kind"),
        ),
        (
            "time as text",
            with(|f| f["notes"][0]["created_at"] = json!("yesterday")),
            wrong(Some(1), "created_at", "a whole number"),
        ),
        (
            "negative step",
            with(|f| f["notes"][2]["step"] = json!(-1)),
            wrong(Some(3), "step", "a whole number"),
        ),
        (
            "text as a number",
            with(|f| f["notes"][0]["text"] = json!(7)),
            wrong(Some(1), "text", "text"),
        ),
        (
            "optional field as a list",
            with(|f| f["notes"][2]["what_i_did"] = json!([])),
            wrong(Some(3), "what_i_did", "text"),
        ),
        (
            "history of words",
            with(|f| f["notes"][1]["history"] = json!(["x"])),
            wrong(Some(2), "history", "a list of whole numbers"),
        ),
        (
            "unknown kind",
            with(|f| f["notes"][0]["kind"] = json!("poem")),
            ImportError::UnknownKind {
                note: 1,
                kind: "poem".into(),
            },
        ),
        (
            "empty id",
            with(|f| f["notes"][1]["id"] = json!("")),
            ImportError::EmptyId { note: 2 },
        ),
        (
            "huge string",
            with(|f| f["notes"][1]["learnt"] = json!("x".repeat(20_001))),
            ImportError::TooLong {
                note: 2,
                field: "learnt".into(),
                length: 20_001,
            },
        ),
        (
            "duplicate ids",
            with(|f| f["notes"][2]["id"] = json!("a")),
            ImportError::DuplicateId {
                id: "a".into(),
                first: 1,
                second: 3,
            },
        ),
        (
            "too many notes",
            with(|f| f["notes"] = (0..20_001).map(big_note).collect()),
            ImportError::TooManyNotes { count: 20_001 },
        ),
        (
            "file too big",
            format!("{}{}", valid(), " ".repeat(10_000_000)),
            ImportError::TooLarge {
                bytes: valid().to_string().len() + 10_000_000,
            },
        ),
    ];
    // Different errors have different messages (some rows share an error on purpose).
    let mut messages = std::collections::BTreeMap::new();
    for (name, text, expected) in rows {
        let error = read_import(&text).expect_err(name);
        assert_eq!(error, expected, "{name}");
        let message = error.to_string();
        assert!(
            message.ends_with("Nothing has been changed."),
            "{name}: {message}"
        );
        let earlier = messages.insert(message.clone(), error.clone());
        assert!(
            earlier.is_none_or(|e| e == error),
            "{name}: message not distinct: {message}"
        );
    }
}

#[test]
fn messages_name_the_field_and_the_limit() {
    let error = ImportError::TooLong {
        note: 4,
        field: "text".into(),
        length: 25_000,
    };
    let message = error.to_string();
    assert!(
        message.contains("Note 4") && message.contains("\"text\""),
        "{message}"
    );
    assert!(
        message.contains("25,000") && message.contains("20,000"),
        "{message}"
    );
    let message = missing(Some(2), "learnt").to_string();
    assert!(message.contains("note 2 has no \"learnt\""), "{message}");
    let message = ImportError::TooLarge { bytes: 12_345_678 }.to_string();
    assert!(
        message.contains("12.3 MB") && message.contains("10 MB"),
        "{message}"
    );
}

#[test]
fn file_sizes_are_megabytes_to_one_decimal_place() {
    use safeguarding_toolkit::domain::notes::import_error::megabytes;
    for (bytes, shown) in [
        (0, "0.0"),
        (49_999, "0.0"),
        (50_000, "0.1"),
        (999_999, "1.0"),
        (10_000_001, "10.0"),
        (10_049_999, "10.0"),
        (10_050_000, "10.1"),
        (12_345_678, "12.3"),
        (4_000_000_000, "4000.0"),
    ] {
        assert_eq!(megabytes(bytes), shown, "{bytes} bytes");
    }
    // The largest size does not overflow.
    let max = usize::MAX / 100_000;
    assert_eq!(megabytes(usize::MAX), format!("{}.{}", max / 10, max % 10));
}

/// A version 2 file: the current note shape, with versions.
fn valid_v2() -> Value {
    json!({
        "type": "safeguarding-toolkit-notes",
        "version": 2,
        "exported_at": "2026-12-01T12:00:00Z",
        "notes": [
            {"id": "a", "version": "abcd1234.2", "ancestry": "0000zzzz", "created_at": 1, "updated_at": 2,
             "kind": "free-form", "title": "A", "text": "a"},
            {"id": "a~0000zzzz", "version": "0000zzzz", "copy_of": "a", "created_at": 1, "updated_at": 1,
             "kind": "free-form", "title": "A", "text": "older"}
        ]
    })
}

#[test]
fn a_version_2_file_reads_with_its_versions_and_is_checked_field_by_field() {
    let import = read_import(&valid_v2().to_string()).unwrap();
    let a = import.notes.get("a").unwrap();
    assert_eq!(
        a.lineage.version,
        Version {
            id: "abcd1234".into(),
            rev: 2
        }
    );
    assert_eq!(a.lineage.ancestry, vec![Version::new("0000zzzz")]);
    assert_eq!(
        import.notes.get("a~0000zzzz").unwrap().copy_of.as_deref(),
        Some("a")
    );
    let rows: Vec<(&str, Value, ImportError)> = vec![
        ("no version", json!(null), missing(Some(1), "version")),
        ("version not text", json!(7), wrong(Some(1), "version", "text")),
    ];
    for (name, version, error) in rows {
        let mut file = valid_v2();
        match version {
            Value::Null => {
                file["notes"][0].as_object_mut().unwrap().remove("version");
            }
            v => file["notes"][0]["version"] = v,
        }
        assert_eq!(read_import(&file.to_string()), Err(error), "{name}");
    }
    let mut file = valid_v2();
    file["notes"][0]["version"] = json!("not a version");
    assert!(
        matches!(
            read_import(&file.to_string()),
            Err(ImportError::BadNote { note: 1, .. })
        ),
        "a malformed version"
    );
    file = valid_v2();
    file["notes"][0]["ancestry"] = json!(["a"]);
    assert_eq!(
        read_import(&file.to_string()),
        Err(wrong(Some(1), "ancestry", "text"))
    );
}

/// Note `id` at `version` (`"id"` or `"id.rev"`), naming `ancestry`, with `learnt` text.
fn reflection(id: &str, learnt: &str, version: &str, ancestry: &[&str]) -> Note {
    let body = NoteBody::Reflection(Reflection {
        activity: "Act".into(),
        when: "2024".into(),
        learnt: learnt.into(),
        practice_change: "P".into(),
        peer_reflection: None,
    });
    let mut note = Note::new(id, body, 1, Version::parse(version).unwrap());
    note.lineage.ancestry = ancestry.iter().map(|v| Version::parse(v).unwrap()).collect();
    note
}

#[test]
fn export_is_self_describing_and_newest_first() {
    let mut old = Note::new("old", free("old"), 1, Version::new("v1"));
    old.updated_at = 1;
    let mut new = Note::new("new", free("new"), 9, Version::new("v2"));
    new.lineage.ancestry = vec![Version::new("v0")];
    let notes: Notes = [old, new].into_iter().collect();
    let file: Value = serde_json::from_str(&export(&notes, "2024-05-01T12:00:00Z").unwrap()).unwrap();
    assert_eq!(file["type"], "safeguarding-toolkit-notes");
    assert_eq!(file["version"], 2);
    assert_eq!(file["exported_at"], "2024-05-01T12:00:00Z");
    assert_eq!(file["notes"][0]["id"], "new");
    assert_eq!(file["notes"][0]["version"], "v2");
    assert_eq!(file["notes"][0]["ancestry"], "v0");
    assert_eq!(file["notes"][1]["kind"], "free-form");
}

#[test]
fn export_then_import_into_a_clean_profile_gives_the_same_notes() {
    let raw = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/notes-schema-1.json"),
    )
    .unwrap();
    let mut original = NotesStore::load(MemoryKv::with_entries([(NOTES_KEY, raw.as_str())]), 1);
    let file = original.export("2024-05-01T12:00:00Z").unwrap();

    let mut clean = NotesStore::load(MemoryKv::new(), 2);
    let import = read_import(&file).unwrap();
    let plan = plan(clean.notes(), &import);
    assert_eq!(
        plan.counts,
        ImportCounts {
            added: 9,
            ..ImportCounts::default()
        }
    );
    assert_eq!(clean.import(&plan).unwrap().added, 9);
    clean.save().unwrap();
    let reopened = NotesStore::load(clean.kv().clone(), 3);
    let bodies = |store: &NotesStore<MemoryKv>| {
        store
            .notes()
            .iter()
            .map(|n| (n.id.clone(), n.body.clone(), n.version().clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(bodies(&reopened), bodies(&original));
}

#[test]
fn plan_counts_every_case_and_applying_twice_adds_no_duplicates() {
    let mut current: Notes = [
        reflection("same", "x", "v1", &[]),
        reflection("ours-newer", "ours", "v2", &["v1"]),
        reflection("file-newer", "old", "v1", &[]),
        reflection("both", "ours", "v8", &["v1"]),
        reflection("gone", "deleted words", "v1", &[]),
        reflection("gone-then-changed", "deleted words", "v1", &[]),
    ]
    .into_iter()
    .collect();
    current.remove("gone", 10, 1);
    current.remove("gone-then-changed", 10, 1);
    let file_notes: Notes = [
        reflection("same", "x", "v1", &[]),
        reflection("ours-newer", "older", "v1", &[]),
        reflection("file-newer", "newer", "v9", &["v1"]),
        reflection("both", "theirs", "v9", &["v1"]),
        reflection("new", "added", "v3", &[]),
        reflection("gone", "deleted words", "v1", &[]),
        reflection("gone-then-changed", "changed elsewhere", "v5", &["v1"]),
    ]
    .into_iter()
    .collect();
    let file = export(&file_notes, "2024-05-01T12:00:00Z").unwrap();
    let import = read_import(&file).unwrap();
    let plan = plan(&current, &import);
    let expected = ImportCounts {
        added: 1,
        updated: 1,
        kept_both: 1,
        unchanged: 1,
        skipped: 1,
        deleted_here: 1,
        added_back: 1,
    };
    assert_eq!(plan.counts, expected);
    let action = |id: &str| plan.items.iter().find(|i| i.note.id == id).unwrap().action;
    assert_eq!(action("both"), ImportAction::KeepBoth);
    assert_eq!(action("ours-newer"), ImportAction::Skip);
    assert_eq!(action("gone"), ImportAction::DeletedHere);
    assert_eq!(action("gone-then-changed"), ImportAction::AddedBack);

    let mut notes = current.clone();
    let (counts, changed) = plan.apply(&mut notes);
    assert_eq!(counts, expected);
    assert_eq!(changed.len(), 4);
    assert_eq!(notes.len(), 7);
    assert_eq!(
        notes.get("file-newer").unwrap(),
        import.notes.get("file-newer").unwrap()
    );
    assert_eq!(
        notes.get("ours-newer").unwrap(),
        current.get("ours-newer").unwrap()
    );
    assert_eq!(notes.get("both").unwrap(), current.get("both").unwrap());
    assert!(notes.get("gone").is_none(), "a deleted version never comes back");
    assert_eq!(
        notes.get("both~v9").unwrap().body,
        import.notes.get("both").unwrap().body
    );
    let (again, _) = plan.apply(&mut notes);
    assert_eq!(again.changes(), 0, "{again:?}");
    assert_eq!(notes.len(), 7);
}

#[test]
fn finding_11_a_file_that_only_claims_to_follow_a_note_cannot_overwrite_it() {
    // Under schema 1 a note written here at time 200 and a file note whose history named 200
    // (another device's different edit at the same clock time) replaced the text here.
    let mut store = NotesStore::load(MemoryKv::new(), 1);
    store.put("a", free("mine, written here"), 200).unwrap();
    store.save().unwrap();
    let file = r#"{"type":"safeguarding-toolkit-notes","version":1,"exported_at":"x","notes":[{"id":"a","created_at":200,"updated_at":300,"history":[200],"kind":"free-form","title":"","text":"theirs"}]}"#;
    let p = plan(store.notes(), &read_import(file).unwrap());
    assert_eq!(p.counts.kept_both, 1, "{:?}", p.counts);
    store.import(&p).unwrap();
    store.save().unwrap();
    let texts: Vec<String> = NotesStore::load(store.kv().clone(), 2)
        .notes()
        .iter()
        .map(|n| match &n.body {
            NoteBody::Free(f) => f.text.clone(),
            _ => String::new(),
        })
        .collect();
    assert!(
        texts.contains(&"mine, written here".to_string()) && texts.contains(&"theirs".to_string()),
        "{texts:?}"
    );
}

#[test]
fn a_delete_all_is_honoured_by_every_later_import() {
    let mut store = NotesStore::load(MemoryKv::new(), 1);
    store.put("a", free("one"), 1).unwrap();
    store.put("b", free("two"), 2).unwrap();
    store.save().unwrap();
    let before = store.export("t0").unwrap();
    store.delete_all(5).unwrap();
    store.save().unwrap();
    let mut later = NotesStore::load(store.kv().clone(), 2);
    let p = plan(later.notes(), &read_import(&before).unwrap());
    assert_eq!(p.counts.deleted_here, 2, "{:?}", p.counts);
    later.import(&p).unwrap();
    later.save().unwrap();
    assert!(NotesStore::load(later.kv().clone(), 3).notes().is_empty());
}

#[test]
fn notes_travel_between_devices_and_the_newer_edit_wins() {
    let mut laptop = NotesStore::load(MemoryKv::new(), 1);
    laptop.put("r", free("first"), 100).unwrap();
    let file = laptop.export("t1").unwrap();

    let mut phone = NotesStore::load(MemoryKv::new(), 2);
    let first = plan(phone.notes(), &read_import(&file).unwrap());
    phone.import(&first).unwrap();
    phone.put("r", free("edited on the phone"), 200).unwrap();
    let back = phone.export("t2").unwrap();

    let home = plan(laptop.notes(), &read_import(&back).unwrap());
    assert_eq!(home.counts.updated, 1, "{:?}", home.counts);
    laptop.import(&home).unwrap();
    assert_eq!(laptop.notes().get("r").unwrap().body, free("edited on the phone"));

    // Now both change it: importing keeps both.
    laptop.put("r", free("laptop again"), 300).unwrap();
    phone.put("r", free("phone again"), 301).unwrap();
    let clash = plan(
        laptop.notes(),
        &read_import(&phone.export("t3").unwrap()).unwrap(),
    );
    assert_eq!(clash.counts.kept_both, 1, "{:?}", clash.counts);
    // And an older copy coming back is skipped.
    let stale = plan(laptop.notes(), &read_import(&back).unwrap());
    assert_eq!(stale.counts.skipped, 1, "{:?}", stale.counts);
}

#[test]
fn importing_into_read_only_notes_is_refused() {
    let mut store = NotesStore::load(MemoryKv::with_entries([(NOTES_KEY, "{broken")]), 1);
    let plan = plan(store.notes(), &read_import(&valid().to_string()).unwrap());
    assert_eq!(store.import(&plan), Err(EditError::ReadOnly));
    assert!(store.notes().is_empty());
}
