//! The guide's question pages and its "Check your answers" page, driven by the answers in the
//! path: `/guide/<id>/a/<answer>/<answer>/...`. Every such page is prerendered, so a shared
//! link shows its question at once, and each answer is also a plain link for a browser that
//! cannot run the app. `?then=<answers ahead>` holds answers given earlier that lie ahead (after
//! Back or Change), so they are shown selected and kept when they still fit. Links of the older
//! form, `/guide/<id>?a=<answers>`, are moved to the new address.

use crate::router::A;
use crate::router::{use_navigate, use_query_map, use_route};
use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::components::guide_links::move_older_links;
use crate::components::page::Page;
use crate::domain::guide::{Guide, Question};
use crate::domain::guide_walk::{bundled_guide, parse_answers, walk, Stale, Step};
use crate::domain::routes::{guide_url, outcome_path};
use crate::pages::not_found::NotFound;

/// `/guide/<id>/a/...`: the next question, or "Check your answers", or "start again".
#[component]
pub fn GuideFlow() -> impl IntoView {
    let route = use_route();
    let query = use_query_map();
    move_older_links(guide_url);
    move || {
        let matched = route.get();
        let Some(guide) = bundled_guide(matched.id.as_deref().unwrap_or_default()) else {
            return view! { <NotFound/> }.into_any();
        };
        let answers = matched.answers;
        let ahead = parse_answers(&query.read().get("then").unwrap_or_default());
        match walk(guide, &answers) {
            Ok(Step::Question { question, .. }) => {
                view! { <QuestionPage guide question answers ahead/> }.into_any()
            }
            Ok(Step::Check { answers: pairs, .. }) => {
                let rows = pairs
                    .iter()
                    .enumerate()
                    .map(|(i, (q, c))| {
                        let change = guide_url(&guide.id, &answers[..i], &answers[i..]);
                        (q.question.clone(), c.label.clone(), change)
                    })
                    .collect::<Vec<_>>();
                let outcome = outcome_path(&guide.id, &answers);
                let back = guide_url(
                    &guide.id,
                    &answers[..answers.len() - 1],
                    &answers[answers.len() - 1..],
                );
                view! { <CheckAnswers rows outcome back/> }.into_any()
            }
            Err(Stale) => view! { <StartAgain guide/> }.into_any(),
        }
    }
}

/// One question as a GOV.UK question page: the question is the heading, radios, Continue, Back.
#[component]
fn QuestionPage(
    guide: &'static Guide,
    question: &'static Question,
    answers: Vec<String>,
    ahead: Vec<String>,
) -> impl IntoView {
    let selected = RwSignal::new(
        ahead
            .first()
            .filter(|a| question.options.iter().any(|o| &o.id == *a))
            .cloned(),
    );
    let error = RwSignal::new(false);
    let back = if answers.is_empty() {
        "/guide".to_owned()
    } else {
        let mut then = vec![answers[answers.len() - 1].clone()];
        then.extend(selected.get_untracked());
        then.extend(ahead.iter().skip(1).cloned());
        guide_url(&guide.id, &answers[..answers.len() - 1], &then)
    };
    let answers_for_links = answers.clone();
    let hint_id = format!("{}-hint", question.id);
    let described = question.hint.as_ref().map(|_| hint_id.clone());
    let navigate = use_navigate();
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(choice) = selected.get_untracked() else {
            error.set(true);
            focus_by_id("error-summary");
            return;
        };
        let mut next = answers.clone();
        next.push(choice.clone());
        // The same answer as before keeps the answers after it, as far as they still fit.
        let keep: Vec<String> = if ahead.first() == Some(&choice) {
            ahead[1..].to_vec()
        } else {
            Vec::new()
        };
        let mut full = next.clone();
        full.extend(keep.iter().cloned());
        let url = if !keep.is_empty() && matches!(walk(guide, &full), Ok(Step::Check { .. })) {
            guide_url(&guide.id, &full, &[])
        } else {
            guide_url(&guide.id, &next, &keep)
        };
        navigate(&url, Default::default());
    };
    let first_option = format!("{}-{}", question.id, question.options[0].id);
    let options = question
        .options
        .iter()
        .map(|o| {
            let id = format!("{}-{}", question.id, o.id);
            let value = o.id.clone();
            let checked = {
                let value = value.clone();
                move || selected.get().as_deref() == Some(value.as_str())
            };
            let hint = o.hint.clone().map(|h| {
                let hid = format!("{id}-hint");
                (
                    hid.clone(),
                    view! { <div class="radios__hint hint" id=hid>{h}</div> },
                )
            });
            let option_hint_id = hint.as_ref().map(|(h, _)| h.clone());
            let divider = o
                .is_dont_know()
                .then(|| view! { <div class="radios__divider">"or"</div> });
            view! {
                {divider}
                <div class="radios__item">
                    <input class="radios__input" id=id.clone() name="answer" type="radio" value=value.clone()
                        prop:checked=checked aria-describedby=option_hint_id
                        on:change=move |_| { selected.set(Some(value.clone())); error.set(false); }/>
                    <label class="radios__label" for=id>{o.label.clone()}</label>
                    {hint.map(|(_, v)| v)}
                </div>
            }
        })
        .collect_view();
    view! {
        <crate::components::title::Title text=move || if error.get() { format!("Error: {}", question.question) } else { question.question.clone() }/>
        <a class="back-link" href=back>"Back"</a>
        {move || error.get().then(|| {
            let href = format!("#{first_option}");
            view! {
                <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <ul class="error-summary__list"><li><a href=href>"Select an answer to continue"</a></li></ul>
                </div>
            }
        })}
        <form class="question" novalidate on:submit=on_submit>
            <fieldset class="fieldset" aria-describedby=described>
                <legend class="fieldset__legend"><h1 class="fieldset__heading">{question.question.clone()}</h1></legend>
                {question.hint.clone().map(|h| view! { <div class="hint" id=hint_id>{h}</div> })}
                {move || error.get().then(|| view! {
                    <p class="error-message"><span class="visually-hidden">"Error: "</span>"Select an answer to continue"</p>
                })}
                <div class="radios" class:radios--error=move || error.get()>{options}</div>
            </fieldset>
            <button class="button" type="submit">"Continue"</button>
            <AnswerLinks guide question answers=answers_for_links/>
        </form>
    }
}

/// Each answer as a plain link to where it leads, for a browser that cannot run the app (the
/// radios and Continue need it). Hidden wherever the app can run (`no-js-only`).
#[component]
fn AnswerLinks(guide: &'static Guide, question: &'static Question, answers: Vec<String>) -> impl IntoView {
    let links = question
        .options
        .iter()
        .map(|option| {
            let mut next = answers.clone();
            next.push(option.id.clone());
            let href = guide_url(&guide.id, &next, &[]);
            view! { <li><a href=href>{option.label.clone()}</a></li> }
        })
        .collect_view();
    view! {
        <div class="no-js-only answer-links">
            <p>"Choose your answer:"</p>
            <ul class="link-list">{links}</ul>
        </div>
    }
}

/// The answers given, each with a Change link, and the way on to the outcome.
#[component]
fn CheckAnswers(rows: Vec<(String, String, String)>, outcome: String, back: String) -> impl IntoView {
    let rows = rows
        .into_iter()
        .map(|(question, answer, change)| {
            let hidden = question.clone();
            view! {
                <div class="summary-list__row">
                    <dt class="summary-list__key">{question}</dt>
                    <dd class="summary-list__value">{answer}</dd>
                    <dd class="summary-list__actions">
                        <A href=change>"Change"<span class="visually-hidden">{format!(" your answer to: {hidden}")}</span></A>
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <a class="back-link" href=back>"Back"</a>
        <Page title="Check your answers">
            <dl class="summary-list">{rows}</dl>
            <p>"The outcome is a guide to what may happen. It is not a decision."</p>
            <A href=outcome attr:class="button" attr:role="button">"See what may follow"</A>
        </Page>
    }
}

/// Shown when the answers in the address no longer fit the guide.
#[component]
fn StartAgain(guide: &'static Guide) -> impl IntoView {
    let start = format!("/guide/{}", guide.id);
    view! {
        <Page title="This guide has changed">
            <p>"The answers in this link do not fit the guide as it is now. The guide may have been updated since the link was made, or the link may have been changed."</p>
            <p><A href=start attr:class="button" attr:role="button">"Start again"</A></p>
        </Page>
    }
}
