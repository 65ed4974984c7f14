//! Host tests for the stored form of notes: each entry's round trip, the storage keys, the main
//! key's schema, and a fixture for every schema ever shipped that still loads.

use safeguarding_toolkit::domain::kv::MemoryKv;
use safeguarding_toolkit::domain::notes::{
    decode_meta, decode_note, decode_tombstone, encode_note, encode_tombstone, gone_key, note_key, parse_key,
    BriefNote, FreeNote, Health, Lineage, Meta, NextStepTick, Note, NoteBody, NoteKind, NotesStore,
    Reflection, TeamDiscussion, Tombstone, Version, CURRENT_SCHEMA,
};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn fixture(schema: u32) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("notes-schema-{schema}.json"));
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: every schema needs a fixture ({e})", path.display()))
}

/// Storage as a fixture of schema 2 or later holds it: every key and its value.
fn storage(raw: &str) -> MemoryKv {
    let map: std::collections::BTreeMap<String, String> = serde_json::from_str(raw).unwrap();
    MemoryKv::with_entries(map.iter().map(|(k, v)| (k.as_str(), v.as_str())))
}

fn one_of_each() -> Vec<Note> {
    let bodies = [
        NoteBody::Brief(BriefNote {
            brief_id: "child-b".into(),
            theme_id: Some("voice-of-the-child".into()),
            text: "<img src=x onerror=alert(1)>".into(),
        }),
        NoteBody::Reflection(Reflection {
            activity: "Read a brief".into(),
            when: "2024-01-02".into(),
            learnt: "Line one\nline two \u{1F600}".into(),
            practice_change: "Ask more.".into(),
            peer_reflection: None,
        }),
        NoteBody::Free(FreeNote {
            title: "\"Quoted\" & <b>bold</b>".into(),
            text: String::new(),
        }),
        NoteBody::NextStep(NextStepTick {
            brief_id: "child-b".into(),
            step: 3,
            done_on: "2024-01-03".into(),
            what_i_did: Some("Shared it".into()),
        }),
        NoteBody::Team(TeamDiscussion {
            brief_id: "child-b".into(),
            date: "2024-01-04".into(),
            agreed: None,
        }),
    ];
    bodies
        .into_iter()
        .enumerate()
        .map(|(i, body)| {
            let mut note = Note::new(
                format!("id-{i}"),
                body,
                1_000 + i as u64,
                Version::new("abcd1234"),
            );
            note.lineage = Lineage {
                version: Version {
                    id: "abcd1234".into(),
                    rev: i as u32,
                },
                ancestry: vec![
                    Version::new("0000zzzz"),
                    Version {
                        id: "1111yyyy".into(),
                        rev: 9,
                    },
                ],
            };
            note.copy_of = (i == 2).then(|| "id-0".to_string());
            note
        })
        .collect()
}

#[test]
fn every_kind_of_note_reads_back_as_written() {
    for note in one_of_each() {
        let raw = encode_note(&note).unwrap();
        assert_eq!(decode_note(&raw), Ok(note.clone()), "{raw}");
        assert_eq!(encode_note(&note).unwrap(), raw, "encoding is stable");
    }
    let record = Tombstone {
        id: "gone".into(),
        deleted: vec![Version {
            id: "abcd1234".into(),
            rev: 2,
        }],
        older: vec![Version::new("0000zzzz")],
        at: 5,
        seq: 3,
    };
    assert_eq!(decode_tombstone(&encode_tombstone(&record).unwrap()), Ok(record));
}

#[test]
fn keys_name_the_version_and_the_note() {
    let v = Version {
        id: "abcd1234".into(),
        rev: 3,
    };
    for id in ["n1-abc", "n1~abcd1234", "a/b.c", "x"] {
        assert_eq!(parse_key(&note_key(id, &v)), Some((true, id, v.clone())), "{id}");
        assert_eq!(parse_key(&gone_key(id, &v)), Some((false, id, v.clone())), "{id}");
    }
    assert_eq!(note_key("n1", &v), "safeguarding-toolkit.note.abcd1234.3/n1");
    assert_eq!(
        gone_key("n1", &Version::new("abcd1234")),
        "safeguarding-toolkit.gone.abcd1234/n1"
    );
    for other in [
        "safeguarding-toolkit.notes",
        "safeguarding-toolkit.notes.backup.1",
        "safeguarding-toolkit.note.noslash",
        "safeguarding-toolkit.note.bad version/n1",
        "filler",
    ] {
        assert_eq!(parse_key(other), None, "{other}");
    }
}

#[test]
fn versions_are_written_and_read_back() {
    let rows = [
        ("abcd1234", Some(("abcd1234", 0))),
        ("abcd1234.12", Some(("abcd1234", 12))),
        ("@lq2x9k0a", Some(("@lq2x9k0a", 0))),
        ("", None),
        ("a.b", None),
        ("a b", None),
        ("a/b", None),
    ];
    for (text, expected) in rows {
        let parsed = Version::parse(text);
        assert_eq!(
            parsed.as_ref().map(|v| (v.id.as_str(), v.rev)),
            expected,
            "{text:?}"
        );
        if let Some(v) = parsed {
            assert_eq!(v.to_string(), text);
        }
    }
}

#[test]
fn the_main_key_says_which_schema_and_nothing_else() {
    assert_eq!(decode_meta(None), Meta::Empty);
    assert_eq!(decode_meta(Some(r#"{"schema":2}"#)), Meta::Current);
    assert_eq!(
        decode_meta(Some(r#"{"schema":99,"anything":"else"}"#)),
        Meta::Newer { schema: 99 }
    );
    assert!(matches!(decode_meta(Some(&fixture(1))), Meta::SchemaOne { .. }));
    let check = |raw: &str, reason_has: &str| match decode_meta(Some(raw)) {
        Meta::Corrupt { reason } => assert!(
            reason.contains(reason_has),
            "{raw:?}: {reason:?} lacks {reason_has:?}"
        ),
        other => panic!("{raw:?} decoded as {other:?}"),
    };
    check("", "not valid JSON");
    check("{\"schema\":1,\"notes\":[", "not valid JSON");
    check("[1,2,3]", "not a JSON object");
    check("null", "not a JSON object");
    check("{}", "no schema number");
    check(r#"{"schema":"1","notes":[]}"#, "not a whole number");
    check(r#"{"schema":1.5}"#, "not a whole number");
    check(r#"{"schema":0,"notes":[]}"#, "schema number is 0");
    check(r#"{"schema":1}"#, "not in the expected shape");
    check(
        r#"{"schema":1,"notes":[{"id":"a"}]}"#,
        "not in the expected shape",
    );
    check(
        r#"{"schema":1,"notes":[{"id":"a","created_at":1,"updated_at":1,"kind":"poem","text":""}]}"#,
        "not in the expected shape",
    );
    check(
        r#"{"schema":1,"notes":[{"id":"a","created_at":1,"updated_at":1,"kind":"free-form","title":"","text":""},{"id":"a","created_at":2,"updated_at":2,"kind":"free-form","title":"","text":""}]}"#,
        "same id \"a\"",
    );
}

#[test]
fn unreadable_entries_say_why() {
    let check = |raw: &str, reason_has: &str| {
        let reason = decode_note(raw).unwrap_err();
        assert!(reason.contains(reason_has), "{raw:?}: {reason:?}");
    };
    check("{", "not valid JSON");
    check(r#"{"id":"a"}"#, "not in the expected shape");
    check(
        r#"{"id":"a","version":"no good","created_at":1,"updated_at":1,"kind":"free-form","title":"","text":""}"#,
        "version \"no good\"",
    );
    check(
        r#"{"id":"a","version":"v1","ancestry":"x.y","created_at":1,"updated_at":1,"kind":"free-form","title":"","text":""}"#,
        "ancestry",
    );
    assert!(decode_tombstone(r#"{"id":"a","deleted":"","at":1,"seq":1}"#).is_err());
    assert!(decode_tombstone(r#"{"id":"a","deleted":"v1","at":1,"seq":1,"text":"no"}"#).is_err());
}

#[test]
fn every_schema_ever_shipped_has_a_fixture_that_still_loads() {
    for schema in 1..=CURRENT_SCHEMA {
        let raw = fixture(schema);
        let kv = if schema == 1 {
            MemoryKv::with_entries([(safeguarding_toolkit::domain::notes::NOTES_KEY, raw.as_str())])
        } else {
            storage(&raw)
        };
        let store = NotesStore::load(kv, 1);
        assert_eq!(store.health(), &Health::Ready, "schema {schema}");
        let kinds: BTreeSet<NoteKind> = store.notes().iter().map(Note::kind).collect();
        assert_eq!(
            kinds.len(),
            NoteKind::ALL.len(),
            "schema {schema} fixture lacks a kind"
        );
    }
}

#[test]
fn schema_1_fixture_reads_field_by_field() {
    let store = NotesStore::load(
        MemoryKv::with_entries([(
            safeguarding_toolkit::domain::notes::NOTES_KEY,
            fixture(1).as_str(),
        )]),
        1,
    );
    let notes = store.notes();
    assert_eq!(notes.len(), 9);
    let theme = notes.get("n-brief-theme").unwrap();
    assert_eq!(theme.version(), &Version::legacy(1_700_000_300_000));
    assert_eq!(
        theme.body,
        NoteBody::Brief(BriefNote {
            brief_id: "child-b".into(),
            theme_id: Some("professional-curiosity".into()),
            text: "Ask one more question.\nThen another.".into(),
        })
    );
    let NoteBody::Brief(whole) = &notes.get("n-brief-whole").unwrap().body else {
        panic!("brief note");
    };
    assert_eq!(whole.theme_id, None);
    assert!(whole.text.contains("<img src=x onerror=alert(1)>"));
    let NoteBody::NextStep(step) = &notes.get("n-step-2").unwrap().body else {
        panic!("next step");
    };
    assert_eq!((step.step, step.what_i_did.as_deref()), (2, None));
}

#[test]
fn schema_2_fixture_reads_versions_ancestry_and_deletions() {
    let store = NotesStore::load(storage(&fixture(2)), 1);
    let notes = store.notes();
    assert_eq!(notes.len(), 6);
    let edited = notes.get("n-brief-theme").unwrap();
    assert_eq!(
        edited.lineage.ancestry.len(),
        1,
        "a second sitting names the first"
    );
    assert_eq!(
        notes.get("n-free").unwrap().version().rev,
        1,
        "a second save of one sitting"
    );
    assert!(notes.get("n-gone").is_none());
    assert!(notes.tombstone("n-gone").is_some(), "the deletion is remembered");
    let NoteBody::Reflection(r) = &notes.get("n-reflection").unwrap().body else {
        panic!("reflection");
    };
    assert_eq!(r.learnt, "Écoute — listen first. \u{1F600}");
}

#[test]
fn the_quick_reading_of_a_note_agrees_with_the_full_reader() {
    use safeguarding_toolkit::domain::notes::quick_read;
    use safeguarding_toolkit::domain::notes::stored::v2::StoredNote;
    use serde_json::{json, Value};
    let fields = [
        "id",
        "version",
        "ancestry",
        "created_at",
        "updated_at",
        "copy_of",
        "kind",
        "brief_id",
        "theme_id",
        "text",
        "activity",
        "when",
        "learnt",
        "practice_change",
        "peer_reflection",
        "title",
        "step",
        "done_on",
        "what_i_did",
        "date",
        "agreed",
        "history",
    ];
    let odd = [
        json!(null),
        json!(5),
        json!(-1),
        json!(1.5),
        json!(4_294_967_296u64),
        json!("x"),
        json!("0000zzzz"),
        json!("reflection"),
        json!([]),
        json!({}),
    ];
    let mut values: Vec<String> = Vec::new();
    for note in one_of_each() {
        let mut with_copy = note.clone();
        with_copy.copy_of = Some("other".into());
        for whole in [note, with_copy] {
            let raw = encode_note(&whole).unwrap();
            let object: Value = serde_json::from_str(&raw).unwrap();
            values.push(raw.clone());
            // Each field left out, or given each odd value.
            for field in fields {
                let mut without = object.clone();
                without.as_object_mut().unwrap().remove(field);
                values.push(without.to_string());
                for value in &odd {
                    let mut changed = object.clone();
                    changed[field] = value.clone();
                    values.push(changed.to_string());
                }
            }
            // A field twice, and text that is not a whole object.
            values.push(raw.replacen('{', "{\"id\":\"twice\",", 1));
            values.push(raw.replacen('{', "{\"text\":\"twice\",", 1));
            values.push(raw[..raw.len() - 1].to_string());
            values.push(format!("[{raw}]"));
        }
    }
    let mut quick = 0;
    for raw in &values {
        let full = serde_json::from_str::<StoredNote>(raw);
        if let Some(read) = quick_read::read(raw) {
            quick += 1;
            assert_eq!(full.as_ref().ok(), Some(&read), "{raw}");
        }
    }
    // The quick reading is taken for every well-formed note, or it saves nothing.
    for note in one_of_each() {
        assert!(quick_read::read(&encode_note(&note).unwrap()).is_some());
    }
    assert!(quick > values.len() / 3, "{quick} of {}", values.len());
}
