//! The picture of which themes recur in which briefs: a row for each theme, a numbered column
//! for each brief, and a dot where the brief has a section on the theme, linking to it.
//!
//! The picture is for the eye only (`aria-hidden`, its links out of the tab order): the table
//! on the same page gives the same facts and the same links to screen readers, keyboards and
//! print, and its links are the larger targets (WCAG 2.5.8's "equivalent" exception).

use leptos::prelude::*;

use crate::domain::theme_matrix::{layout, ThemeMatrix, CELL, FONT, HEAD, LINE};

/// The picture, then a key to its numbered columns.
#[component]
pub fn ThemePicture(
    /// The themes against the briefs.
    matrix: ThemeMatrix<'static>,
) -> impl IntoView {
    let l = layout(&matrix);
    let (width, height) = (l.width, l.height);
    let half = CELL / 2;
    let numbers = l
        .columns
        .iter()
        .enumerate()
        .map(|(i, &x)| {
            view! {
                <g>
                    <text class="matrix__number" x=(x + half).to_string() y=(HEAD - 8).to_string() text-anchor="middle">{(i + 1).to_string()}</text>
                </g>
            }
        })
        .collect_view();
    let rows = l
        .rows
        .iter()
        .zip(&matrix.cells)
        .enumerate()
        .map(|(r, (row, cells))| {
            let middle = row.top + row.height / 2;
            let first_line = middle + FONT / 2 - 2 - (row.lines.len() as u32 - 1) * LINE / 2;
            let label = row
                .lines
                .iter()
                .enumerate()
                .map(|(i, line)| {
                    view! { <g><text class="matrix__label" x="0" y=(first_line + i as u32 * LINE).to_string()>{line.clone()}</text></g> }
                })
                .collect_view();
            let dots = cells
                .iter()
                .zip(&l.columns)
                .zip(&matrix.briefs)
                .map(|((sections, &x), brief)| {
                    let cx = (x + half).to_string();
                    let cy = middle.to_string();
                    match sections.first() {
                        Some(section) => {
                            let href = format!("/briefs/{}#{}", brief.id, section.id);
                            let name = format!("{}: {}", brief.title, section.title);
                            view! {
                                <g>
                                    <a href=href tabindex="-1">
                                        <title>{name}</title>
                                        <rect class="matrix__target" x=x.to_string() y=row.top.to_string() width=CELL.to_string() height=row.height.to_string()/>
                                        <circle class="matrix__dot" cx=cx cy=cy r="7"/>
                                    </a>
                                </g>
                            }
                            .into_any()
                        }
                        None => view! { <g><circle class="matrix__empty" cx=cx cy=cy r="2"/></g> }.into_any(),
                    }
                })
                .collect_view();
            let stripe = (r % 2 == 0).then(|| {
                view! { <g><rect class="matrix__stripe" x="0" y=row.top.to_string() width=width.to_string() height=row.height.to_string()/></g> }
            });
            view! { <g>{stripe}{label}{dots}</g> }
        })
        .collect_view();
    let key = matrix
        .briefs
        .iter()
        .map(|b| view! { <li>{b.title.clone()}</li> })
        .collect_view();
    view! {
        <figure class="matrix-figure">
            <svg class="matrix" viewBox=format!("0 0 {width} {height}") width=width.to_string() height=height.to_string()
                aria-hidden="true" focusable="false">
                {numbers}
                {rows}
            </svg>
            <figcaption class="matrix-figure__caption">
                <p>"A dot means the brief has a section on the theme; select it to read that section. The numbers at the top are the briefs:"</p>
                <ol class="matrix-key">{key}</ol>
            </figcaption>
        </figure>
    }
}
