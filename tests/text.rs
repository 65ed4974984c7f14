//! Host tests for splitting text into plain runs and glossary acronyms, with first-use tracking.

use std::collections::BTreeSet;

use safeguarding_toolkit::domain::content::Term;
use safeguarding_toolkit::domain::text::{segments, Segment};

fn glossary() -> Vec<Term> {
    [
        ("SCR", "Serious Case Review"),
        ("LSCP", "Leeds Safeguarding Children Partnership"),
        ("CAMHS", "Child and Adolescent Mental Health Services"),
        ("CSWS", "Children's Social Work Service"),
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
    with_name(text, abbr, first, false)
}

/// An acronym standing in brackets straight after its full name: explained by the text itself.
fn explained(text: &str, abbr: &str) -> Segment {
    with_name(text, abbr, false, true)
}

fn with_name(text: &str, abbr: &str, first: bool, explained: bool) -> Segment {
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
        explained,
    }
}

/// Splits `input` with `seen_before` already used on the page and compares with `expected`.
fn check(input: &str, seen_before: &[&str], expected: &[Segment]) {
    let mut seen: BTreeSet<String> = seen_before.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        segments(input, &glossary(), &mut seen),
        expected,
        "segments of {input:?}"
    );
}

#[test]
fn segments_of_one_text() {
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

/// Where the text writes the full name with the acronym in brackets straight after it, the
/// acronym is explained already: it is not spelt out again, but it counts as the first use.
#[test]
fn an_acronym_after_its_full_name_is_not_spelt_out_again() {
    let rows: &[(&str, &[&str], &[Segment])] = &[
        (
            "a Serious Case Review (SCR).",
            &[],
            &[
                plain("a Serious Case Review ("),
                explained("SCR", "SCR"),
                plain(")."),
            ],
        ),
        // Any case, and a plural on either side or both.
        (
            "serious case reviews (SCRs)",
            &[],
            &[
                plain("serious case reviews ("),
                explained("SCRs", "SCR"),
                plain(")"),
            ],
        ),
        (
            "SERIOUS CASE REVIEW (SCR)",
            &[],
            &[
                plain("SERIOUS CASE REVIEW ("),
                explained("SCR", "SCR"),
                plain(")"),
            ],
        ),
        (
            "Serious Case Review (SCRs)",
            &[],
            &[
                plain("Serious Case Review ("),
                explained("SCRs", "SCR"),
                plain(")"),
            ],
        ),
        // No space before the bracket is the same.
        (
            "Serious Case Review(SCR)",
            &[],
            &[plain("Serious Case Review("), explained("SCR", "SCR"), plain(")")],
        ),
        // Either apostrophe.
        (
            "Children’s Social Work Service (CSWS)",
            &[],
            &[
                plain("Children’s Social Work Service ("),
                explained("CSWS", "CSWS"),
                plain(")"),
            ],
        ),
        // Already used on the page: still explained, still not spelt out.
        (
            "Serious Case Review (SCR)",
            &["SCR"],
            &[
                plain("Serious Case Review ("),
                explained("SCR", "SCR"),
                plain(")"),
            ],
        ),
        // The explained use counts as the first: a later use is not spelt out.
        (
            "a Serious Case Review (SCR). The SCR found",
            &[],
            &[
                plain("a Serious Case Review ("),
                explained("SCR", "SCR"),
                plain("). The "),
                acronym("SCR", "SCR", false),
                plain(" found"),
            ],
        ),
        // Other words before the bracket are not the full name: spelt out as usual.
        (
            "a case review (SCR)",
            &[],
            &[plain("a case review ("), acronym("SCR", "SCR", true), plain(")")],
        ),
        (
            "Serious Case Review Toolkit (SCR)",
            &[],
            &[
                plain("Serious Case Review Toolkit ("),
                acronym("SCR", "SCR", true),
                plain(")"),
            ],
        ),
        // The full name must be whole words.
        (
            "NotSerious Case Review (SCR)",
            &[],
            &[
                plain("NotSerious Case Review ("),
                acronym("SCR", "SCR", true),
                plain(")"),
            ],
        ),
        // Straight after the name, in brackets of its own.
        (
            "Serious Case Review, an SCR",
            &[],
            &[plain("Serious Case Review, an "), acronym("SCR", "SCR", true)],
        ),
        (
            "Serious Case Review (SCR and LSCP)",
            &[],
            &[
                plain("Serious Case Review ("),
                acronym("SCR", "SCR", true),
                plain(" and "),
                acronym("LSCP", "LSCP", true),
                plain(")"),
            ],
        ),
        (
            "Serious Case Review (the SCR)",
            &[],
            &[
                plain("Serious Case Review (the "),
                acronym("SCR", "SCR", true),
                plain(")"),
            ],
        ),
        // Only the acronym whose name it is.
        (
            "Serious Case Review (LSCP)",
            &[],
            &[
                plain("Serious Case Review ("),
                acronym("LSCP", "LSCP", true),
                plain(")"),
            ],
        ),
        (
            "(SCR)",
            &[],
            &[plain("("), acronym("SCR", "SCR", true), plain(")")],
        ),
    ];
    for (input, seen_before, expected) in rows {
        check(input, seen_before, expected);
    }
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
        "a Serious Case Review (SCR) and serious case reviews (SCRs)",
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
