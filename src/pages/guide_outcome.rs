//! The guide's outcome page: what may follow, who decides, timescales with real deadlines,
//! what you can do now, where the older framework differed, and the sources.

use crate::router::use_route;
use crate::router::A;
use leptos::prelude::*;

use crate::components::citations::Citations;
use crate::components::guide_links::move_older_links;
use crate::components::page::Page;
use crate::domain::guide::{Framework, Guide, Outcome, Unit};
use crate::domain::guide_walk::{bundled_guide, deadlines, walk, Step};
use crate::domain::routes::guide_url;
use crate::domain::routes::outcome_path;
use crate::domain::workdays::{Date, FIRST_YEAR, LAST_YEAR};
use crate::pages::not_found::NotFound;

/// `/guide/<id>/outcome/<answers>`: the outcome the answers reach, or "start again". Links of
/// the older form (`/guide/<id>/outcome?a=<answers>`) are moved to the new address.
#[component]
pub fn GuideOutcome() -> impl IntoView {
    let route = use_route();
    move_older_links(|id, answers, _| outcome_path(id, answers));
    move || {
        let matched = route.get();
        let Some(guide) = bundled_guide(matched.id.as_deref().unwrap_or_default()) else {
            return view! { <NotFound/> }.into_any();
        };
        let answers = matched.answers;
        match walk(guide, &answers) {
            Ok(Step::Check { outcome, .. }) => {
                let check = guide_url(&guide.id, &answers, &[]);
                view! { <OutcomeView guide outcome check/> }.into_any()
            }
            // Unanswered questions or a stale link: the question flow says which.
            _ => {
                let start = format!("/guide/{}", guide.id);
                view! {
                    <Page title="This guide has changed">
                        <p>"The answers in this link do not lead to an outcome in the guide as it is now."</p>
                        <p><A href=start attr:class="button" attr:role="button">"Start again"</A></p>
                    </Page>
                }
                .into_any()
            }
        }
    }
}

fn unit_words(amount: u32, unit: Unit) -> String {
    let (one, many) = match unit {
        Unit::WorkingDays => ("working day", "working days"),
        Unit::Days => ("day", "days"),
        Unit::Months => ("month", "months"),
    };
    format!("{amount} {}", if amount == 1 { one } else { many })
}

#[component]
fn OutcomeView(guide: &'static Guide, outcome: &'static Outcome, check: String) -> impl IntoView {
    let list = |items: &'static [String]| view! { <ul class="list">{items.iter().map(|i| view! { <li>{i.clone()}</li> }).collect_view()}</ul> };
    let timescales = outcome
        .timescales
        .iter()
        .map(|t| {
            let older = t.framework == Framework::Older;
            view! {
                <li class="timescale" class:timescale--older=older>
                    {older.then(|| view! { <strong class="tag tag--grey">"Older framework"</strong>" " })}
                    <strong>{format!("{}: within {}", t.label, unit_words(t.amount, t.unit))}</strong>
                    {format!(" of {}. ", t.runs_from)}
                    <span class="hint">{t.edition.clone()}"."</span>
                </li>
            }
        })
        .collect_view();
    let restart = format!("/guide/{}", guide.id);
    let steps = format!("/guide/{}/steps", guide.id);
    view! {
        <div class="panel">
            <p class="panel__caption">"Outcome"</p>
        </div>
        <Page title=outcome.title.clone()>
            <div class="inset"><p><strong>"This is a guide, not a decision."</strong>" The safeguarding partners decide whether a case is reviewed, and how."</p></div>
            <h2>"What may follow"</h2>
            {list(&outcome.what_may_follow)}
            <h2>"Who decides"</h2>
            {list(&outcome.who_decides)}
            {(!outcome.timescales.is_empty()).then(|| view! {
                <h2>"Timescales"</h2>
                <ul class="list">{timescales}</ul>
                <DeadlineCalculator outcome/>
            })}
            {(!outcome.what_you_can_do.is_empty()).then(|| view! { <h2>"What you can do now"</h2>{list(&outcome.what_you_can_do)} })}
            {(!outcome.older_framework.is_empty()).then(|| view! {
                <h2>"What the older framework said"</h2>
                {list(&outcome.older_framework)}
            })}
            <h2>"Sources"</h2>
            <Citations citations=&outcome.citations/>
            <ul class="link-list no-print">
                <li><A href=check>"Check or change your answers"</A></li>
                <li><A href=steps>"How a review happens: step by step"</A></li>
                <li><A href=restart>"Start the guide again"</A></li>
            </ul>
        </Page>
    }
}

/// Works out the deadlines from a date the person enters, in working days that skip weekends
/// and bank holidays in England and Wales.
#[component]
fn DeadlineCalculator(outcome: &'static Outcome) -> impl IntoView {
    let known = RwSignal::new(String::new());
    let notified = RwSignal::new(String::new());
    let has_notification = outcome.timescales.iter().any(|t| t.id == "notification");
    let result = move || {
        let known_text = known.get();
        if known_text.is_empty() {
            return None;
        }
        let Some(start) = Date::parse(&known_text) else {
            return Some(
                view! { <p class="error-message">"Enter a real date, for example 27 3 2024."</p> }.into_any(),
            );
        };
        let actual: Vec<(&str, Date)> = Date::parse(&notified.get())
            .map(|d| ("notification", d))
            .into_iter()
            .collect();
        let rows = deadlines(outcome, start, &actual)
            .into_iter()
            .map(|d| {
                let due = match d.due {
                    Ok(date) => date.to_string(),
                    Err(e) => e.to_string(),
                };
                let assumed = d
                    .from_latest
                    .then_some(" (assuming the earlier step took all the time allowed)");
                let older = (d.timescale.framework == Framework::Older).then_some("Older framework: ");
                view! {
                    <div class="summary-list__row">
                        <dt class="summary-list__key">{older}{d.timescale.label.clone()}</dt>
                        <dd class="summary-list__value">{due}{assumed}</dd>
                    </div>
                }
            })
            .collect_view();
        Some(
            view! {
                <h3>{format!("From {start}")}</h3>
                <dl class="summary-list" aria-live="polite">{rows}</dl>
            }
            .into_any(),
        )
    };
    view! {
        <div class="calculator">
            <h3>"Work out the dates"</h3>
            <p class="hint">{format!("Working days skip weekends and bank holidays in England and Wales. The calendar covers {FIRST_YEAR} to {LAST_YEAR}; for other years the date is not worked out. Counting starts the day after the date you enter.")}</p>
            <div class="form-group">
                <label class="label" for="known-date">"Date the incident became known"</label>
                <input class="input" id="known-date" type="date" min=format!("{FIRST_YEAR}-01-01") max=format!("{LAST_YEAR}-12-31")
                    on:input=move |ev| known.set(event_target_value(&ev))/>
            </div>
            {has_notification.then(|| view! {
                <div class="form-group">
                    <label class="label" for="notified-date">"Date the Panel was notified (optional)"</label>
                    <div class="hint" id="notified-hint">"If you know it, the rapid review date is counted from it."</div>
                    <input class="input" id="notified-date" type="date" aria-describedby="notified-hint"
                        min=format!("{FIRST_YEAR}-01-01") max=format!("{LAST_YEAR}-12-31")
                        on:input=move |ev| notified.set(event_target_value(&ev))/>
                </div>
            })}
            <div aria-live="polite">{result}</div>
        </div>
    }
}
