//! The review guide's start page and its step-by-step overview of the review process.

use crate::router::use_params_map;
use crate::router::A;
use leptos::prelude::*;

use crate::components::citations::Citations;
use crate::components::page::Page;
use crate::domain::guide::Guide as GuideData;
use crate::domain::guide_walk::{bundled_guide, bundled_guides};
use crate::pages::not_found::NotFound;

/// `/guide`: what the guide is for, how to start it, and the step-by-step overview.
#[component]
pub fn Guide() -> impl IntoView {
    let guides = bundled_guides()
        .iter()
        .map(|g| {
            let start = format!("/guide/{}", g.id);
            let steps = format!("/guide/{}/steps", g.id);
            view! {
                <h2>{g.title.clone()}</h2>
                {g.intro.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                <p><A href=start attr:class="button button--start" attr:role="button" attr:draggable="false">"Start now"</A></p>
                <p><A href=steps>"How a review happens: step by step"</A></p>
            }
        })
        .collect_view();
    view! {
        <Page title="Review guide">
            <p class="lead">"Could a case lead to a review, who decides, how long it takes and what happens next."</p>
            <div class="inset"><p>"This is a guide, not a decision. The safeguarding partners decide whether a case is reviewed, and how."</p></div>
            {guides}
        </Page>
    }
}

/// `/guide/<id>/steps`: the review process as a GOV.UK step-by-step list with a diagram.
#[component]
pub fn GuideSteps() -> impl IntoView {
    let params = use_params_map();
    move || match bundled_guide(&params.read().get("id").unwrap_or_default()) {
        Some(guide) => view! { <StepsView guide/> }.into_any(),
        None => view! { <NotFound/> }.into_any(),
    }
}

#[component]
fn StepsView(guide: &'static GuideData) -> impl IntoView {
    let start = format!("/guide/{}", guide.id);
    let steps = guide
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            view! {
                <li class="step-nav__step" id=step.id.clone()>
                    <h2 class="step-nav__title">
                        <span class="step-nav__number"><span class="visually-hidden">"Step "</span>{i + 1}<span class="visually-hidden">":"</span></span>
                        " "{step.title.clone()}
                    </h2>
                    {step.paragraphs.iter().map(|p| view! { <p>{p.clone()}</p> }).collect_view()}
                    <details class="details">
                        <summary class="details__summary">"Sources for this step"</summary>
                        <Citations citations=&step.citations/>
                    </details>
                </li>
            }
        })
        .collect_view();
    view! {
        <Page title="How a review happens: step by step">
            <StepsDiagram guide/>
            <ol class="step-nav">{steps}</ol>
            <p><A href=start>"Use the guide for a case"</A></p>
        </Page>
    }
}

/// The steps as a vertical flow diagram. It repeats the list below, so it is hidden from
/// assistive technology, and the list is the text alternative.
#[component]
fn StepsDiagram(guide: &'static GuideData) -> impl IntoView {
    const BOX_H: usize = 44;
    const GAP: usize = 22;
    let n = guide.steps.len();
    let height = n * (BOX_H + GAP);
    let boxes = guide
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let y = i * (BOX_H + GAP);
            let arrow = (i + 1 < n).then(|| {
                let y1 = y + BOX_H;
                let d = format!("M150 {y1} V{} M144 {} L150 {} L156 {}", y1 + GAP - 2, y1 + GAP - 8, y1 + GAP - 2, y1 + GAP - 8);
                view! { <path class="diagram__arrow" d=d></path> }
            });
            view! {
                <rect class="diagram__box" x="2" y=y width="296" height=BOX_H rx="4"></rect>
                <text class="diagram__text" x="150" y=y + 28 text-anchor="middle">{format!("{}. {}", i + 1, step.title)}</text>
                {arrow}
            }
        })
        .collect_view();
    view! {
        <figure class="diagram">
            <svg class="diagram__svg" viewBox=format!("0 0 300 {height}") width="300" height=height aria-hidden="true" focusable="false">{boxes}</svg>
            <figcaption class="hint">"The steps in order. Each is described in the list below."</figcaption>
        </figure>
    }
}
