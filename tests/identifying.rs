//! Table tests for noticing note text that looks as if it identifies a child or family
//! (`domain::identifying`), with property tests on pseudo-random text.

use safeguarding_toolkit::domain::identifying::Finding::{self, *};
use safeguarding_toolkit::domain::identifying::{hint, scan, WHY};

/// One case: what `scan` finds in `input`.
fn check(input: &str, expected: &[Finding]) {
    assert_eq!(scan(input), expected, "scan of {input:?}");
}

#[test]
fn what_scan_finds() {
    // NHS numbers: 943 476 5919 and 401 023 2137 pass the Modulus 11 check.
    check("NHS number 943 476 5919.", &[NhsNumber]);
    check("9434765919", &[NhsNumber]);
    check("943-476-5919", &[NhsNumber]);
    check("(401 023 2137)", &[NhsNumber]);
    // One digit changed, so the check digit is wrong.
    check("943 476 5918", &[]);
    check("943 476 5819", &[]);
    // The first nine digits give a check value of 10, which no NHS number has.
    check("943 476 5030", &[]);
    // Grouped otherwise, or part of a longer run of digits.
    check("943 4765 919", &[]);
    check("943 476-5919", &[]);
    check("943  476  5919", &[]);
    check("19434765919", &[]);
    check("943 476 59190", &[]);
    check("A9434765919", &[]);
}

#[test]
fn the_hint_says_what_was_noticed_and_why() {
    fn check(findings: &[Finding], expected: Option<&str>) {
        let expected = expected.map(|e| format!("{e} {WHY}"));
        assert_eq!(hint(findings), expected, "hint for {findings:?}");
    }
    check(&[], None);
    check(&[NhsNumber], Some("You may have written an NHS number."));
    assert_eq!(
        WHY,
        "Notes should not identify a child or family: anyone who uses this browser could read them."
    );
}

/// Pseudo-random notes from a fixed linear congruential generator: pieces of every kind of
/// finding mixed with multi-byte characters, digits, punctuation and spaces.
fn random_notes() -> Vec<String> {
    const PIECES: &[&str] = &[
        "943 476 5919",
        "943",
        " ",
        "  ",
        "-",
        "\n",
        ".",
        ",",
        ":",
        "(",
        ")",
        "+",
        "@",
        "/",
        "'",
        "’",
        "é",
        "Ł",
        "ß",
        "🙂",
        "—",
        "£",
        "\u{301}",
        "0",
        "7",
        "1",
        "44",
        "07700",
        "900123",
        "LS1",
        "4AB",
        "DOB",
        "D.O.B.",
        "born",
        "March",
        "14th",
        "14",
        "03",
        "2019",
        "Child",
        "Mum",
        "called",
        "Jayden",
        "Smith",
        "O'Brien",
        "B",
        "jo",
        "example.com",
        "a",
        "Z",
        "is",
        "of",
    ];
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize
    };
    (0..400)
        .map(|_| {
            let len = next() % 40;
            (0..len).map(|_| PIECES[next() % PIECES.len()]).collect()
        })
        .collect()
}

#[test]
fn scanning_arbitrary_text_never_panics_and_ignores_trailing_whitespace() {
    let order = |f: &Finding| *f as u8;
    for note in random_notes() {
        let found = scan(&note);
        assert!(
            found.windows(2).all(|w| order(&w[0]) < order(&w[1])),
            "{found:?} for {note:?} is not in order without repeats"
        );
        for tail in [" ", "\n", " \t \n"] {
            assert_eq!(
                scan(&format!("{note}{tail}")),
                found,
                "{note:?} with {tail:?} after it"
            );
        }
    }
}
