//! Tests for the guide model, its build check and the engine, on the bundled guides and on small
//! hand-built guides that each break one rule.

use std::collections::BTreeSet;

use safeguarding_toolkit::domain::guide::{
    check_guide, Choice, Citation, Framework, Guide, Outcome, OverviewStep, Question, Timescale, Unit,
};
use safeguarding_toolkit::domain::guide_walk::{
    all_paths, bundled_guide, bundled_guides, deadlines, encode_answers, parse_answers, walk, Stale, Step,
};
use safeguarding_toolkit::domain::workdays::{Date, OutOfRange};

const SOURCES: &[&str] = &["000", "001", "002", "003", "004"];

fn answers(value: &str) -> Vec<String> {
    parse_answers(value)
}

fn review_guide() -> &'static Guide {
    bundled_guide("review-threshold").expect("the review-threshold guide is bundled")
}

fn date(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

// ---------------------------------------------------------------------------------------------
// The bundled guides

#[test]
fn every_bundled_guide_passes_its_check() {
    assert!(!bundled_guides().is_empty());
    for guide in bundled_guides() {
        assert_eq!(
            check_guide(guide, SOURCES),
            Vec::<(String, String)>::new(),
            "{}",
            guide.id
        );
    }
}

#[test]
fn every_path_ends_in_an_outcome_and_every_node_is_reached() {
    for guide in bundled_guides() {
        let paths = all_paths(guide);
        let mut reached = BTreeSet::new();
        for (path, end) in &paths {
            let outcome = guide
                .outcome(end)
                .unwrap_or_else(|| panic!("{path:?} ends at `{end}`, not an outcome"));
            match walk(guide, path) {
                Ok(Step::Check {
                    answers,
                    outcome: got,
                }) => {
                    assert_eq!(got.id, outcome.id);
                    assert_eq!(answers.len(), path.len());
                }
                other => panic!("{path:?} walks to {other:?}"),
            }
            for n in 0..path.len() {
                match walk(guide, &path[..n]) {
                    Ok(Step::Question { question, answered }) => {
                        assert_eq!(answered, n);
                        reached.insert(question.id.as_str());
                    }
                    other => panic!("{:?} walks to {other:?}", &path[..n]),
                }
            }
            reached.insert(end.as_str());
        }
        for id in guide
            .questions
            .iter()
            .map(|q| &q.id)
            .chain(guide.outcomes.iter().map(|o| &o.id))
        {
            assert!(reached.contains(id.as_str()), "`{id}` is never reached");
        }
    }
}

#[test]
fn every_outcome_cites_a_bundled_source_and_names_the_safeguarding_partners() {
    for guide in bundled_guides() {
        for outcome in &guide.outcomes {
            assert!(
                outcome.citations.iter().any(|c| c.source.is_some()),
                "{}",
                outcome.id
            );
            assert!(
                outcome
                    .who_decides
                    .iter()
                    .any(|t| t.contains("safeguarding partners")),
                "{}",
                outcome.id
            );
        }
    }
}

#[test]
fn the_review_guide_has_the_expected_shape() {
    let guide = review_guide();
    assert!(
        (4..=8).contains(&guide.questions.len()),
        "{} questions",
        guide.questions.len()
    );
    assert!(
        (6..=10).contains(&guide.outcomes.len()),
        "{} outcomes",
        guide.outcomes.len()
    );
    let step_ids: Vec<&str> = guide.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        step_ids,
        [
            "notification",
            "rapid-review",
            "review",
            "publication",
            "dissemination"
        ]
    );
    for q in &guide.questions {
        for c in q.options.iter().filter(|c| c.is_dont_know()) {
            assert_eq!(c.label, "I don't know", "{}", q.id);
        }
    }
    // Every review route in the sources has an outcome.
    for id in [
        "serious-case",
        "death-in-custody-or-suicide",
        "child-death-review",
        "multi-agency-learning-review",
        "internal-learning-review",
        "single-agency-review",
        "local-learning-review",
        "audit",
        "appreciative-inquiry",
        "other-processes",
    ] {
        assert!(guide.outcome(id).is_some(), "no outcome `{id}`");
    }
}

/// One walk case: the `a=` value, and the outcome reached (or the question asked next).
#[test]
fn answers_lead_where_the_sources_say() {
    let cases = [
        ("one-child,died,no,yes", "serious-case"),
        ("one-child,seriously-harmed,yes", "serious-case"),
        ("one-child,seriously-harmed,dont-know", "serious-case"),
        ("one-child,dont-know,yes", "serious-case"),
        ("one-child,died,yes", "death-in-custody-or-suicide"),
        ("one-child,died,dont-know", "death-in-custody-or-suicide"),
        ("one-child,died,no,no", "child-death-review"),
        ("one-child,died,no,dont-know", "serious-case"),
        ("one-child,neither,yes", "multi-agency-learning-review"),
        (
            "one-child,seriously-harmed,no,no,several-agencies",
            "internal-learning-review",
        ),
        ("one-child,neither,no,one-agency", "single-agency-review"),
        ("one-child,neither,dont-know", "local-learning-review"),
        ("several-cases", "audit"),
        ("good-practice", "appreciative-inquiry"),
        ("hold-to-account", "other-processes"),
    ];
    for (value, expected) in cases {
        match walk(review_guide(), &answers(value)) {
            Ok(Step::Check { outcome, .. }) => assert_eq!(outcome.id, expected, "{value}"),
            other => panic!("{value} walks to {other:?}"),
        }
    }
    let questions = [
        ("", "prompt", 0),
        ("one-child", "harm", 1),
        ("one-child,died", "custody", 2),
        ("one-child,died,no", "died-abuse", 3),
        ("one-child,seriously-harmed", "abuse", 2),
        ("one-child,neither,no", "improvements", 3),
    ];
    for (value, expected, count) in questions {
        match walk(review_guide(), &answers(value)) {
            Ok(Step::Question { question, answered }) => {
                assert_eq!((question.id.as_str(), answered), (expected, count), "{value:?}");
            }
            other => panic!("{value:?} walks to {other:?}"),
        }
    }
}

/// A child who died, not in custody or by suspected suicide, with no abuse or neglect known or
/// suspected: the page where "No" is given says this is not a serious child safeguarding case and
/// that the child death review process applies, and so does the outcome, with its sources.
#[test]
fn a_death_without_abuse_or_neglect_goes_to_the_child_death_review() {
    let guide = review_guide();
    let path = ["one-child", "died", "no", "no"].map(String::from);
    let expected_questions = [
        ("prompt", "one-child"),
        ("harm", "died"),
        ("custody", "no"),
        ("died-abuse", "no"),
    ];
    // Walk one answer at a time, as a person does.
    for (n, (question_id, answer)) in expected_questions.iter().enumerate() {
        let Ok(Step::Question { question, answered }) = walk(guide, &path[..n]) else {
            panic!("{:?} does not ask a question", &path[..n]);
        };
        assert_eq!((question.id.as_str(), answered), (*question_id, n));
        assert!(question.options.iter().any(|c| c.id == *answer), "{question_id}");
    }
    // The question where "No" is given says both things, with the definition's edition.
    let Ok(Step::Question { question, .. }) = walk(guide, &path[..3]) else {
        panic!("no abuse question on the died path");
    };
    assert!(question.question.contains("abuse or neglect"));
    let hint = question.hint.as_deref().unwrap_or_default();
    assert!(
        hint.contains("Working Together to Safeguard Children 2018"),
        "{hint}"
    );
    assert!(hint.contains("serious child safeguarding case"), "{hint}");
    let no = question
        .options
        .iter()
        .find(|c| c.id == "no")
        .expect("a No answer");
    let no_hint = no.hint.as_deref().unwrap_or_default();
    assert!(
        no_hint.contains("not a serious child safeguarding case"),
        "{no_hint}"
    );
    assert!(no_hint.contains("child death review process"), "{no_hint}");
    assert!(no_hint.contains("Children Act 2004, section 16M"), "{no_hint}");

    let Ok(Step::Check {
        answers: pairs,
        outcome,
    }) = walk(guide, &path)
    else {
        panic!("the path does not reach an outcome");
    };
    let got: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(q, c)| (q.id.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(got, expected_questions);
    assert_eq!(outcome.id, "child-death-review");
    assert!(outcome.title.contains("Not a serious child safeguarding case"));
    assert!(outcome.title.contains("child death review"));
    let text = outcome.what_may_follow.join(" ");
    for words in [
        "not a serious child safeguarding case",
        "Working Together 2018",
        "child death review process",
        "Child Death Overview Panel (CDOP)",
        "Sudden Unexpected Death in Childhood (SUDIC)",
        "learning review",
    ] {
        assert!(text.contains(words), "what may follow lacks {words:?}");
    }
    // The safeguarding partners still decide on any learning review.
    assert!(outcome.who_decides[0].starts_with("The safeguarding partners decide whether a learning review"));
    // Cited: the definition (002), the child death review processes (004), both written under
    // Working Together 2018, and the Act by title with a check-the-current-edition flag.
    let sources: Vec<&str> = outcome
        .citations
        .iter()
        .filter_map(|c| c.source.as_deref())
        .collect();
    for id in ["002", "004"] {
        assert!(sources.contains(&id), "{sources:?}");
    }
    assert!(outcome
        .citations
        .iter()
        .any(|c| c.title.as_deref() == Some("Children Act 2004")
            && c.locator.as_deref() == Some("section 16M")
            && c.check_current_edition));
    // No other outcome is reached from the died path without abuse or neglect.
    let ends: BTreeSet<String> = all_paths(guide)
        .into_iter()
        .filter(|(p, _)| p.starts_with(&path[..3]) && p.get(3).map(String::as_str) == Some("no"))
        .map(|(_, end)| end)
        .collect();
    assert_eq!(ends.into_iter().collect::<Vec<_>>(), ["child-death-review"]);
}

/// Every child's death goes through the child death review process, so every outcome a path
/// through "The child has died" can reach says so, and cites where it comes from.
#[test]
fn every_outcome_after_a_death_mentions_the_child_death_review() {
    let guide = review_guide();
    let mut ends = BTreeSet::new();
    for (path, end) in all_paths(guide) {
        if path.get(1).map(String::as_str) != Some("died") {
            continue;
        }
        let outcome = guide.outcome(&end).expect("an outcome");
        assert!(
            outcome
                .what_may_follow
                .iter()
                .any(|t| t.contains("child death review process")),
            "{path:?} reaches `{end}`, which does not mention the child death review"
        );
        assert!(outcome
            .citations
            .iter()
            .any(|c| c.source.as_deref() == Some("004")));
        assert!(outcome
            .citations
            .iter()
            .any(|c| c.title.as_deref() == Some("Children Act 2004")
                && c.locator.as_deref().is_some_and(|l| l.contains("16M"))));
        ends.insert(end);
    }
    assert_eq!(
        ends.into_iter().collect::<Vec<_>>(),
        [
            "child-death-review",
            "death-in-custody-or-suicide",
            "serious-case"
        ]
    );
}

#[test]
fn check_your_answers_lists_each_question_with_its_answer() {
    let Ok(Step::Check { answers: pairs, .. }) = walk(review_guide(), &answers("one-child,died,no,yes"))
    else {
        panic!("expected the check page");
    };
    let got: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(q, c)| (q.id.as_str(), c.id.as_str()))
        .collect();
    assert_eq!(
        got,
        [
            ("prompt", "one-child"),
            ("harm", "died"),
            ("custody", "no"),
            ("died-abuse", "yes")
        ]
    );
}

#[test]
fn stale_or_tampered_answers_are_stale() {
    let cases = [
        "nonsense",
        "one-child,teleported",
        "good-practice,yes",
        "one-child,died,no,yes,yes",
        "one-child,,died",
        ",",
        "one-child,",
        "One-Child",
        " one-child",
        "one-child;died",
        "%3Cscript%3E",
        "one-child,died,no,yes,one-child,died",
    ];
    for value in cases {
        assert_eq!(walk(review_guide(), &answers(value)), Err(Stale), "{value:?}");
    }
    assert!(Stale.to_string().contains("Start again"));
}

#[test]
fn answers_round_trip_through_the_url() {
    for value in ["", "one-child", "one-child,died,no,yes"] {
        assert_eq!(encode_answers(&answers(value)), value);
    }
    assert_eq!(parse_answers(""), Vec::<String>::new());
    assert_eq!(parse_answers("a,,b"), ["a", "", "b"]);
}

// ---------------------------------------------------------------------------------------------
// Deadlines

#[test]
fn deadlines_for_a_serious_case() {
    let outcome = review_guide().outcome("serious-case").expect("serious-case");
    let got = deadlines(outcome, date("2023-07-03"), &[]);
    let summary: Vec<(&str, Result<Date, OutOfRange>, bool)> = got
        .iter()
        .map(|d| (d.timescale.id.as_str(), d.due, d.from_latest))
        .collect();
    assert_eq!(
        summary,
        [
            ("notification", Ok(date("2023-07-10")), false),
            ("rapid-review", Ok(date("2023-07-31")), true),
            ("decision-2015", Ok(date("2023-08-03")), false),
            ("panel-2015", Ok(date("2023-08-17")), true),
            ("review-2015", Ok(date("2024-02-03")), true),
        ]
    );
    // With the actual notification date, the rapid review runs from that day.
    let got = deadlines(
        outcome,
        date("2023-07-03"),
        &[("notification", date("2023-07-05"))],
    );
    assert_eq!(got[1].from, Ok(date("2023-07-05")));
    assert!(!got[1].from_latest);
    assert_eq!(got[1].due, Ok(date("2023-07-26")));
}

#[test]
fn deadlines_outside_the_table_say_so() {
    let outcome = review_guide().outcome("serious-case").expect("serious-case");
    let got = deadlines(outcome, date("2030-12-20"), &[]);
    assert_eq!(got[0].due, Ok(date("2030-12-31")));
    assert_eq!(
        got[1].due,
        Err(OutOfRange {
            date: date("2031-01-01")
        })
    );
    let got = deadlines(outcome, date("2017-06-01"), &[]);
    assert!(got[0].due.is_err() && got[1].due.is_err() && got[1].from.is_err());
    // Calendar timescales do not need the table.
    assert_eq!(got[2].due, Ok(date("2017-07-01")));
}

// ---------------------------------------------------------------------------------------------
// The build check, one broken guide per rule

fn cite(source: &str) -> Citation {
    Citation {
        source: Some(source.into()),
        title: None,
        locator: None,
        check_current_edition: false,
    }
}

fn choice(id: &str, next: &str) -> Choice {
    Choice {
        id: id.into(),
        label: format!("Answer {id}"),
        hint: None,
        next: next.into(),
    }
}

fn outcome(id: &str) -> Outcome {
    Outcome {
        id: id.into(),
        title: format!("Outcome {id}"),
        what_may_follow: vec!["Something follows.".into()],
        who_decides: vec!["The safeguarding partners decide.".into()],
        timescales: Vec::new(),
        what_you_can_do: Vec::new(),
        older_framework: Vec::new(),
        citations: vec![cite("002")],
    }
}

fn timescale(id: &str, after: Option<&str>) -> Timescale {
    Timescale {
        id: id.into(),
        label: "Do it".into(),
        amount: 5,
        unit: Unit::WorkingDays,
        runs_from: "the day".into(),
        after: after.map(Into::into),
        framework: Framework::Current,
        edition: "Working Together to Safeguard Children 2023".into(),
        citations: vec![cite("002")],
    }
}

/// A small valid guide: one question with two answers, each leading to an outcome.
fn small() -> Guide {
    Guide {
        format_version: 1,
        id: "small".into(),
        title: "A small guide".into(),
        intro: vec!["Intro.".into()],
        start: "q".into(),
        questions: vec![Question {
            id: "q".into(),
            question: "Which?".into(),
            hint: None,
            options: vec![choice("a", "one"), choice("b", "two")],
        }],
        outcomes: vec![outcome("one"), outcome("two")],
        steps: vec![OverviewStep {
            id: "s".into(),
            title: "Step".into(),
            paragraphs: vec!["Text.".into()],
            citations: vec![cite("003")],
        }],
    }
}

fn q2(guide: &mut Guide, id: &str, options: Vec<Choice>) {
    guide.questions.push(Question {
        id: id.into(),
        question: format!("{id}?"),
        hint: None,
        options,
    });
}

#[test]
fn a_small_valid_guide_passes() {
    assert_eq!(check_guide(&small(), SOURCES), Vec::<(String, String)>::new());
    assert_eq!(
        all_paths(&small()),
        [
            (vec!["a".to_owned()], "one".to_owned()),
            (vec!["b".to_owned()], "two".to_owned())
        ]
    );
}

type Break = fn(&mut Guide);

#[test]
fn each_broken_rule_is_reported() {
    let cases: Vec<(&str, Break, &str)> = vec![
        (
            "format version",
            |g| g.format_version = 2,
            "format_version must be 1",
        ),
        (
            "duplicate node id",
            |g| g.outcomes.push(outcome("q")),
            "duplicate node id `q`",
        ),
        (
            "dangling next",
            |g| g.questions[0].options[1].next = "nowhere".into(),
            "names no question or outcome",
        ),
        (
            "dangling start",
            |g| g.start = "nowhere".into(),
            "start `nowhere`",
        ),
        (
            "unreachable node",
            |g| g.outcomes.push(outcome("three")),
            "`three` cannot be reached",
        ),
        (
            "cycle",
            |g| {
                g.questions[0].options[1].next = "q2".into();
                q2(g, "q2", vec![choice("back", "q"), choice("on", "two")]);
            },
            "cycle: `q2` leads back to `q`",
        ),
        (
            "one option",
            |g| g.questions[0].options.truncate(1),
            "needs at least two options",
        ),
        (
            "repeated option",
            |g| g.questions[0].options[1].id = "a".into(),
            "has option `a` twice",
        ),
        (
            "option id not a slug",
            |g| g.questions[0].options[1].id = "B,c".into(),
            "option id `B,c`",
        ),
        (
            "outcome without citation",
            |g| g.outcomes[0].citations.clear(),
            "cites no bundled source",
        ),
        (
            "outcome citing only a statutory title",
            |g| {
                g.outcomes[0].citations = vec![Citation {
                    source: None,
                    title: Some("Children Act 2004".into()),
                    locator: None,
                    check_current_edition: true,
                }]
            },
            "cites no bundled source",
        ),
        (
            "unknown source",
            |g| g.outcomes[0].citations = vec![cite("999")],
            "source `999` is not in sources.toml",
        ),
        (
            "citation with neither",
            |g| {
                g.outcomes[0].citations.push(Citation {
                    source: None,
                    title: None,
                    locator: None,
                    check_current_edition: false,
                })
            },
            "either a source or a title",
        ),
        (
            "partners not named",
            |g| g.outcomes[1].who_decides = vec!["Someone decides.".into()],
            "safeguarding partners decide",
        ),
        (
            "empty text",
            |g| g.outcomes[0].what_may_follow.push("  ".into()),
            "an empty piece of text",
        ),
        ("html", |g| g.intro.push("<b>bold</b>".into()), "raw HTML"),
        (
            "timescale after later",
            |g| g.outcomes[0].timescales = vec![timescale("x", Some("y")), timescale("y", None)],
            "after must name an earlier timescale",
        ),
        (
            "duplicate timescale",
            |g| g.outcomes[0].timescales = vec![timescale("x", None), timescale("x", None)],
            "duplicate timescale id `x`",
        ),
        (
            "timescale uncited",
            |g| {
                g.outcomes[0].timescales = vec![Timescale {
                    citations: Vec::new(),
                    ..timescale("x", None)
                }]
            },
            "timescale `x` cites no source",
        ),
        (
            "step uncited",
            |g| g.steps[0].citations.clear(),
            "step `s` cites no source",
        ),
        (
            "duplicate step",
            |g| g.steps.push(g.steps[0].clone()),
            "step id `s` must be a unique slug",
        ),
    ];
    for (name, break_it, expected) in cases {
        let mut guide = small();
        break_it(&mut guide);
        let problems = check_guide(&guide, SOURCES);
        assert!(
            problems.iter().any(|(_, m)| m.contains(expected)),
            "{name}: {problems:?}"
        );
    }
}

#[test]
fn broken_guides_never_panic_the_engine() {
    let mut cyclic = small();
    cyclic.questions[0].options[1].next = "q2".into();
    q2(&mut cyclic, "q2", vec![choice("back", "q"), choice("on", "two")]);
    let ends: Vec<String> = all_paths(&cyclic).into_iter().map(|(_, end)| end).collect();
    assert_eq!(ends, ["one", "q", "two"]);
    assert!(walk(&cyclic, &answers("b,back,b,back,b,on")).is_ok());

    let mut dangling = small();
    dangling.questions[0].options[1].next = "nowhere".into();
    assert_eq!(all_paths(&dangling)[1].1, "nowhere");
    assert_eq!(walk(&dangling, &answers("b")), Err(Stale));

    let mut no_start = small();
    no_start.start = "nowhere".into();
    assert_eq!(walk(&no_start, &[]), Err(Stale));
}

#[test]
fn guides_reject_unknown_fields() {
    let json = serde_json::to_string(&small()).expect("serialises");
    let back: Guide = serde_json::from_str(&json).expect("round-trips");
    assert_eq!(back, small());
    let extra = json.replacen("\"title\"", "\"colour\":\"red\",\"title\"", 1);
    assert!(serde_json::from_str::<Guide>(&extra).is_err());
}
