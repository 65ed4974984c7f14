//! Every page the build writes as HTML (prerendered from the same components the browser runs):
//! its address, the file it goes in, and when the page loads the app's code.

use crate::domain::content::Library;
use crate::domain::guide::Guide;
use crate::domain::guide_walk::{all_paths, walk, Step};
use crate::domain::routes::{guide_path, outcome_path};

/// When a page loads the app's code and takes itself over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hydrate {
    /// As soon as the code is ready, painted until then as rendered (saying the notes are being
    /// read), with the code preloaded from the page's head: pages whose content is the notes.
    AtOnce,
    /// After the page has painted: pages that are forms.
    AfterPaint,
    /// Only when the person touches the page (a tap, a key, focus) or scrolls to a part that
    /// needs it: pages that are read, such as a brief, which work as they are without it.
    OnTouch,
}

/// One prerendered page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prerendered {
    /// The address it is rendered for; `/notes/*` for every note's page.
    pub path: String,
    /// The file in the build that holds it, such as `briefs/child-b/index.html`.
    pub file: String,
    /// When it loads the app's code.
    pub hydrate: Hydrate,
}

/// The address pages are rendered at for "every note": each note's page is the same frame
/// until the notes are read on the device.
pub const NOTE_PAGE: &str = "/notes/*";

/// The file that answers an address the build has no file for (and the not-found page).
pub const NOT_FOUND_FILE: &str = "404.html";

/// Every page the build prerenders, in a stable order.
pub fn pages(library: &Library, guides: &[Guide]) -> Vec<Prerendered> {
    use Hydrate::{AfterPaint, AtOnce, OnTouch};
    let mut out: Vec<(String, Hydrate)> = vec![
        ("/".into(), OnTouch),
        ("/briefs".into(), AfterPaint),
        ("/themes".into(), OnTouch),
        ("/glossary".into(), OnTouch),
        ("/about".into(), OnTouch),
        ("/guide".into(), OnTouch),
        ("/notes".into(), AtOnce),
        ("/notes/new".into(), AfterPaint),
        ("/notes/import".into(), AfterPaint),
        ("/notes/cpd".into(), AtOnce),
        ("/notes/next-steps".into(), AtOnce),
        ("/notes/delete".into(), AfterPaint),
        ("/notes/lock".into(), AfterPaint),
        (NOTE_PAGE.into(), AtOnce),
    ];
    for brief in &library.briefs {
        out.push((format!("/briefs/{}", brief.id), OnTouch));
        out.push((format!("/briefs/{}/discuss", brief.id), AfterPaint));
        out.push((format!("/briefs/{}/handout", brief.id), OnTouch));
    }
    for stats in &library.stats {
        out.push((format!("/briefs/{}", stats.id), OnTouch));
    }
    for guide in guides {
        out.push((format!("/guide/{}/steps", guide.id), OnTouch));
        let mut seen = std::collections::BTreeSet::new();
        for (answers, _) in all_paths(guide) {
            for n in 0..=answers.len() {
                let prefix = answers[..n].to_vec();
                if !seen.insert(prefix.clone()) {
                    continue;
                }
                out.push((guide_path(&guide.id, &prefix), AfterPaint));
                if let Ok(Step::Check { .. }) = walk(guide, &prefix) {
                    out.push((outcome_path(&guide.id, &prefix), AfterPaint));
                }
            }
        }
    }
    let mut pages: Vec<Prerendered> = out
        .into_iter()
        .map(|(path, hydrate)| Prerendered {
            file: file_for(&path),
            path,
            hydrate,
        })
        .collect();
    pages.push(Prerendered {
        path: "/404".into(),
        file: NOT_FOUND_FILE.into(),
        hydrate: OnTouch,
    });
    pages
}

/// The file for an address: `index.html` in its folder (`/notes/*` in `notes/_note/`).
pub fn file_for(path: &str) -> String {
    if path == NOTE_PAGE {
        return "notes/_note/index.html".into();
    }
    let folder = path.trim_matches('/');
    if folder.is_empty() {
        "index.html".into()
    } else {
        format!("{folder}/index.html")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_map_to_files() {
        assert_eq!(file_for("/"), "index.html");
        assert_eq!(file_for("/briefs/child-b"), "briefs/child-b/index.html");
        assert_eq!(file_for("/guide/g/a/x/y"), "guide/g/a/x/y/index.html");
        assert_eq!(file_for(NOTE_PAGE), "notes/_note/index.html");
    }
}
