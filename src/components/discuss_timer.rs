//! The optional timer for each theme in discussion mode. It is shown, not spoken: the clock has
//! the `timer` role, which screen readers do not announce as it ticks, and it can be paused.

use leptos::leptos_dom::helpers::{set_interval_with_handle, IntervalHandle};
use leptos::prelude::*;
use std::time::Duration;

use crate::domain::discussion::{clock, Timer, TIMER_CHOICES};

fn now() -> f64 {
    js_sys::Date::now()
}

/// A length chooser, the clock, and Start, Pause and Restart. Moving to another slide puts the
/// whole length back, and keeps the clock running if it was.
#[component]
pub fn DiscussTimer(
    /// The slide shown; the timer restarts when it changes.
    #[prop(into)]
    slide: Signal<usize>,
) -> impl IntoView {
    let minutes = RwSignal::new(0u32);
    let timer = RwSignal::new(Timer::new(5));
    // The clock is read only while the timer runs, in the browser; rendering needs no time.
    let tick = RwSignal::new(0.0);
    let interval = StoredValue::new(None::<IntervalHandle>);

    let stop_ticking = move || {
        if let Some(handle) = interval.get_value() {
            handle.clear();
            interval.set_value(None);
        }
    };
    // Tick four times a second while running; stop at zero.
    Effect::new(move |_| {
        if timer.with(Timer::is_running) {
            if interval.get_value().is_none() {
                let handle = set_interval_with_handle(
                    move || {
                        let t = now();
                        tick.set(t);
                        if timer.with_untracked(|timer| timer.is_up(t)) {
                            timer.update(|timer| timer.pause(t));
                        }
                    },
                    Duration::from_millis(250),
                );
                interval.set_value(handle.ok());
            }
        } else {
            stop_ticking();
        }
    });
    on_cleanup(stop_ticking);
    Effect::new(move |previous: Option<usize>| {
        let current = slide.get();
        if previous.is_some_and(|p| p != current) {
            timer.update(|t| {
                let running = t.is_running();
                t.reset();
                if running {
                    t.start(now());
                }
            });
            tick.set(now());
        }
        current
    });

    let choose = move |ev: leptos::ev::Event| {
        let m: u32 = event_target_value(&ev).parse().unwrap_or(0);
        minutes.set(m);
        timer.set(Timer::new(m.max(1)));
        tick.set(now());
    };
    let remaining = move || timer.with(|t| t.remaining(tick.get()));
    let is_up = move || remaining() <= 0.0;
    let toggle = move |_| {
        let t = now();
        timer.update(|timer| {
            if timer.is_running() {
                timer.pause(t);
            } else if !timer.is_up(t) {
                timer.start(t);
            }
        });
        tick.set(t);
    };
    let restart = move |_| {
        timer.update(Timer::reset);
        tick.set(now());
    };
    let toggle_label = move || {
        let t = timer.get();
        if t.is_running() {
            "Pause timer"
        } else if t.remaining(tick.get()) < t.length_ms {
            "Resume timer"
        } else {
            "Start timer"
        }
    };
    let options = TIMER_CHOICES
        .iter()
        .map(|m| view! { <option value=m.to_string()>{format!("{m} minutes")}</option> })
        .collect_view();

    view! {
        <div class="timer">
            <div class="timer__choice">
                <label class="label timer__label" for="timer-length">"Timer for each theme"</label>
                <select class="select" id="timer-length" on:change=choose>
                    <option value="0" selected>"No timer"</option>
                    {options}
                </select>
            </div>
            {move || (minutes.get() > 0).then(|| view! {
                <div class="timer__run">
                    <span class="timer__clock" class:timer__clock--up=is_up role="timer" aria-label="Time left">
                        {move || clock(remaining())}
                    </span>
                    {move || is_up().then(|| view! { <span class="timer__up">"Time is up"</span> })}
                    <button class="button button--secondary" type="button" disabled=is_up on:click=toggle>{toggle_label}</button>
                    <button class="button button--secondary" type="button" on:click=restart>"Restart timer"</button>
                </div>
            })}
        </div>
    }
}
