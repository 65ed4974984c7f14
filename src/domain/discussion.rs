//! Team discussion mode without the browser: which slide comes next, what a key or a swipe
//! means, and the per-theme timer that can be paused. The page only feeds it events and times.

/// One slide of a discussion: the brief's opening, one of its themes, or the close.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slide {
    /// The title, summary and QR code, before the first theme.
    Start,
    /// A theme, counting from 0.
    Theme(usize),
    /// The closing questions, next steps and the record of the discussion.
    End,
}

/// The slides of a brief with `themes` themes: the start, each theme, then the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Deck {
    /// How many themes the brief has.
    pub themes: usize,
}

impl Deck {
    /// How many slides there are.
    pub fn len(&self) -> usize {
        self.themes + 2
    }

    /// Never true: a deck always has its start and end. Here for clippy's `len` rule.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// The slide at a position, clamped to the deck.
    pub fn slide(&self, at: usize) -> Slide {
        match at.min(self.len() - 1) {
            0 => Slide::Start,
            n if n <= self.themes => Slide::Theme(n - 1),
            _ => Slide::End,
        }
    }

    /// The position after an action, which stays within the deck.
    pub fn after(&self, at: usize, action: Action) -> usize {
        let last = self.len() - 1;
        match action {
            Action::Next => (at + 1).min(last),
            Action::Previous => at.saturating_sub(1).min(last),
            Action::First => 0,
            Action::Last => last,
            Action::Leave => at.min(last),
        }
    }

    /// What the position is called on screen: "Start", "Theme 2 of 5" or "End".
    pub fn label(&self, at: usize) -> String {
        match self.slide(at) {
            Slide::Start => "Start".to_string(),
            Slide::Theme(i) => format!("Theme {} of {}", i + 1, self.themes),
            Slide::End => "End".to_string(),
        }
    }

    /// Reads a position from the address (`?at=3`), clamped to the deck; 0 when absent or bad.
    pub fn parse_at(&self, value: Option<&str>) -> usize {
        value
            .and_then(|v| v.parse::<usize>().ok())
            .map_or(0, |n| n.min(self.len() - 1))
    }
}

/// Something a person asks of the deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// The next slide.
    Next,
    /// The previous slide.
    Previous,
    /// The start.
    First,
    /// The end.
    Last,
    /// Leave discussion mode and go back to the brief.
    Leave,
}

/// Where a key was pressed, which decides whether the deck or the focused control gets it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KeyTarget {
    /// The page itself, a heading or plain text.
    Page,
    /// A button or link: Space and Enter belong to it, arrow keys still move the deck.
    Control,
    /// A text box or area: every key belongs to it, except Escape when it is empty.
    Field {
        /// Whether the field has nothing typed in it.
        empty: bool,
    },
}

/// What a key press means in discussion mode, if anything. Modifier keys other than Shift are
/// left to the browser, so its own shortcuts keep working.
pub fn key_action(key: &str, shift: bool, other_modifier: bool, target: KeyTarget) -> Option<Action> {
    if other_modifier {
        return None;
    }
    match target {
        KeyTarget::Field { empty } => return (key == "Escape" && empty).then_some(Action::Leave),
        KeyTarget::Control if key == " " || key == "Enter" => return None,
        _ => {}
    }
    match key {
        "ArrowRight" | "PageDown" => Some(Action::Next),
        "ArrowLeft" | "PageUp" => Some(Action::Previous),
        " " if shift => Some(Action::Previous),
        " " => Some(Action::Next),
        "Home" => Some(Action::First),
        "End" => Some(Action::Last),
        "Escape" => Some(Action::Leave),
        _ => None,
    }
}

/// The shortest horizontal movement, in CSS pixels, that counts as a swipe.
pub const SWIPE_MIN: f64 = 50.0;

/// What a touch that moved by (`dx`, `dy`) means: a mostly sideways swipe of at least
/// [`SWIPE_MIN`] turns the page (swiping left shows the next slide, as in a book).
pub fn swipe_action(dx: f64, dy: f64) -> Option<Action> {
    if dx.abs() < SWIPE_MIN || dx.abs() < dy.abs() * 2.0 {
        return None;
    }
    Some(if dx < 0.0 { Action::Next } else { Action::Previous })
}

/// The lengths a facilitator can choose for the per-theme timer, in minutes.
pub const TIMER_CHOICES: [u32; 4] = [2, 5, 10, 15];

/// A countdown for one theme that can be paused. Times are milliseconds from any fixed clock
/// (the page uses `Date.now()`), passed in so the timer is tested without waiting.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timer {
    /// The time allowed, in milliseconds.
    pub length_ms: f64,
    /// Time used in earlier running spells.
    used_ms: f64,
    /// When the current running spell began, if the timer is running.
    since: Option<f64>,
}

impl Timer {
    /// A stopped timer with the whole length left.
    pub fn new(minutes: u32) -> Self {
        Timer {
            length_ms: f64::from(minutes) * 60_000.0,
            used_ms: 0.0,
            since: None,
        }
    }

    /// Whether the timer is counting down.
    pub fn is_running(&self) -> bool {
        self.since.is_some()
    }

    /// Starts or resumes counting at `now`.
    pub fn start(&mut self, now: f64) {
        if self.since.is_none() {
            self.since = Some(now);
        }
    }

    /// Pauses at `now`, keeping the time used so far.
    pub fn pause(&mut self, now: f64) {
        if let Some(since) = self.since.take() {
            self.used_ms += (now - since).max(0.0);
        }
    }

    /// Stops and puts back the whole length, for a new theme.
    pub fn reset(&mut self) {
        self.used_ms = 0.0;
        self.since = None;
    }

    /// Milliseconds left at `now`, never below zero.
    pub fn remaining(&self, now: f64) -> f64 {
        let running = self.since.map_or(0.0, |since| (now - since).max(0.0));
        (self.length_ms - self.used_ms - running).max(0.0)
    }

    /// Whether the time has run out at `now`.
    pub fn is_up(&self, now: f64) -> bool {
        self.remaining(now) <= 0.0
    }
}

/// Milliseconds as the clock shows them, `m:ss`, rounding up so "0:00" means time is up.
pub fn clock(ms: f64) -> String {
    let secs = (ms.max(0.0) / 1000.0).ceil() as u64;
    format!("{}:{:02}", secs / 60, secs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_position_has_one_slide_and_actions_stay_in_the_deck() {
        let deck = Deck { themes: 3 };
        let slides: Vec<Slide> = (0..deck.len()).map(|i| deck.slide(i)).collect();
        assert_eq!(
            slides,
            [
                Slide::Start,
                Slide::Theme(0),
                Slide::Theme(1),
                Slide::Theme(2),
                Slide::End
            ]
        );
        for at in 0..deck.len() {
            for action in [
                Action::Next,
                Action::Previous,
                Action::First,
                Action::Last,
                Action::Leave,
            ] {
                assert!(deck.after(at, action) < deck.len(), "{at} {action:?}");
            }
        }
        assert_eq!(deck.after(4, Action::Next), 4);
        assert_eq!(deck.after(0, Action::Previous), 0);
        assert_eq!(deck.after(2, Action::Last), 4);
        assert_eq!(deck.after(2, Action::First), 0);
    }

    #[test]
    fn next_from_the_start_visits_every_theme_then_the_end() {
        for themes in 0..8 {
            let deck = Deck { themes };
            let mut at = 0;
            let mut seen = vec![deck.label(at)];
            while deck.slide(at) != Slide::End {
                at = deck.after(at, Action::Next);
                seen.push(deck.label(at));
            }
            assert_eq!(seen.len(), themes + 2);
            let expected: Vec<String> = (1..=themes).map(|n| format!("Theme {n} of {themes}")).collect();
            assert_eq!(seen[1..=themes], expected[..]);
        }
    }

    #[test]
    fn the_address_position_is_clamped() {
        let deck = Deck { themes: 2 };
        assert_eq!(deck.parse_at(None), 0);
        assert_eq!(deck.parse_at(Some("2")), 2);
        assert_eq!(deck.parse_at(Some("99")), 3);
        assert_eq!(deck.parse_at(Some("-1")), 0);
        assert_eq!(deck.parse_at(Some("two")), 0);
    }

    #[test]
    fn keys_mean_what_they_say_and_leave_typing_alone() {
        use Action::*;
        let page = KeyTarget::Page;
        let control = KeyTarget::Control;
        let typed = KeyTarget::Field { empty: false };
        let blank = KeyTarget::Field { empty: true };
        let rows: &[(&str, bool, bool, KeyTarget, Option<Action>)] = &[
            ("ArrowRight", false, false, page, Some(Next)),
            ("ArrowLeft", false, false, page, Some(Previous)),
            ("PageDown", false, false, page, Some(Next)),
            ("PageUp", false, false, page, Some(Previous)),
            (" ", false, false, page, Some(Next)),
            (" ", true, false, page, Some(Previous)),
            ("Home", false, false, page, Some(First)),
            ("End", false, false, page, Some(Last)),
            ("Escape", false, false, page, Some(Leave)),
            ("ArrowRight", false, false, control, Some(Next)),
            (" ", false, false, control, None),
            ("Enter", false, false, control, None),
            ("Escape", false, false, control, Some(Leave)),
            ("ArrowRight", false, false, typed, None),
            (" ", false, false, typed, None),
            ("Escape", false, false, typed, None),
            ("Escape", false, false, blank, Some(Leave)),
            ("ArrowLeft", false, true, page, None),
            // Shift alone (three presses is Exit this page) means nothing to the deck.
            ("Shift", true, false, page, None),
            ("a", false, false, page, None),
        ];
        for &(key, shift, other, target, expected) in rows {
            assert_eq!(
                key_action(key, shift, other, target),
                expected,
                "{key:?} {shift} {other} {target:?}"
            );
        }
    }

    #[test]
    fn only_a_long_sideways_touch_is_a_swipe() {
        assert_eq!(swipe_action(-80.0, 10.0), Some(Action::Next));
        assert_eq!(swipe_action(80.0, -10.0), Some(Action::Previous));
        assert_eq!(swipe_action(-30.0, 0.0), None);
        assert_eq!(swipe_action(-80.0, 60.0), None, "mostly a scroll");
        assert_eq!(swipe_action(0.0, 0.0), None, "a tap");
    }

    #[test]
    fn the_timer_counts_down_pauses_and_resets() {
        let mut t = Timer::new(5);
        assert_eq!(t.remaining(0.0), 300_000.0);
        assert!(!t.is_running());
        t.start(1_000.0);
        assert_eq!(t.remaining(61_000.0), 240_000.0);
        t.pause(61_000.0);
        assert_eq!(t.remaining(500_000.0), 240_000.0, "paused time does not count");
        t.start(500_000.0);
        t.start(510_000.0); // a second start does not lose time
        assert_eq!(t.remaining(520_000.0), 220_000.0);
        assert!(!t.is_up(520_000.0));
        assert!(t.is_up(900_000.0));
        assert_eq!(t.remaining(900_000.0), 0.0);
        t.reset();
        assert_eq!(t.remaining(900_000.0), 300_000.0);
        assert!(!t.is_running());
    }

    #[test]
    fn the_clock_rounds_up_to_whole_seconds() {
        assert_eq!(clock(300_000.0), "5:00");
        assert_eq!(clock(299_001.0), "5:00");
        assert_eq!(clock(299_000.0), "4:59");
        assert_eq!(clock(9_000.0), "0:09");
        assert_eq!(clock(1.0), "0:01");
        assert_eq!(clock(0.0), "0:00");
        assert_eq!(clock(-5.0), "0:00");
    }
}
