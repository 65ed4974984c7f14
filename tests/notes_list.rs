//! Host tests for the notes page's list: order, search, filters, next-step progress, counts and
//! headlines.

use safeguarding_toolkit::domain::notes::{
    BriefNote, Filter, FreeNote, NextStepTick, Note, NoteBody, NoteKind, Notes, Progress, Reflection,
    TeamDiscussion, Version, PRIVACY_POINTS,
};

fn brief(brief_id: &str, theme: Option<&str>, text: &str) -> NoteBody {
    NoteBody::Brief(BriefNote {
        brief_id: brief_id.into(),
        theme_id: theme.map(Into::into),
        text: text.into(),
    })
}

fn tick(brief_id: &str, step: u32) -> NoteBody {
    NoteBody::NextStep(NextStepTick {
        brief_id: brief_id.into(),
        step,
        done_on: "2024-02-01".into(),
        what_i_did: None,
    })
}

fn sample() -> Notes {
    let reflection = NoteBody::Reflection(Reflection {
        activity: "Read the Child B brief".into(),
        when: "2024-01-10".into(),
        learnt: "Professional CURIOSITY matters".into(),
        practice_change: "Ask why".into(),
        peer_reflection: Some("My supervisor said to check history".into()),
    });
    let team = NoteBody::Team(TeamDiscussion {
        brief_id: "child-b".into(),
        date: "2024-01-20".into(),
        agreed: Some("Use the checklist".into()),
    });
    let free = NoteBody::Free(FreeNote {
        title: "Reading".into(),
        text: "Working Together".into(),
    });
    [
        Note::new("r", reflection, 30, Version::new("v")),
        Note::new(
            "b1",
            brief("child-b", Some("curiosity"), "Think about curiosity"),
            10,
            Version::new("v"),
        ),
        Note::new(
            "b2",
            brief("child-b", None, "Whole brief note"),
            20,
            Version::new("v"),
        ),
        Note::new(
            "b3",
            brief("thematic", Some("curiosity"), "Other brief"),
            25,
            Version::new("v"),
        ),
        Note::new("t", team, 40, Version::new("v")),
        Note::new("f", free, 50, Version::new("v")),
        Note::new("s0", tick("child-b", 0), 60, Version::new("v")),
        Note::new("s2", tick("child-b", 2), 70, Version::new("v")),
    ]
    .into_iter()
    .collect()
}

fn ids(notes: Vec<&Note>) -> Vec<&str> {
    notes.into_iter().map(|n| n.id.as_str()).collect()
}

#[test]
fn notes_list_newest_first() {
    let notes = sample();
    assert_eq!(
        ids(notes.list(&Filter::default())),
        ["s2", "s0", "f", "t", "r", "b3", "b2", "b1"]
    );
}

#[test]
fn search_and_filters() {
    let notes = sample();
    let check = |filter: Filter, expected: &[&str]| {
        assert_eq!(ids(notes.list(&filter)), expected, "{filter:?}");
    };
    let query = |q: &str| Filter {
        query: q.into(),
        ..Filter::default()
    };
    check(query("curiosity"), &["r", "b1"]);
    check(query("  CURIOSITY  "), &["r", "b1"]);
    check(query("supervisor"), &["r"]);
    check(query("child-b"), &[]); // ids are not searched
    check(query("child b"), &["r"]);
    check(query("think curiosity"), &["b1"]);
    check(query("checklist"), &["t"]);
    check(query("nothing like this"), &[]);
    let by_brief = Filter {
        brief_id: Some("child-b".into()),
        ..Filter::default()
    };
    check(by_brief.clone(), &["s2", "s0", "t", "b2", "b1"]);
    check(
        Filter {
            kind: Some(NoteKind::Brief),
            ..by_brief
        },
        &["b2", "b1"],
    );
    check(
        Filter {
            theme_id: Some("curiosity".into()),
            ..Filter::default()
        },
        &["b3", "b1"],
    );
    check(
        Filter {
            kind: Some(NoteKind::Reflection),
            ..Filter::default()
        },
        &["r"],
    );
}

#[test]
fn next_step_progress_counts_each_step_once() {
    let mut notes = sample();
    notes.insert(Note::new("dup", tick("child-b", 2), 80, Version::new("v")));
    notes.insert(Note::new("beyond", tick("child-b", 9), 80, Version::new("v")));
    let progress = notes.progress("child-b", 4);
    assert_eq!(progress, Progress { done: 2, total: 4 });
    assert_eq!(progress.to_string(), "2 of 4 next steps done");
    assert_eq!(notes.progress("thematic", 1).to_string(), "0 of 1 next step done");
    assert_eq!(notes.tick("child-b", 2).unwrap().id, "dup");
    assert!(notes.tick("child-b", 1).is_none());
}

#[test]
fn a_step_ticked_several_times_gives_the_tick_listed_first() {
    // Ticks at every mix of equal and different times: `tick` finds what the list shows first.
    let mut notes = Notes::new();
    for (i, (made, changed)) in [(5, 9), (5, 9), (7, 9), (9, 9), (1, 3), (8, 2)]
        .into_iter()
        .enumerate()
    {
        let mut note = Note::new(format!("t{}", 9 - i), tick("child-b", 1), made, Version::new("v"));
        note.updated_at = changed;
        notes.insert(note);
        let listed = notes
            .newest_first()
            .into_iter()
            .find(|n| n.body == tick("child-b", 1));
        assert_eq!(notes.tick("child-b", 1).map(|n| &n.id), listed.map(|n| &n.id));
    }
    assert_eq!(notes.tick("child-b", 1).unwrap().id, "t6");
}

#[test]
fn counts_say_what_delete_everything_will_remove() {
    let notes = sample();
    assert_eq!(notes.counts().total(), 8);
    assert_eq!(
        notes.counts().to_string(),
        "3 notes on briefs, 1 reflection, 1 other note, 2 next steps ticked and 1 team discussion"
    );
    assert_eq!(Notes::new().counts().to_string(), "no notes");
}

#[test]
fn headlines_are_one_short_line() {
    let long = format!("\n  {}\nsecond line", "word ".repeat(40));
    let headline = brief("b", None, &long).headline();
    assert!(
        headline.ends_with('…') && headline.chars().count() <= 80,
        "{headline}"
    );
    assert!(!headline.contains('\n'));
    assert_eq!(
        sample().get("r").unwrap().body.headline(),
        "Read the Child B brief"
    );
    assert_eq!(tick("b", 0).headline(), "2024-02-01");
}

#[test]
fn the_privacy_notice_covers_each_point() {
    let all = PRIVACY_POINTS.join(" ");
    for needle in [
        "this device",
        "Anyone",
        "deletes them",
        "Export",
        "identify a child",
    ] {
        assert!(all.contains(needle), "{needle}");
    }
}
