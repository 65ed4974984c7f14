//! Every theme across all briefs: a picture of which themes recur in which reviews, and the same
//! facts as a table, each theme linking to its section in each brief.

use crate::router::A;
use leptos::prelude::*;

use crate::components::page::Page;
use crate::components::text::{provide_glossary_scope, Text};
use crate::components::theme_picture::ThemePicture;
use crate::domain::query_string::with_query;
use crate::domain::theme_matrix::{theme_matrix, ThemeMatrix};

/// `/themes`: the picture, then the table.
#[component]
pub fn Themes() -> impl IntoView {
    provide_glossary_scope();
    let library = crate::state::use_state().library();
    let matrix = theme_matrix(library);
    let table = view! { <ThemeTable matrix=matrix.clone()/> };
    view! {
        <Page title="Themes">
            <p class="lead">"Which themes recur across the learning briefs, and where each brief covers them."</p>
            <h2>"Themes across reviews at a glance"</h2>
            <ThemePicture matrix/>
            <h2 id="themes-table-heading">"Each theme and the briefs that cover it"</h2>
            {table}
        </Page>
    }
}

/// The same facts as the picture: a row for each theme, with a link to its section in each
/// brief and to the briefs list filtered by it.
#[component]
fn ThemeTable(
    /// The themes against the briefs.
    matrix: ThemeMatrix<'static>,
) -> impl IntoView {
    let rows = matrix
        .themes
        .iter()
        .copied()
        .enumerate()
        .map(|(r, theme)| {
            let count = matrix.brief_count(r);
            let sections = matrix.cells[r]
                .iter()
                .zip(matrix.briefs.iter().copied())
                .flat_map(|(sections, brief)| sections.iter().copied().map(move |s| (brief, s)))
                .map(|(brief, section)| {
                    let href = format!("/briefs/{}#{}", brief.id, section.id);
                    view! {
                        <li><A href=href>{brief.title.clone()}": "<Text text=section.title.clone()/></A></li>
                    }
                })
                .collect_view();
            let filter = with_query("/briefs", &[("theme", &theme.id)]);
            let plural = if count == 1 { "brief" } else { "briefs" };
            view! {
                <tr id=format!("theme-{}", theme.id)>
                    <th scope="row">{theme.name.clone()}</th>
                    <td>
                        <ul class="link-list theme-table__sections">{sections}</ul>
                        <A href=filter>{format!("Show the {count} {plural} on this theme")}<span class="visually-hidden">{format!(": {}", theme.name)}</span></A>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="table theme-table" aria-labelledby="themes-table-heading">
            <thead>
                <tr><th scope="col">"Theme"</th><th scope="col">"Where briefs cover it"</th></tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
