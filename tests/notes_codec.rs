//! Host tests for the notes envelope: round trips, every shipped schema's fixture, migrations,
//! and corrupt or newer values.

use safeguarding_toolkit::domain::notes::{
    decode, encode, BriefNote, Decoded, FreeNote, NextStepTick, Note, NoteBody, NoteKind, Notes, Reflection,
    TeamDiscussion, CURRENT_SCHEMA, MIGRATIONS,
};
use std::path::PathBuf;

fn fixture_path(schema: u32) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(format!("notes-schema-{schema}.json"))
}

fn one_of_each() -> Notes {
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
            let mut note = Note::new(format!("id-{i}"), body, 1_000 + i as u64);
            note.updated_at += 10;
            note.history = vec![1_000 + i as u64];
            note
        })
        .collect()
}

#[test]
fn encode_then_decode_gives_the_same_notes() {
    let notes = one_of_each();
    let raw = encode(&notes).unwrap();
    assert_eq!(decode(Some(&raw)), Decoded::Current(notes));
}

#[test]
fn encoding_is_stable_so_unchanged_notes_give_the_same_string() {
    let notes = one_of_each();
    assert_eq!(encode(&notes).unwrap(), encode(&notes.clone()).unwrap());
}

#[test]
fn nothing_stored_is_empty() {
    assert_eq!(decode(None), Decoded::Empty);
    assert_eq!(
        decode(Some(r#"{"schema":1,"notes":[]}"#)),
        Decoded::Current(Notes::new())
    );
}

#[test]
fn there_is_one_migration_for_each_schema_after_the_first() {
    // Bumping CURRENT_SCHEMA without adding a migration fails here.
    assert_eq!(MIGRATIONS.len(), CURRENT_SCHEMA as usize - 1);
}

#[test]
fn every_schema_ever_shipped_has_a_fixture_that_still_loads() {
    for schema in 1..=CURRENT_SCHEMA {
        let path = fixture_path(schema);
        let raw = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{}: every schema needs a fixture ({e})", path.display()));
        let notes = match decode(Some(&raw)) {
            Decoded::Current(notes) if schema == CURRENT_SCHEMA => notes,
            Decoded::Migrated { from, notes } if from == schema => notes,
            other => panic!("schema {schema} fixture decoded as {other:?}"),
        };
        let kinds: std::collections::BTreeSet<NoteKind> = notes.iter().map(Note::kind).collect();
        assert_eq!(
            kinds.len(),
            NoteKind::ALL.len(),
            "schema {schema} fixture lacks a kind"
        );
    }
}

#[test]
fn schema_1_fixture_reads_field_by_field() {
    let raw = std::fs::read_to_string(fixture_path(1)).unwrap();
    let Decoded::Current(notes) = decode(Some(&raw)) else {
        panic!("schema 1 is current");
    };
    assert_eq!(notes.len(), 9);
    let theme = notes.get("n-brief-theme").unwrap();
    assert_eq!(theme.history, vec![1_700_000_200_000]);
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
    // Encoding what was read and reading it again changes nothing.
    assert_eq!(decode(Some(&encode(&notes).unwrap())), Decoded::Current(notes));
}

#[test]
fn unreadable_values_are_corrupt_with_a_reason() {
    let check = |raw: &str, reason_has: &str| match decode(Some(raw)) {
        Decoded::Corrupt { reason } => {
            assert!(
                reason.contains(reason_has),
                "{raw:?}: {reason:?} lacks {reason_has:?}"
            )
        }
        other => panic!("{raw:?} decoded as {other:?}"),
    };
    check("", "not valid JSON");
    check("{\"schema\":1,\"notes\":[", "not valid JSON");
    check("not json at all", "not valid JSON");
    check("[1,2,3]", "not a JSON object");
    check("\"text\"", "not a JSON object");
    check("null", "not a JSON object");
    check("{}", "no schema number");
    check(r#"{"notes":[]}"#, "no schema number");
    check(r#"{"schema":"1","notes":[]}"#, "not a whole number");
    check(r#"{"schema":1.5,"notes":[]}"#, "not a whole number");
    check(r#"{"schema":-1,"notes":[]}"#, "not a whole number");
    check(r#"{"schema":0,"notes":[]}"#, "schema number is 0");
    check(r#"{"schema":1}"#, "not in the expected shape");
    check(r#"{"schema":1,"notes":{}}"#, "not in the expected shape");
    check(
        r#"{"schema":1,"notes":[{"id":"a"}]}"#,
        "not in the expected shape",
    );
    check(
        r#"{"schema":1,"notes":[{"id":"a","created_at":"yesterday","updated_at":1,"kind":"free-form","title":"","text":""}]}"#,
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
fn a_newer_schema_is_reported_not_read() {
    for (raw, schema) in [
        (r#"{"schema":2,"notes":[]}"#, 2),
        (r#"{"schema":99,"anything":"else"}"#, 99),
    ] {
        assert_eq!(decode(Some(raw)), Decoded::Newer { schema }, "{raw}");
    }
}

/// A pretend schema 1 kept a free note's text in "body"; pretend schema 2 renamed it "text".
fn rename_body(mut value: serde_json::Value) -> Result<serde_json::Value, String> {
    let notes = value["notes"].as_array_mut().ok_or("no notes list")?;
    for note in notes {
        let note = note.as_object_mut().ok_or("a note is not an object")?;
        if let Some(body) = note.remove("body") {
            note.insert("text".into(), body);
        }
    }
    Ok(value)
}

fn refuse(_: serde_json::Value) -> Result<serde_json::Value, String> {
    Err("refused".into())
}

fn unchanged(value: serde_json::Value) -> Result<serde_json::Value, String> {
    Ok(value)
}

#[test]
fn migrations_run_in_order_from_the_stored_schema() {
    use safeguarding_toolkit::domain::notes::codec::decode_with;
    let old = r#"{"schema":1,"notes":[{"id":"a","created_at":1,"updated_at":2,"kind":"free-form","title":"T","body":"B"}]}"#;
    let Decoded::Migrated { from: 1, notes } = decode_with(Some(old), 3, &[rename_body, unchanged]) else {
        panic!("schema 1 should migrate to 3");
    };
    let expected = NoteBody::Free(FreeNote {
        title: "T".into(),
        text: "B".into(),
    });
    assert_eq!(notes.get("a").unwrap().body, expected);

    // From schema 2 the first step is skipped (it would refuse).
    let middle = old
        .replace("\"schema\":1", "\"schema\":2")
        .replace("body", "text");
    assert!(matches!(
        decode_with(Some(&middle), 3, &[refuse, unchanged]),
        Decoded::Migrated { from: 2, .. }
    ));
    // A failing step makes the value unreadable, with the step named.
    match decode_with(Some(old), 3, &[refuse, unchanged]) {
        Decoded::Corrupt { reason } => assert!(reason.contains("upgraded from schema 1"), "{reason}"),
        other => panic!("{other:?}"),
    }
    // The current schema runs no step at all.
    let current = old
        .replace("\"schema\":1", "\"schema\":3")
        .replace("body", "text");
    assert!(matches!(
        decode_with(Some(&current), 3, &[refuse, refuse]),
        Decoded::Current(_)
    ));
}
