//! Issue 13's finding 5: history alone pushed 5,000 notes past the browser's storage limit.
//! A note's ancestry grows by one a sitting, not one a save, and is cut to a few versions, so
//! 5,000 notes each edited in 40 sittings stay within 10% of their size with no history.

use safeguarding_toolkit::domain::kv::MemoryKv;
use safeguarding_toolkit::domain::notes::{
    BriefNote, FreeNote, NoteBody, NotesStore, Reflection, TeamDiscussion,
};

/// Note `i` as the benchmark makes its 5,000 (`scripts/bench/notes.mjs`): a reflection, a note
/// on a brief, a free note or a team discussion in turn, with the sitting in its text.
fn note(i: usize, sitting: usize) -> NoteBody {
    let words = "look listen record ask check share review plan visit talk family school health police";
    let text = |n: usize| {
        let body: Vec<&str> = words.split(' ').cycle().skip(i % 7).take(n).collect();
        format!("{} {sitting}", body.join(" "))
    };
    match i % 4 {
        0 => NoteBody::Reflection(Reflection {
            activity: format!("Training session {i}"),
            when: "2025-03-14".into(),
            learnt: text(60),
            practice_change: text(40),
            peer_reflection: None,
        }),
        1 => NoteBody::Brief(BriefNote {
            brief_id: "child-b".into(),
            theme_id: None,
            text: text(50),
        }),
        2 => NoteBody::Free(FreeNote {
            title: format!("Note {i}"),
            text: text(50),
        }),
        _ => NoteBody::Team(TeamDiscussion {
            brief_id: "thematic-domestic-abuse".into(),
            date: "2025-03-14".into(),
            agreed: Some(text(20)),
        }),
    }
}

#[test]
fn forty_sittings_of_five_thousand_notes_stay_within_ten_percent() {
    const NOTES: usize = 5_000;
    let mut store = NotesStore::load(MemoryKv::new(), 1);
    for i in 0..NOTES {
        store
            .put(&format!("n{i:05}-abcdefghij"), note(i, 10), 1_700_000_000_000)
            .unwrap();
    }
    store.save().unwrap();
    let plain = store.kv().used_bytes();

    let mut kv = store.kv().clone();
    for sitting in 1..=40 {
        // Each sitting is a page of its own, saved at two pauses in typing.
        let mut page = NotesStore::load(kv, 1_000 + sitting as u64);
        for save in 0..2 {
            for i in 0..NOTES {
                let id = format!("n{i:05}-abcdefghij");
                page.put(&id, note(i, 10 + (sitting * 2 + save) % 90), 1_700_000_000_000)
                    .unwrap();
            }
            page.save().unwrap();
        }
        kv = page.kv().clone();
    }
    let after = kv.used_bytes();
    let percent = (after as f64 / plain as f64 - 1.0) * 100.0;
    println!("{NOTES} notes: {plain} bytes with no history, {after} after 40 sittings ({percent:.1}% more)");
    assert!(
        after * 10 <= plain * 11,
        "{plain} bytes with no history, {after} after 40 sittings"
    );
}
