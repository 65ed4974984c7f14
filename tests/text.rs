//! Host tests for splitting text into plain runs and glossary acronyms, with first-use tracking.

use std::collections::BTreeSet;

use safeguarding_toolkit::domain::content::Term;
use safeguarding_toolkit::domain::text::{segments, Segment};

fn glossary() -> Vec<Term> {
    [
        ("SCR", "Serious Case Review"),
        ("LSCP", "Leeds Safeguarding Children Partnership"),
        ("CAMHS", "Child and Adolescent Mental Health Services"),
    ]
    .into_iter()
    .map(|(abbr, expansion)| Term {
        abbr: abbr.into(),
        expansion: expansion.into(),
    })
    .collect()
}

fn plain(text: &str) -> Segment {
    Segment::Plain(text.into())
}

fn acronym(text: &str, abbr: &str, first: bool) -> Segment {
    let expansion = glossary()
        .into_iter()
        .find(|t| t.abbr == abbr)
        .map(|t| t.expansion)
        .unwrap_or_default();
    Segment::Acronym {
        text: text.into(),
        abbr: abbr.into(),
        expansion,
        first,
    }
}

#[test]
fn segments_of_one_text() {
    fn check(input: &str, seen_before: &[&str], expected: &[Segment]) {
        let mut seen: BTreeSet<String> = seen_before.iter().map(|s| s.to_string()).collect();
        assert_eq!(
            segments(input, &glossary(), &mut seen),
            expected,
            "segments of {input:?}"
        );
    }
    check("", &[], &[]);
    check("No acronyms here.", &[], &[plain("No acronyms here.")]);
    check("SCR", &[], &[acronym("SCR", "SCR", true)]);
    check(
        "The SCR found",
        &[],
        &[plain("The "), acronym("SCR", "SCR", true), plain(" found")],
    );
    check(
        "(SCR)",
        &[],
        &[plain("("), acronym("SCR", "SCR", true), plain(")")],
    );
    check("SCR-led", &[], &[acronym("SCR", "SCR", true), plain("-led")]);
    // A plural maps to the glossary entry.
    check(
        "Two SCRs.",
        &[],
        &[plain("Two "), acronym("SCRs", "SCR", true), plain(".")],
    );
    // Only the first use on the page is first.
    check(
        "SCRs and an SCR",
        &[],
        &[
            acronym("SCRs", "SCR", true),
            plain(" and an "),
            acronym("SCR", "SCR", false),
        ],
    );
    check(
        "The SCR",
        &["SCR"],
        &[plain("The "), acronym("SCR", "SCR", false)],
    );
    check(
        "LSCP and SCR",
        &["SCR"],
        &[
            acronym("LSCP", "LSCP", true),
            plain(" and "),
            acronym("SCR", "SCR", false),
        ],
    );
    check(
        "the LSCP’s role",
        &[],
        &[plain("the "), acronym("LSCP", "LSCP", true), plain("’s role")],
    );
    // An acronym that ends in a capital S is itself, not a plural.
    check("CAMHS", &[], &[acronym("CAMHS", "CAMHS", true)]);
    // Unknown acronyms, other cases and longer words stay plain.
    check("Ask the NSPCC", &[], &[plain("Ask the NSPCC")]);
    check("scr and Scr", &[], &[plain("scr and Scr")]);
    check("SCRS", &[], &[plain("SCRS")]);
    check("DESCRIBE", &[], &[plain("DESCRIBE")]);
    check("ÉSCR", &[], &[plain("ÉSCR")]);
}

#[test]
fn seen_carries_first_use_across_texts_on_a_page() {
    let glossary = glossary();
    let mut seen = BTreeSet::new();
    let firsts = |segments: Vec<Segment>| -> Vec<(String, bool)> {
        segments
            .into_iter()
            .filter_map(|s| match s {
                Segment::Acronym { abbr, first, .. } => Some((abbr, first)),
                Segment::Plain(_) => None,
            })
            .collect()
    };
    let check = |seen: &mut BTreeSet<String>, text: &str, expected: &[(&str, bool)]| {
        let expected: Vec<(String, bool)> = expected.iter().map(|(a, f)| (a.to_string(), *f)).collect();
        assert_eq!(firsts(segments(text, &glossary, seen)), expected, "in {text:?}");
    };
    check(
        &mut seen,
        "The LSCP ran an SCR.",
        &[("LSCP", true), ("SCR", true)],
    );
    check(
        &mut seen,
        "Two SCRs and CAMHS.",
        &[("SCR", false), ("CAMHS", true)],
    );
    check(&mut seen, "The LSCP again.", &[("LSCP", false)]);
    let all: Vec<&str> = seen.iter().map(String::as_str).collect();
    assert_eq!(all, ["CAMHS", "LSCP", "SCR"]);
}

#[test]
fn plain_runs_and_acronyms_rebuild_the_text() {
    let texts = [
        "",
        "SCR",
        "The SCRs, the LSCP’s CAMHS work and é.",
        "  spaced  SCR  ",
    ];
    for text in texts {
        let rebuilt: String = segments(text, &glossary(), &mut BTreeSet::new())
            .into_iter()
            .map(|s| match s {
                Segment::Plain(t) | Segment::Acronym { text: t, .. } => t,
            })
            .collect();
        assert_eq!(rebuilt, text);
    }
}
