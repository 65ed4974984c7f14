//! Host tests for "My next steps": every brief's next steps against the person's ticks, with
//! ticks the content no longer has kept and shown.

use safeguarding_toolkit::domain::bundle;
use safeguarding_toolkit::domain::content::{Brief, Library};
use safeguarding_toolkit::domain::next_steps::{overview, Done, OrphanTick};
use safeguarding_toolkit::domain::notes::{NextStepTick, Note, NoteBody, Notes, Progress, Version};

/// A brief shaped like the bundled ones, with these next steps.
fn brief(id: &str, steps: &[&str]) -> Brief {
    let mut b = bundle::library().briefs[0].clone();
    b.id = id.into();
    b.title = format!("Brief {id}");
    b.next_steps = steps.iter().map(|s| s.to_string()).collect();
    b
}

fn library() -> Library {
    Library {
        briefs: vec![
            brief("alpha", &["Read", "Ask", "Record", "Share"]),
            brief("no-steps", &[]),
            brief("beta", &["Check"]),
            brief("gamma", &["One", "Two"]),
        ],
        ..Library::default()
    }
}

/// A tick: note id, brief, step from 0, date, what I did, when it changed.
type Tick = (
    &'static str,
    &'static str,
    u32,
    &'static str,
    Option<&'static str>,
    u64,
);

fn notes(ticks: &[Tick]) -> Notes {
    ticks
        .iter()
        .map(|&(id, brief_id, step, on, what, at)| {
            let body = NoteBody::NextStep(NextStepTick {
                brief_id: brief_id.into(),
                step,
                done_on: on.into(),
                what_i_did: what.map(Into::into),
            });
            Note::new(id, body, at, Version::new("v"))
        })
        .collect()
}

/// A table row: the ticks, the briefs started, the briefs not started, steps done in all.
type Row = (
    &'static [Tick],
    &'static [&'static str],
    &'static [&'static str],
    usize,
);

fn done(id: &str, on: &str, what: Option<&str>) -> Done {
    Done {
        note_id: id.into(),
        on: on.into(),
        what_i_did: what.map(Into::into),
    }
}

#[test]
fn briefs_are_split_into_started_and_not_started_in_library_order() {
    let table: &[Row] = &[
        (&[], &[], &["alpha", "beta", "gamma"], 0),
        (
            &[("t1", "gamma", 1, "2026-01-02", None, 1)],
            &["gamma"],
            &["alpha", "beta"],
            1,
        ),
        (
            &[
                ("t1", "gamma", 1, "2026-01-02", None, 1),
                ("t2", "alpha", 3, "2026-01-03", Some("Told the team"), 2),
            ],
            &["alpha", "gamma"],
            &["beta"],
            2,
        ),
        // The same step ticked twice counts once.
        (
            &[
                ("t1", "beta", 0, "2026-01-02", None, 1),
                ("t2", "beta", 0, "2026-01-05", None, 2),
            ],
            &["beta"],
            &["alpha", "gamma"],
            1,
        ),
        // Ticks the content does not have leave every brief not started.
        (
            &[
                ("t1", "gone", 0, "2026-01-02", None, 1),
                ("t2", "beta", 7, "2026-01-02", None, 2),
            ],
            &[],
            &["alpha", "beta", "gamma"],
            0,
        ),
    ];
    let library = library();
    for (ticks, started, not_started, done_in_all) in table {
        let o = overview(&library, &notes(ticks));
        let ids = |list: &[safeguarding_toolkit::domain::next_steps::BriefSteps]| {
            list.iter().map(|b| b.brief_id.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ids(&o.started), *started, "{ticks:?}");
        assert_eq!(ids(&o.not_started), *not_started, "{ticks:?}");
        assert_eq!(
            o.totals(),
            Progress {
                done: *done_in_all,
                total: 7
            },
            "{ticks:?}"
        );
    }
}

#[test]
fn each_step_says_when_and_what_was_done_from_the_newest_tick() {
    let o = overview(
        &library(),
        &notes(&[
            ("old", "alpha", 1, "2026-01-02", Some("First go"), 1),
            ("new", "alpha", 1, "2026-02-03", Some("Second go"), 5),
            ("r", "alpha", 2, "2026-01-04", None, 3),
        ]),
    );
    let alpha = &o.started[0];
    assert_eq!(alpha.title, "Brief alpha");
    assert_eq!(alpha.progress.to_string(), "2 of 4 next steps done");
    let rows: Vec<(usize, &str, Option<Done>)> = alpha
        .steps
        .iter()
        .map(|s| (s.number, s.text.as_str(), s.done.clone()))
        .collect();
    assert_eq!(
        rows,
        vec![
            (1, "Read", None),
            (2, "Ask", Some(done("new", "2026-02-03", Some("Second go")))),
            (3, "Record", Some(done("r", "2026-01-04", None))),
            (4, "Share", None),
        ]
    );
}

#[test]
fn ticks_for_briefs_or_steps_the_content_lacks_are_kept_and_listed() {
    let o = overview(
        &library(),
        &notes(&[
            ("a", "retired-brief", 2, "2025-05-06", Some("Did it"), 1),
            ("b", "beta", 3, "2025-05-07", None, 2),
            ("c", "alpha", 0, "2025-05-08", None, 3),
            ("d", "retired-brief", 0, "2025-05-09", None, 4),
        ]),
    );
    assert_eq!(
        o.orphans,
        vec![
            OrphanTick {
                brief_id: "beta".into(),
                number: 4,
                done: done("b", "2025-05-07", None)
            },
            OrphanTick {
                brief_id: "retired-brief".into(),
                number: 1,
                done: done("d", "2025-05-09", None)
            },
            OrphanTick {
                brief_id: "retired-brief".into(),
                number: 3,
                done: done("a", "2025-05-06", Some("Did it"))
            },
        ]
    );
    // Briefs without next steps are not listed at all.
    assert!(o
        .started
        .iter()
        .chain(&o.not_started)
        .all(|b| b.brief_id != "no-steps"));
}

#[test]
fn the_bundled_briefs_all_appear() {
    let library = bundle::library();
    let o = overview(library, &Notes::new());
    let with_steps = library.briefs.iter().filter(|b| !b.next_steps.is_empty()).count();
    assert!(with_steps > 0);
    assert_eq!(o.not_started.len(), with_steps);
    assert!(o.started.is_empty() && o.orphans.is_empty());
}
