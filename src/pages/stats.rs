//! A figures page: each group of figures as a bar chart (SVG) with the same figures in a table.

use leptos::prelude::*;

use crate::components::brief_parts::SourceLine;
use crate::components::page::Page;
use crate::components::text::{provide_glossary_scope, Text};
use crate::domain::content::{BarGroup, Stats};

/// The figures, their charts and tables, and their source.
#[component]
pub fn StatsView(
    /// The figures to show.
    stats: &'static Stats,
) -> impl IntoView {
    provide_glossary_scope();
    view! {
        <p class="caption">"Figures"</p>
        <Page title=stats.title.clone()>
            {stats.summary.iter().map(|p| view! { <p><Text text=p.clone()/></p> }).collect_view()}
            {stats.groups.iter().enumerate().map(|(i, group)| view! { <Chart group index=i/> }).collect_view()}
            <SourceLine sources=&stats.sources locator=stats.locator.as_deref()/>
        </Page>
    }
}

const BAR_HEIGHT: u32 = 28;
const GAP: u32 = 12;
const LABEL_WIDTH: u32 = 0;
const CHART_WIDTH: u32 = 300;

/// One group as a horizontal bar chart, hidden from assistive technology, followed by the table
/// that carries the same figures for everyone.
#[component]
fn Chart(
    /// The group of bars.
    group: &'static BarGroup,
    /// Its position on the page, for unique ids.
    index: usize,
) -> impl IntoView {
    let max = group.bars.iter().map(|b| b.value).max().unwrap_or(1).max(1);
    let row = BAR_HEIGHT * 2 + GAP;
    let height = row * group.bars.len() as u32;
    let bars = group
        .bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let y = i as u32 * row;
            let width = (bar.value * (CHART_WIDTH - 40)) / max;
            view! {
                <text class="chart__label" x=LABEL_WIDTH y=y + 18>{bar.label.clone()}</text>
                <rect class="chart__bar" x=LABEL_WIDTH y=y + BAR_HEIGHT width=width.max(2) height=BAR_HEIGHT - 6></rect>
                <text class="chart__value" x=LABEL_WIDTH + width.max(2) + 6 y=y + BAR_HEIGHT + 17>{bar.value}</text>
            }
        })
        .collect_view();
    let heading_id = format!("chart-{index}");
    let labelled_by = heading_id.clone();
    let rows = group
        .bars
        .iter()
        .map(|bar| view! { <tr><th scope="row">{bar.label.clone()}</th><td class="table__numeric">{bar.value}</td></tr> })
        .collect_view();
    view! {
        <section class="chart" aria-labelledby=labelled_by>
            <h2 id=heading_id>{group.name.clone()}</h2>
            <svg class="chart__svg" aria-hidden="true" focusable="false" viewBox=format!("0 0 {CHART_WIDTH} {height}")
                width=CHART_WIDTH height=height>
                {bars}
            </svg>
            <table class="table">
                <caption class="visually-hidden">{group.name.clone()}</caption>
                <thead><tr><th scope="col">"Group"</th><th scope="col" class="table__numeric">"Number"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
