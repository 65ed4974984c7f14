//! Host tests for search: ranking, prefix matching, tolerance, snippets and speed.
//!
//! The tokeniser and `highlight` have their own tables in `search_tokens.rs`.

use std::ops::Range;
use std::time::Instant;

use safeguarding_toolkit::domain::content::{Brief, BriefTheme, Coverage, Library, Theme};
use safeguarding_toolkit::domain::search::{tokens, Place, SearchIndex};

/// A theme section: (id, title, tags, learning).
type Section<'a> = (&'a str, &'a str, &'a [&'a str], &'a [&'a str]);

fn brief(id: &str, title: &str, summary: &[&str], next: &[&str], sections: &[Section]) -> Brief {
    let owned = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    Brief {
        format_version: 1,
        id: id.into(),
        title: title.into(),
        kind: "serious-case-review".into(),
        publisher: "Test partnership".into(),
        date: None,
        sources: vec!["000".into()],
        locator: None,
        coverage: Coverage::Full,
        summary: owned(summary),
        next_steps: owned(next),
        themes: sections
            .iter()
            .map(|(id, title, tags, learning)| BriefTheme {
                id: id.to_string(),
                title: title.to_string(),
                tags: owned(tags),
                learning: owned(learning),
                response: Vec::new(),
            })
            .collect(),
    }
}

fn theme(id: &str, name: &str) -> Theme {
    Theme {
        id: id.into(),
        name: name.into(),
    }
}

/// Three small briefs written for these tests.
fn library() -> Library {
    Library {
        themes: vec![
            theme("domestic-abuse", "Domestic abuse"),
            theme("assessment", "Assessment"),
        ],
        briefs: vec![
            brief(
                "child-b",
                "Child B",
                &["A serious case review (SCR) about a baby."],
                &[],
                &[
                    (
                        "risk-assessments",
                        "Risk assessments",
                        &["assessment"],
                        &["Review the risk assessment when a family's circumstances change."],
                    ),
                    (
                        "relationships",
                        "Positive relationships",
                        &[],
                        &["Build trust with parents."],
                    ),
                ],
            ),
            brief(
                "thematic",
                "Thematic learning",
                &["Four reviews involving domestic abuse."],
                &[],
                &[
                    (
                        "coercive-control",
                        "Coercive control",
                        &["domestic-abuse"],
                        &["Coercive control can be disguised as care."],
                    ),
                    (
                        "assessments",
                        "Assessments",
                        &[],
                        &["Include every adult in the household."],
                    ),
                ],
            ),
            brief(
                "early-help",
                "Early help planning",
                &["An appreciative inquiry into children’s early help plans."],
                &["Share what you learn with families."],
                &[(
                    "basics",
                    "Getting the basics right",
                    &[],
                    &["Multi-agency meetings need a clear plan."],
                )],
            ),
        ],
        ..Library::default()
    }
}

fn ids(index: &SearchIndex, query: &str) -> Vec<String> {
    index.search(query).into_iter().map(|h| h.id).collect()
}

#[test]
fn search_finds_and_orders_briefs() {
    let index = SearchIndex::new(&library());
    let check = |query: &str, expected: &[&str]| assert_eq!(ids(&index, query), expected, "query {query:?}");
    // Empty and stop-word-only queries.
    check("", &[]);
    check("   ", &[]);
    check("the", &[]);
    check("the and of", &[]);
    check("?!", &[]);
    // Prefix matching of the last word only, while it is being typed.
    check("disgu", &["thematic"]);
    check("disgu ", &[]);
    check("disgu control", &[]);
    check("disgu the", &[]);
    check("control disgu", &["thematic"]);
    check("famil", &["child-b", "early-help"]);
    check("familie", &["child-b", "early-help"]);
    // Case and punctuation.
    check("COERCIVE Control", &["thematic"]);
    check("coercive-control!", &["thematic"]);
    check("scr", &["child-b"]);
    check("SCRs", &["child-b"]);
    // Plurals, both ways.
    check("families", &["child-b", "early-help"]);
    check("family ", &["child-b", "early-help"]);
    check("assessments ", &["child-b", "thematic"]);
    check("assessment ", &["child-b", "thematic"]);
    check("children", &["early-help"]);
    check("childrens", &["early-help"]);
    check("children's plan", &["early-help"]);
    // Hyphenated words found joined or apart.
    check("multiagency", &["early-help"]);
    check("multi agency", &["early-help"]);
    check("multi-agency meetings", &["early-help"]);
    // Taxonomy theme names are searchable.
    check("domestic abuse", &["thematic"]);
    check("abuse domestic", &["thematic"]);
    // Every word must match.
    check("abuse baby", &[]);
    check("zebra", &[]);
    check("child b", &["child-b"]);
}

/// A library where "assessment" appears in one place per brief, and the titles sort the other
/// way, so the order can only come from where the word was found.
fn ranking_library() -> Library {
    Library {
        briefs: vec![
            brief(
                "learning",
                "A learning brief",
                &["Nothing here."],
                &[],
                &[("t", "Other", &[], &["Each assessment matters."])],
            ),
            brief(
                "summary",
                "B summary brief",
                &["An assessment was made."],
                &[],
                &[("t", "Other", &[], &["Nothing."])],
            ),
            brief(
                "theme",
                "C theme brief",
                &["Nothing here."],
                &[],
                &[("t", "Assessment", &[], &["Nothing."])],
            ),
            brief(
                "title",
                "D assessment",
                &["Nothing here."],
                &[],
                &[("t", "Other", &[], &["Nothing."])],
            ),
        ],
        ..Library::default()
    }
}

#[test]
fn ranking() {
    let index = SearchIndex::new(&ranking_library());
    let check = |query: &str, expected: &[&str]| assert_eq!(ids(&index, query), expected, "query {query:?}");
    // Title, then theme, then summary, then learning.
    check("assessment", &["title", "theme", "summary", "learning"]);
    check("assessments", &["title", "theme", "summary", "learning"]);
    check("assess", &["title", "theme", "summary", "learning"]);
    // Equal scores fall back to the title.
    check("brief", &["learning", "summary", "theme"]);
    // "Nothing" is in the summary of three briefs and a learning point of three: the summary
    // counts more, and a second place only breaks the tie.
    check("nothing", &["theme", "title", "learning", "summary"]);
}

#[test]
fn a_whole_word_outranks_a_prefix_in_the_same_place() {
    let lib = Library {
        briefs: vec![
            brief("a", "A care plan", &[], &[], &[]),
            brief("b", "B careful planning", &[], &[], &[]),
        ],
        ..Library::default()
    };
    let index = SearchIndex::new(&lib);
    assert_eq!(ids(&index, "care"), ["a", "b"]);
    assert_eq!(ids(&index, "care "), ["a"]);
}

#[test]
fn snippet_ranges_point_at_the_matched_words() {
    let index = SearchIndex::new(&library());
    // (query, brief id, marked title words, snippets as (place, marked words)).
    let check = |query: &str, id: &str, title: &[&str], expected: &[(Place, &[&str])]| {
        let hits = index.search(query);
        let Some(hit) = hits.iter().find(|h| h.id == id) else {
            panic!("query {query:?} did not find {id}");
        };
        let slice = |text: &str, marks: &[Range<usize>]| {
            marks
                .iter()
                .map(|r| text[r.clone()].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            slice(&hit.title, &hit.title_marks),
            title,
            "title marks for {query:?}"
        );
        let got: Vec<(Place, Vec<String>)> = hit
            .snippets
            .iter()
            .map(|s| (s.place.clone(), slice(&s.text, &s.marks)))
            .collect();
        let expected: Vec<(Place, Vec<String>)> = expected
            .iter()
            .map(|(p, words)| (p.clone(), words.iter().map(|w| w.to_string()).collect()))
            .collect();
        assert_eq!(got, expected, "snippets for {query:?}");
    };
    let learning = |t: &str| Place::Learning { theme: t.into() };
    let heading = |t: &str| Place::ThemeTitle { theme: t.into() };
    let tag = |t: &str| Place::Tag { theme: t.into() };
    check(
        "disgu",
        "thematic",
        &[],
        &[(learning("coercive-control"), &["disguised"])],
    );
    check(
        "coercive control",
        "thematic",
        &[],
        &[
            (heading("coercive-control"), &["Coercive", "control"]),
            (learning("coercive-control"), &["Coercive", "control"]),
        ],
    );
    check("child", "child-b", &["Child"], &[]);
    check(
        "childrens",
        "early-help",
        &[],
        &[(Place::Summary, &["children’s"])],
    );
    check("SCRs", "child-b", &[], &[(Place::Summary, &["SCR"])]);
    check(
        "families",
        "child-b",
        &[],
        &[(learning("risk-assessments"), &["family's"])],
    );
    check("families", "early-help", &[], &[(Place::NextStep, &["families"])]);
    check("agency", "early-help", &[], &[(learning("basics"), &["agency"])]);
    check(
        "multiagency",
        "early-help",
        &[],
        &[(learning("basics"), &["Multi-agency"])],
    );
    check(
        "domestic abuse",
        "thematic",
        &[],
        &[
            (tag("domestic-abuse"), &["Domestic", "abuse"]),
            (Place::Summary, &["domestic", "abuse"]),
        ],
    );
    // At most three snippets, those matching most words first, then the weightier place.
    check(
        "assessment risk",
        "child-b",
        &[],
        &[
            (heading("risk-assessments"), &["Risk", "assessments"]),
            (learning("risk-assessments"), &["risk", "assessment"]),
            (tag("assessment"), &["Assessment"]),
        ],
    );
}

#[test]
fn search_stays_fast_for_a_hundred_briefs() {
    let words = [
        "risk",
        "assessment",
        "family",
        "agency",
        "meeting",
        "child",
        "voice",
        "plan",
        "review",
        "school",
    ];
    let point = |b: usize, i: usize| {
        (0..20)
            .map(|w| format!("{}{}", words[(b + i + w) % words.len()], (b * 7 + i + w) % 50))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let briefs: Vec<Brief> = (0..100)
        .map(|b| {
            let learning: Vec<String> = (0..30).map(|i| point(b, i)).collect();
            let learning: Vec<&str> = learning.iter().map(String::as_str).collect();
            let summary = point(b, 99);
            brief(
                &format!("brief-{b}"),
                &format!("Brief {b}"),
                &[&summary],
                &[],
                &[("t", "Theme", &[], &learning)],
            )
        })
        .collect();
    let index = SearchIndex::new(&Library {
        briefs,
        ..Library::default()
    });
    let queries = [
        "r",
        "risk1",
        "assessment4 family",
        "child voice",
        "plan2 review3 school",
        "zzz",
    ];
    let start = Instant::now();
    let mut found = 0;
    for _ in 0..10 {
        for q in queries {
            found += index.search(q).len();
        }
    }
    let per_query = start.elapsed() / (10 * queries.len() as u32);
    assert!(found > 0);
    // Generous, as this runs unoptimised; a release build is many times faster.
    assert!(per_query.as_millis() < 50, "{per_query:?} per query");
}

#[test]
fn every_bundled_brief_is_found_by_its_title_and_theme_headings() {
    let lib = safeguarding_toolkit::domain::bundle::library();
    let index = SearchIndex::new(lib);
    for brief in &lib.briefs {
        for text in std::iter::once(&brief.title).chain(brief.themes.iter().map(|t| &t.title)) {
            let hits = index.search(text);
            if tokens(text).is_empty() {
                continue;
            }
            assert!(
                hits.iter().any(|h| h.id == brief.id),
                "{text:?} does not find {}",
                brief.id
            );
        }
    }
}
