//! The app's addresses without the browser: which page a path shows, with its id, and the
//! pairs of a query string. The browser edge (`src/router.rs`) feeds it `location`.

/// Every page the app can show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    /// `/`
    Home,
    /// `/briefs`
    Briefs,
    /// `/briefs/<id>` (a brief or a figures page)
    Brief,
    /// `/briefs/<id>/discuss`
    Discuss,
    /// `/briefs/<id>/handout`
    Handout,
    /// `/themes`
    Themes,
    /// `/glossary`
    Glossary,
    /// `/guide`
    Guide,
    /// `/guide/<id>` (the first question) or `/guide/<id>/a/<answer>/<answer>/...` (the
    /// next question, or "Check your answers")
    GuideFlow,
    /// `/guide/<id>/outcome/<answer>/<answer>/...`
    GuideOutcome,
    /// `/guide/<id>/steps`
    GuideSteps,
    /// `/notes`
    Notes,
    /// `/notes/new`
    NotesNew,
    /// `/notes/import`
    NotesImport,
    /// `/notes/cpd`
    NotesCpd,
    /// `/notes/next-steps`
    NotesNextSteps,
    /// `/notes/delete`
    NotesDelete,
    /// `/notes/lock`
    NotesLock,
    /// `/notes/<id>`
    Note,
    /// `/about`
    About,
    /// Anything else.
    NotFound,
}

/// The page a path shows, and the id in the path if it has one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matched {
    /// Which page.
    pub page: Page,
    /// The `<id>` part of the path, decoded.
    pub id: Option<String>,
    /// A guide page's answers so far, from the path, decoded.
    pub answers: Vec<String>,
}

/// Matches a path (without query or fragment). A trailing slash is ignored.
pub fn match_path(path: &str) -> Matched {
    let parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
    let id = |i: usize| parts.get(i).map(|p| decode(p));
    let page = match parts.as_slice() {
        [] => Page::Home,
        ["briefs"] => Page::Briefs,
        ["briefs", _] => Page::Brief,
        ["briefs", _, "discuss"] => Page::Discuss,
        ["briefs", _, "handout"] => Page::Handout,
        ["themes"] => Page::Themes,
        ["glossary"] => Page::Glossary,
        ["guide"] => Page::Guide,
        ["guide", _] | ["guide", _, "a", ..] => Page::GuideFlow,
        ["guide", _, "outcome", ..] => Page::GuideOutcome,
        ["guide", _, "steps"] => Page::GuideSteps,
        ["notes"] => Page::Notes,
        ["notes", "new"] => Page::NotesNew,
        ["notes", "import"] => Page::NotesImport,
        ["notes", "cpd"] => Page::NotesCpd,
        ["notes", "next-steps"] => Page::NotesNextSteps,
        ["notes", "delete"] => Page::NotesDelete,
        ["notes", "lock"] => Page::NotesLock,
        ["notes", _] => Page::Note,
        ["about"] => Page::About,
        _ => Page::NotFound,
    };
    let id = match page {
        Page::Brief
        | Page::Discuss
        | Page::Handout
        | Page::GuideFlow
        | Page::GuideOutcome
        | Page::GuideSteps
        | Page::Note => id(1),
        _ => None,
    };
    let answers = match page {
        Page::GuideFlow | Page::GuideOutcome => parts.iter().skip(3).map(|p| decode(p)).collect(),
        _ => Vec::new(),
    };
    Matched { page, id, answers }
}

/// The address of a guide's question or "Check your answers" page after `answers`.
pub fn guide_path(guide_id: &str, answers: &[String]) -> String {
    if answers.is_empty() {
        format!("/guide/{guide_id}")
    } else {
        format!("/guide/{guide_id}/a/{}", answers.join("/"))
    }
}

/// The address of a guide page after `answers`, keeping `ahead` (answers given earlier that lie
/// ahead, after Back or Change) in `?then=`.
pub fn guide_url(guide_id: &str, answers: &[String], ahead: &[String]) -> String {
    let path = guide_path(guide_id, answers);
    if ahead.is_empty() {
        path
    } else {
        crate::domain::query_string::with_query(
            &path,
            &[("then", &crate::domain::guide_walk::encode_answers(ahead))],
        )
    }
}

/// The address of the outcome a guide's `answers` reach.
pub fn outcome_path(guide_id: &str, answers: &[String]) -> String {
    format!("/guide/{guide_id}/outcome/{}", answers.join("/"))
}

/// Whether a page prerendered for `rendered` (a path, or a pattern ending `/*` for every note's
/// page) is the page for `path`, so the app can take it over rather than draw it again. The
/// not-found page, rendered at `/404`, is the page for any path that matches no page.
pub fn same_page(rendered: &str, path: &str) -> bool {
    let trim = |p: &str| p.trim_end_matches('/').to_string();
    if rendered == "/404" {
        return match_path(path).page == Page::NotFound;
    }
    match rendered.strip_suffix("/*") {
        Some(prefix) => {
            let matched = match_path(path);
            matched.page == Page::Note && trim(path).starts_with(&format!("{prefix}/"))
        }
        None => trim(rendered) == trim(path),
    }
}

/// The `(key, value)` pairs of a query string (with or without its `?`), decoded.
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// Undoes percent-encoding, and `+` for a space as forms write it. Bad escapes stay as typed;
/// bytes that are not UTF-8 become the replacement character.
pub fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 2;
                }
                _ => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::query_string::with_query;

    #[test]
    fn every_route_matches_its_page_and_id() {
        let rows: &[(&str, Page, Option<&str>)] = &[
            ("/", Page::Home, None),
            ("", Page::Home, None),
            ("/briefs", Page::Briefs, None),
            ("/briefs/", Page::Briefs, None),
            ("/briefs/child-b", Page::Brief, Some("child-b")),
            ("/briefs/child-b/discuss", Page::Discuss, Some("child-b")),
            ("/briefs/child-b/handout", Page::Handout, Some("child-b")),
            ("/briefs/child-b/other", Page::NotFound, None),
            ("/themes", Page::Themes, None),
            ("/glossary", Page::Glossary, None),
            ("/guide", Page::Guide, None),
            (
                "/guide/review-threshold",
                Page::GuideFlow,
                Some("review-threshold"),
            ),
            (
                "/guide/review-threshold/outcome/one-child/died",
                Page::GuideOutcome,
                Some("review-threshold"),
            ),
            (
                "/guide/review-threshold/a/one-child",
                Page::GuideFlow,
                Some("review-threshold"),
            ),
            (
                "/guide/review-threshold/steps",
                Page::GuideSteps,
                Some("review-threshold"),
            ),
            ("/notes", Page::Notes, None),
            ("/notes/new", Page::NotesNew, None),
            ("/notes/import", Page::NotesImport, None),
            ("/notes/cpd", Page::NotesCpd, None),
            ("/notes/next-steps", Page::NotesNextSteps, None),
            ("/notes/delete", Page::NotesDelete, None),
            ("/notes/lock", Page::NotesLock, None),
            ("/notes/n1-abc", Page::Note, Some("n1-abc")),
            ("/notes/a%20b", Page::Note, Some("a b")),
            ("/about", Page::About, None),
            ("/about/more", Page::NotFound, None),
            ("/not-a-page", Page::NotFound, None),
        ];
        for (path, page, id) in rows {
            let m = match_path(path);
            assert_eq!((m.page, m.id.as_deref()), (*page, *id), "{path}");
        }
    }

    #[test]
    fn guide_answers_are_in_the_path() {
        let answers = vec!["one-child".to_string(), "died".to_string()];
        let path = guide_path("review-threshold", &answers);
        assert_eq!(path, "/guide/review-threshold/a/one-child/died");
        assert_eq!(match_path(&path).answers, answers);
        assert_eq!(guide_path("g", &[]), "/guide/g");
        assert!(match_path("/guide/g").answers.is_empty());
        let outcome = outcome_path("g", &answers);
        assert_eq!(outcome, "/guide/g/outcome/one-child/died");
        assert_eq!(match_path(&outcome).page, Page::GuideOutcome);
        assert_eq!(match_path(&outcome).answers, answers);
        // Answers ahead (after Back or Change) ride in `?then=`.
        assert_eq!(guide_url("g", &answers[..1], &[]), "/guide/g/a/one-child");
        let back = guide_url("g", &answers[..1], &answers[1..]);
        assert!(back.starts_with("/guide/g/a/one-child?then="), "{back}");
        assert_eq!(
            match_path(back.split('?').next().unwrap_or_default()).answers,
            answers[..1]
        );
    }

    #[test]
    fn a_prerendered_page_is_taken_over_only_at_its_own_address() {
        let rows = [
            ("/", "/", true),
            ("/briefs", "/briefs/", true),
            ("/briefs", "/briefs/child-b", false),
            ("/notes/*", "/notes/n1-abc", true),
            ("/notes/*", "/notes", false),
            ("/notes/*", "/notes/new", false),
            ("/404", "/nowhere", true),
            ("/404", "/guide/review-threshold/outcome", false),
        ];
        for (rendered, path, same) in rows {
            assert_eq!(same_page(rendered, path), same, "{rendered} for {path}");
        }
    }

    #[test]
    fn queries_round_trip_through_with_query() {
        let values = ["risk", "child's risk & care", "café?#", "a+b", "100%", "x=y"];
        for v in values {
            let url = with_query("/briefs", &[("q", v), ("kind", "scr")]);
            let search = url.split_once('?').map(|(_, s)| s).unwrap_or_default();
            assert_eq!(
                parse_query(search),
                vec![("q".to_string(), v.to_string()), ("kind".into(), "scr".into())]
            );
        }
    }

    #[test]
    fn odd_queries_do_not_panic() {
        assert_eq!(parse_query(""), vec![]);
        assert_eq!(parse_query("?"), vec![]);
        assert_eq!(parse_query("?a"), vec![("a".to_string(), String::new())]);
        assert_eq!(parse_query("q=50%"), vec![("q".to_string(), "50%".to_string())]);
        assert_eq!(
            parse_query("q=%zz%4"),
            vec![("q".to_string(), "%zz%4".to_string())]
        );
        assert_eq!(
            parse_query("q=a+b&&x=%C3%A9"),
            vec![("q".into(), "a b".into()), ("x".into(), "é".into())]
        );
        assert_eq!(decode("%FF"), "\u{FFFD}");
    }
}
