//! One learning brief: summary, themes with their learning, next steps, source and edition,
//! related briefs, and a print button. Ids of figures pages open the figures view.

use crate::router::use_params_map;
use crate::router::A;
use leptos::prelude::*;

use crate::components::brief_parts::{kind_name, SourceLine};
use crate::components::notes_brief::BriefNotes;
use crate::components::page::Page;
use crate::components::print_button::PrintButton;
use crate::components::text::{provide_glossary_scope, Text};
use crate::domain::content::{Brief, BriefTheme, Coverage};
use crate::pages::not_found::NotFound;
use crate::pages::stats::StatsView;

/// `/briefs/<id>`: one learning brief or figures page, or the not-found page for an unknown id.
#[component]
pub fn BriefPage() -> impl IntoView {
    let params = use_params_map();
    let library = crate::state::use_state().library();
    move || {
        let id = params.read().get("id").unwrap_or_default();
        if let Some(brief) = library.brief(&id) {
            view! { <BriefView brief/> }.into_any()
        } else if let Some(stats) = library.stats.iter().find(|s| s.id == id) {
            view! { <StatsView stats/> }.into_any()
        } else {
            view! { <NotFound/> }.into_any()
        }
    }
}

/// For a page under `/briefs/<id>/`: the view `render` makes of the brief, or the not-found
/// page for an unknown id (figures pages have no discussion or handout).
pub fn for_brief(render: fn(&'static Brief) -> AnyView) -> impl IntoView {
    let params = use_params_map();
    let library = crate::state::use_state().library();
    move || match library.brief(&params.read().get("id").unwrap_or_default()) {
        Some(brief) => render(brief),
        None => view! { <NotFound/> }.into_any(),
    }
}

/// The brief itself.
#[component]
fn BriefView(
    /// The brief to show.
    brief: &'static Brief,
) -> impl IntoView {
    provide_glossary_scope();
    let library = crate::state::use_state().library();
    let kind = kind_name(library, &brief.kind);
    let headings_only = brief.coverage == Coverage::HeadingsOnly;
    let publisher = brief.publisher.clone();
    let related = library
        .related(brief)
        .into_iter()
        .map(|b| {
            let href = format!("/briefs/{}", b.id);
            view! { <li><A href=href>{b.title.clone()}</A></li> }
        })
        .collect_view();
    let contents = (brief.themes.len() > 3 && !headings_only).then(|| {
        let items = brief
            .themes
            .iter()
            .map(|t| {
                let href = format!("#{}", t.id);
                view! { <li><a href=href>{t.title.clone()}</a></li> }
            })
            .collect_view();
        view! {
            <nav class="contents no-print" aria-labelledby="contents-heading">
                <h2 class="contents__heading" id="contents-heading">"Contents"</h2>
                <ol class="contents__list">{items}</ol>
            </nav>
        }
    });

    view! {
        <p class="caption">{kind}</p>
        <Page title=brief.title.clone()>
            <p class="meta">
                {publisher}
                {brief.date.clone().map(|d| format!(", {d}"))}
            </p>
            <p class="brief-actions no-print">
                <A href=format!("/briefs/{}/discuss", brief.id) attr:class="button button--secondary" attr:role="button">"Discuss with your team"</A>
                <A href=format!("/briefs/{}/handout", brief.id)>"Print a one-page handout"</A>
            </p>
            {headings_only.then(|| view! {
                <div class="inset">
                    <p>{format!("Only the theme headings of this review are in the sources bundled here. The full brief is published by {}; it is not included in this toolkit.", brief.publisher)}</p>
                </div>
            })}
            {brief.summary.iter().map(|p| view! { <p><Text text=p.clone()/></p> }).collect_view()}
            {contents}
            {if headings_only {
                view! { <ThemeHeadings themes=&brief.themes/> }.into_any()
            } else {
                brief.themes.iter().map(|theme| view! { <ThemeSection theme/> }).collect_view().into_any()
            }}
            {(!brief.next_steps.is_empty()).then(|| view! {
                <h2 id="next-steps">"Your next steps"</h2>
                <ol class="steps">
                    {brief.next_steps.iter().map(|s| view! { <li><Text text=s.clone()/></li> }).collect_view()}
                </ol>
            })}
            <BriefNotes brief/>
            <SourceLine sources=&brief.sources locator=brief.locator.as_deref()/>
            <h2 class="no-print">"Related briefs"</h2>
            <ul class="link-list no-print">{related}</ul>
            <PrintButton label="Print this brief"/>
        </Page>
    }
}

/// A theme with its key learning and, where the source gives it, the partnership's response.
#[component]
fn ThemeSection(
    /// The theme to show.
    theme: &'static BriefTheme,
) -> impl IntoView {
    view! {
        <section class="theme" aria-labelledby=theme.id.clone()>
            <h2 id=theme.id.clone()><Text text=theme.title.clone()/></h2>
            {(!theme.response.is_empty()).then(|| view! { <h3>"What the reviews found"</h3> })}
            <ul class="learning">
                {theme.learning.iter().map(|l| view! { <li><Text text=l.clone()/></li> }).collect_view()}
            </ul>
            {(!theme.response.is_empty()).then(|| view! {
                <h3>"What the partnership did in response"</h3>
                {theme.response.iter().map(|r| view! { <p><Text text=r.clone()/></p> }).collect_view()}
            })}
        </section>
    }
}

/// The theme headings of a brief whose learning is not bundled.
#[component]
fn ThemeHeadings(
    /// The themes, headings only.
    themes: &'static [BriefTheme],
) -> impl IntoView {
    view! {
        <h2>"Themes"</h2>
        <ul class="learning">
            {themes.iter().map(|t| view! { <li id=t.id.clone()><Text text=t.title.clone()/></li> }).collect_view()}
        </ul>
    }
}
