//! Form pieces for notes, in the GOV.UK pattern: a labelled text box or area with hint and
//! inline error, and the error summary that links to each problem.

use leptos::prelude::*;

use crate::components::focus::focus_by_id;
use crate::domain::identifying::{hint as identifying_hint, scan, Finding};

/// The kinds of identifying detail the person has dismissed the hint for, shared by every field
/// of one note: the editor provides one per note with [`provide_identifying_scope`]. The hint
/// comes back only for a kind not dismissed (kept in memory while the note is open, never
/// stored).
#[derive(Clone, Copy)]
pub struct IdentifyingScope(RwSignal<Vec<Finding>>);

/// Starts a fresh dismissal scope for the note being edited.
pub fn provide_identifying_scope() {
    provide_context(IdentifyingScope(RwSignal::new(Vec::new())));
}

/// A gentle hint under a field when its text looks as if it identifies someone (an NHS number,
/// a postcode, a date of birth, a phone number, an email address, a name after "child" or
/// "mum"): says what was noticed and why it matters, and can be dismissed for the note. It never
/// blocks saving. The live region is always there, so a screen reader hears the hint when it
/// appears without losing its place.
#[component]
fn IdentifyingHint(
    /// The field's id; the hint's id is made from it.
    id: &'static str,
    /// The field's text.
    value: RwSignal<String>,
) -> impl IntoView {
    let dismissed = use_context::<IdentifyingScope>()
        .unwrap_or_else(|| IdentifyingScope(RwSignal::new(Vec::new())))
        .0;
    let findings = Memo::new(move |_| value.with(|v| scan(v)));
    let shown = move || {
        let found = findings.get();
        let new = dismissed.with(|d| found.iter().any(|f| !d.contains(f)));
        new.then_some(found)
    };
    view! {
        <div class="identifying-hint-region" aria-live="polite">
            {move || shown().map(|found| view! {
                <div class="identifying-hint" id=format!("{id}-identifying")>
                    <p class="identifying-hint__text">{identifying_hint(&found)}</p>
                    <button class="button button--secondary identifying-hint__dismiss" type="button" on:click=move |_| {
                        dismissed.update(|d| {
                            for f in &found {
                                if !d.contains(f) {
                                    d.push(*f);
                                }
                            }
                        });
                        // The button goes with the hint: focus returns to the field.
                        focus_by_id(id);
                    }>"Dismiss this hint for this note"</button>
                </div>
            })}
        </div>
    }
}

/// A labelled text box or text area. What is typed is shown and kept as text only.
#[component]
pub fn NoteField(
    /// The input's id; its hint and error ids are made from it.
    id: &'static str,
    /// The label.
    label: &'static str,
    /// Hint text under the label, if any.
    hint: Option<&'static str>,
    /// `"textarea"` for several lines, or the input's type (`"text"`, `"date"`).
    control: &'static str,
    /// The value, kept in step with what is typed.
    value: RwSignal<String>,
    /// The error to show for this field, if any.
    #[prop(into)]
    error: Signal<Option<String>>,
    /// Whether the field can only be read.
    #[prop(into)]
    read_only: Signal<bool>,
    /// Called after each change, with the new value already in `value`.
    on_change: Callback<()>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids: Vec<&str> = Vec::new();
            if hint.is_some() {
                ids.push(&hint_id);
            }
            if error.with(Option::is_some) {
                ids.push(&error_id);
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let on_input = move |ev: leptos::ev::Event| {
        value.set(event_target_value(&ev));
        on_change.run(());
    };
    let control_kind = control;
    let control = if control == "textarea" {
        view! {
            <textarea class="textarea notes-field__textarea" class:notes-field__control--error=move || error.with(Option::is_some)
                id=id name=id rows="6" spellcheck="true" aria-describedby=described
                readonly=move || read_only.get() prop:value=move || value.get() on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input class="input notes-field__input" class:notes-field__control--error=move || error.with(Option::is_some)
                id=id name=id type=control autocomplete="off" aria-describedby=described
                readonly=move || read_only.get() prop:value=move || value.get() on:input=on_input/>
        }
        .into_any()
    };
    view! {
        <div class="notes-field" class:notes-field--error=move || error.with(Option::is_some)>
            <label class="label" for=id>{label}</label>
            {hint.map(|h| view! { <div class="hint" id=hint_id>{h}</div> })}
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()><span class="visually-hidden">"Error: "</span>{e}</p>
            })}
            {control}
            {(control_kind != "date").then(|| view! { <IdentifyingHint id value/> })}
        </div>
    }
}

/// "There is a problem", with a link to each field in error. Shown only when there are errors.
#[component]
pub fn ErrorSummary(
    /// Each problem as (the id of the field it is about, the message).
    #[prop(into)]
    errors: Signal<Vec<(String, String)>>,
) -> impl IntoView {
    move || {
        let errors = errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors
                .into_iter()
                .map(|(field, message)| {
                    let href = format!("#{field}");
                    view! { <li><a href=href>{message}</a></li> }
                })
                .collect_view();
            view! {
                <div class="error-summary" id="error-summary" tabindex="-1" role="alert" aria-labelledby="error-summary-title">
                    <h2 class="error-summary__title" id="error-summary-title">"There is a problem"</h2>
                    <ul class="error-summary__list">{items}</ul>
                </div>
            }
        })
    }
}
