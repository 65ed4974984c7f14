//! The "Exit this page" keyboard shortcut as a pure state machine, following the GOV.UK Design
//! System component: Shift pressed three times, each press within 5 seconds of the last; any
//! other key resets the count. The browser edge feeds it key-ups and timer expiries and carries
//! out the reaction (announce a message, start the timer, leave the page).

/// How long after a Shift press the count is kept, in milliseconds.
pub const PRESS_TIMEOUT_MS: u32 = 5_000;

/// Announced after the first Shift press.
pub const PRESS_TWO_MORE: &str = "Shift, press 2 more times to exit.";
/// Announced after the second Shift press.
pub const PRESS_ONE_MORE: &str = "Shift, press 1 more time to exit.";
/// Announced when the count lapses or another key resets it.
pub const EXPIRED: &str = "Exit this page expired.";
/// Shown and announced while the page is being left.
pub const LOADING: &str = "Loading.";

/// What the browser edge should do after an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reaction {
    /// Nothing to do.
    Ignore,
    /// Announce the message, show `presses` lit on the indicator and (re)start the timer.
    Progress { presses: u8, message: &'static str },
    /// The count lapsed: announce [`EXPIRED`], clear the indicator, stop the timer.
    Expired,
    /// Leave the page now.
    Exit,
}

/// Counts Shift presses towards the exit shortcut.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ExitShortcut {
    presses: u8,
    last_key_was_modified: bool,
}

impl ExitShortcut {
    /// A counter with no presses.
    pub fn new() -> Self {
        Self::default()
    }

    /// The number of Shift presses counted so far (0 to 2).
    pub fn presses(&self) -> u8 {
        self.presses
    }

    /// A key was released. `is_shift` says whether it was Shift; `shift_held` is the event's
    /// `shiftKey`, so a Shift used to type a capital letter does not count afterwards.
    pub fn key_up(&mut self, is_shift: bool, shift_held: bool) -> Reaction {
        let was_modified = self.last_key_was_modified;
        self.last_key_was_modified = shift_held;
        if is_shift && !was_modified {
            self.presses += 1;
            match self.presses {
                1 => Reaction::Progress {
                    presses: 1,
                    message: PRESS_TWO_MORE,
                },
                2 => Reaction::Progress {
                    presses: 2,
                    message: PRESS_ONE_MORE,
                },
                _ => {
                    self.presses = 0;
                    Reaction::Exit
                }
            }
        } else if self.presses > 0 {
            self.presses = 0;
            Reaction::Expired
        } else {
            Reaction::Ignore
        }
    }

    /// The timer started by the last [`Reaction::Progress`] ran out.
    pub fn timeout(&mut self) -> Reaction {
        if self.presses == 0 {
            return Reaction::Ignore;
        }
        self.presses = 0;
        Reaction::Expired
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy)]
    enum In {
        Shift,
        /// Another key released while Shift is held (typing a capital letter).
        Capital,
        Other,
        Timeout,
    }

    fn check(inputs: &[In], expected_last: Reaction, expected_presses: u8) {
        let mut s = ExitShortcut::new();
        let mut last = Reaction::Ignore;
        for input in inputs {
            last = match input {
                In::Shift => s.key_up(true, false),
                In::Capital => s.key_up(false, true),
                In::Other => s.key_up(false, false),
                In::Timeout => s.timeout(),
            };
        }
        assert_eq!(last, expected_last);
        assert_eq!(s.presses(), expected_presses);
    }

    #[test]
    fn shift_three_times_exits() {
        use In::*;
        check(
            &[Shift],
            Reaction::Progress {
                presses: 1,
                message: PRESS_TWO_MORE,
            },
            1,
        );
        check(
            &[Shift, Shift],
            Reaction::Progress {
                presses: 2,
                message: PRESS_ONE_MORE,
            },
            2,
        );
        check(&[Shift, Shift, Shift], Reaction::Exit, 0);
        check(
            &[Shift, Shift, Shift, Shift],
            Reaction::Progress {
                presses: 1,
                message: PRESS_TWO_MORE,
            },
            1,
        );
    }

    #[test]
    fn another_key_or_the_timer_resets() {
        use In::*;
        check(&[Shift, Other], Reaction::Expired, 0);
        check(
            &[Shift, Shift, Other, Shift],
            Reaction::Progress {
                presses: 1,
                message: PRESS_TWO_MORE,
            },
            1,
        );
        check(&[Shift, Shift, Timeout], Reaction::Expired, 0);
        check(
            &[Shift, Shift, Timeout, Shift],
            Reaction::Progress {
                presses: 1,
                message: PRESS_TWO_MORE,
            },
            1,
        );
        check(&[Other], Reaction::Ignore, 0);
        check(&[Timeout], Reaction::Ignore, 0);
    }

    #[test]
    fn shift_used_for_a_capital_letter_does_not_count() {
        use In::*;
        // Typing "AB" with Shift held: the Shift key-up after a modified key is ignored.
        check(&[Capital, Shift], Reaction::Ignore, 0);
        check(&[Capital, Shift, Shift, Shift, Shift], Reaction::Exit, 0);
    }
}
