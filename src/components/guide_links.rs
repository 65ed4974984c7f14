//! Links to the guide's pages in the older form, `/guide/<id>?a=<answers>`, moved to the
//! pages' own addresses once the page is the app's (a static host cannot tell queries apart).

use leptos::prelude::*;

use crate::domain::guide_walk::parse_answers;
use crate::router::{use_navigate, use_query_map, use_route, NavigateOptions};

/// Replaces an address of the older form with the one `to_path` makes from the guide id, the
/// answers and the answers ahead (`?then=`).
pub fn move_older_links(to_path: fn(&str, &[String], &[String]) -> String) {
    let route = use_route();
    let query = use_query_map();
    let navigate = use_navigate();
    Effect::new(move |_| {
        let (a, then) = query.with(|q| (q.get("a"), q.get("then")));
        let (Some(a), Some(id)) = (a, route.with_untracked(|r| r.id.clone())) else {
            return;
        };
        let url = to_path(&id, &parse_answers(&a), &parse_answers(&then.unwrap_or_default()));
        navigate(&url, NavigateOptions { replace: true });
    });
}
