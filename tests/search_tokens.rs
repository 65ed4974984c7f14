//! Host tests for the search tokeniser, and for marking matched words in any text.

use std::ops::Range;

use safeguarding_toolkit::domain::search::{highlight, pieces, tokens, Piece};

#[test]
fn tokeniser() {
    fn check(input: &str, expected: &[&str]) {
        let terms: Vec<String> = tokens(input).into_iter().map(|t| t.term).collect();
        assert_eq!(terms, expected, "tokens of {input:?}");
    }
    check("", &[]);
    check("  ... -- !! ", &[]);
    check("Reviews", &["review"]);
    check("assessments", &["assessment"]);
    check("families", &["family"]);
    check("agencies", &["agency"]);
    check("process", &["process"]);
    check("processes", &["process"]);
    check("approaches", &["approach"]);
    check("abuse", &["abuse"]);
    check("abuses", &["abuse"]);
    check("serious", &["serious"]);
    check("crisis", &["crisis"]);
    check("assessed planning", &["assessed", "planning"]);
    check("days", &["day"]);
    check("SCRs", &["scr"]);
    check("GPs", &["gp"]);
    check("children's", &["children"]);
    check("children’s", &["children"]);
    check("childrens", &["children"]);
    check("parents’ views", &["parent", "view"]);
    check("don't", &["dont"]);
    check("Multi-agency working", &["multi", "agency", "working"]);
    check("15-working-day", &["15", "working", "day"]);
    check("Child B", &["child", "b"]);
    check("The voice of the child", &["voice", "child"]);
    check("the and of", &[]);
    check("COERCIVE,control!", &["coercive", "control"]);
}

#[test]
fn token_ranges_cover_the_whole_word() {
    fn check(input: &str, expected: &[&str]) {
        let words: Vec<&str> = tokens(input).into_iter().map(|t| &input[t.range]).collect();
        assert_eq!(words, expected, "words of {input:?}");
    }
    check("the children’s voice", &["children’s", "voice"]);
    check("(SCRs)", &["SCRs"]);
    check("Émilie’s café", &["Émilie’s", "café"]);
    check("multi-agency", &["multi", "agency"]);
}

#[test]
fn highlight_marks_matching_words_in_any_text() {
    fn check(text: &str, query: &str, expected: &[&str]) {
        let marked: Vec<&str> = highlight(text, query).into_iter().map(|r| &text[r]).collect();
        assert_eq!(marked, expected, "{query:?} in {text:?}");
    }
    check("Risk assessments", "assessment", &["assessments"]);
    check("Risk assessments", "", &[]);
    check("Risk assessments", "the", &[]);
    check("Risk assessments", "RISK ass", &["Risk", "assessments"]);
    check("The children’s voice", "childrens", &["children’s"]);
    check("Multi-agency working", "multi", &["Multi-agency"]);
    check("Multi-agency working", "multi ", &["Multi"]);
    check("Multi-agency working", "agencies", &["agency"]);
    // A word being typed on its way to a plural still finds the singular.
    check("One family", "familie", &["family"]);
    check("One approach", "approache", &["approach"]);
    check("One approach", "approache ", &[]);
}

#[test]
fn pieces_cut_text_at_marks() {
    /// Marks are (start, end) byte pairs.
    fn check(text: &str, marks: &[(usize, usize)], expected: &[(&str, bool)]) {
        let marks: Vec<Range<usize>> = marks.iter().map(|&(start, end)| start..end).collect();
        let got: Vec<(&str, bool)> = pieces(text, &marks)
            .into_iter()
            .map(|Piece { text, marked }| (text, marked))
            .collect();
        assert_eq!(got, expected, "{text:?} at {marks:?}");
    }
    check("", &[], &[]);
    check("plain", &[], &[("plain", false)]);
    check(
        "Risk assessments",
        &[(0, 4)],
        &[("Risk", true), (" assessments", false)],
    );
    check(
        "Risk assessments",
        &[(5, 16)],
        &[("Risk ", false), ("assessments", true)],
    );
    check(
        "a b c",
        &[(0, 1), (4, 5)],
        &[("a", true), (" b ", false), ("c", true)],
    );
    // Bad ranges are skipped rather than panicking.
    check("café", &[(3, 4)], &[("café", false)]);
    check("abc", &[(1, 9)], &[("abc", false)]);
    check(
        "abc",
        &[(1, 2), (0, 3)],
        &[("a", false), ("b", true), ("c", false)],
    );
}
