//! Host tests for the themes page's picture: which themes recur in which briefs, and where each
//! part of the picture goes.

use safeguarding_toolkit::domain::bundle;
use safeguarding_toolkit::domain::content::{Brief, BriefTheme, Library, Theme};
use safeguarding_toolkit::domain::theme_matrix::{layout, theme_matrix, wrap, CELL, HEAD, LABEL_CHARS, LINE};

fn section(id: &str, tags: &[&str]) -> BriefTheme {
    BriefTheme {
        id: id.into(),
        title: format!("Section {id}"),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        learning: vec![],
        response: vec![],
    }
}

fn brief(id: &str, sections: Vec<BriefTheme>) -> Brief {
    let mut b = bundle::library().briefs[0].clone();
    b.id = id.into();
    b.themes = sections;
    b
}

fn theme(id: &str, name: &str) -> Theme {
    Theme {
        id: id.into(),
        name: name.into(),
    }
}

#[test]
fn rows_are_themes_in_use_and_columns_briefs_with_tags() {
    let library = Library {
        themes: vec![theme("a", "Alpha"), theme("unused", "Unused"), theme("b", "Beta")],
        briefs: vec![
            brief("one", vec![section("s1", &["a"]), section("s2", &["b", "a"])]),
            brief("untagged", vec![section("s1", &[])]),
            brief("two", vec![section("t1", &["b"])]),
        ],
        ..Library::default()
    };
    let m = theme_matrix(&library);
    let ids = |v: Vec<&str>| v.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(ids(m.themes.iter().map(|t| t.id.as_str()).collect()), ["a", "b"]);
    assert_eq!(
        ids(m.briefs.iter().map(|b| b.id.as_str()).collect()),
        ["one", "two"]
    );
    let cells: Vec<Vec<Vec<&str>>> = m
        .cells
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| c.iter().map(|s| s.id.as_str()).collect())
                .collect()
        })
        .collect();
    assert_eq!(
        cells,
        vec![vec![vec!["s1", "s2"], vec![]], vec![vec!["s2"], vec!["t1"]]]
    );
    assert_eq!((m.brief_count(0), m.brief_count(1)), (1, 2));
}

#[test]
fn names_wrap_at_spaces() {
    let table: &[(&str, usize, &[&str])] = &[
        ("", 10, &[]),
        ("Domestic abuse", 19, &["Domestic abuse"]),
        (
            "Escalation and resolving professional disagreement",
            19,
            &["Escalation and", "resolving", "professional", "disagreement"],
        ),
        (
            "Parents, carers and family",
            19,
            &["Parents, carers and", "family"],
        ),
        ("Supercalifragilistic word", 5, &["Supercalifragilistic", "word"]),
        ("  spaced   out  ", 19, &["spaced out"]),
    ];
    for (text, max, lines) in table {
        assert_eq!(wrap(text, *max), *lines, "{text:?}");
    }
}

#[test]
fn the_bundled_picture_has_every_tagged_brief_and_rows_that_hold_their_names() {
    let library = bundle::library();
    let m = theme_matrix(library);
    let l = layout(&m);
    let tagged = library
        .briefs
        .iter()
        .filter(|b| b.themes.iter().any(|t| !t.tags.is_empty()))
        .count();
    assert_eq!(m.briefs.len(), tagged);
    assert_eq!(l.columns.len(), tagged);
    assert_eq!(l.rows.len(), m.themes.len());
    // Every brief's tags appear in its column; every cell's sections carry the row's tag.
    for (r, theme) in m.themes.iter().enumerate() {
        for (c, brief) in m.briefs.iter().enumerate() {
            let expected: Vec<&str> = brief
                .themes
                .iter()
                .filter(|s| s.tags.contains(&theme.id))
                .map(|s| s.id.as_str())
                .collect();
            let got: Vec<&str> = m.cells[r][c].iter().map(|s| s.id.as_str()).collect();
            assert_eq!(got, expected, "{} in {}", theme.id, brief.id);
        }
    }
    // Rows follow one another without overlap, each tall enough for its lines.
    let mut top = HEAD;
    for row in &l.rows {
        assert_eq!(row.top, top);
        assert!(row.height >= CELL && row.height >= row.lines.len() as u32 * LINE);
        assert!(
            row.lines
                .iter()
                .all(|line| line.chars().count() <= LABEL_CHARS || !line.contains(' ')),
            "{:?}",
            row.lines
        );
        top += row.height;
    }
    assert_eq!(l.height, top);
    // Columns sit side by side, to the right edge.
    assert!(l.columns.windows(2).all(|w| w[1] == w[0] + CELL));
    assert_eq!(l.columns.last().map(|x| x + CELL), Some(l.width));
}
