//! Form pieces for notes, in the GOV.UK pattern: a labelled text box or area with hint and
//! inline error, and the error summary that links to each problem.

use leptos::prelude::*;

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
