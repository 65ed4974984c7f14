//! When the notes lock locks again by itself: after 5, 15 or 60 minutes without use (15 unless
//! the person chose otherwise), whatever the device clock does.
//!
//! Time is read two ways, and either one running out locks: the page's own clock, which only
//! goes forward but may stand still while a phone sleeps, and the device's date, which keeps
//! going through sleep but can be changed by hand. A date moved back cannot keep notes open
//! (the page's clock still runs); a date moved forward locks early, which is the safe way to
//! be wrong. Both are in milliseconds.

use std::fmt;

/// How long without use before the lock closes again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub enum AutoLock {
    /// Five minutes.
    Five,
    /// Fifteen minutes, unless the person chose otherwise.
    #[default]
    Fifteen,
    /// An hour.
    Sixty,
}

impl AutoLock {
    /// Every choice, shortest first, as the settings offer them.
    pub const ALL: [AutoLock; 3] = [AutoLock::Five, AutoLock::Fifteen, AutoLock::Sixty];

    /// The minutes it waits.
    pub fn minutes(self) -> u32 {
        match self {
            AutoLock::Five => 5,
            AutoLock::Fifteen => 15,
            AutoLock::Sixty => 60,
        }
    }

    /// The milliseconds it waits.
    pub fn millis(self) -> f64 {
        f64::from(self.minutes()) * 60_000.0
    }

    /// The choice kept as `minutes` (a setting's stored value); anything else is the default.
    pub fn from_minutes(minutes: &str) -> AutoLock {
        Self::ALL
            .into_iter()
            .find(|a| a.minutes().to_string() == minutes.trim())
            .unwrap_or_default()
    }
}

impl fmt::Display for AutoLock {
    /// "after 15 minutes without use"
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AutoLock::Sixty => write!(f, "after 1 hour without use"),
            other => write!(f, "after {} minutes without use", other.minutes()),
        }
    }
}

/// A moment read from both clocks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Moment {
    /// The page's clock (`performance.now()`): never goes back.
    pub page: f64,
    /// The device's date (`Date.now()`): keeps going through sleep, can be changed by hand.
    pub date: f64,
}

/// When the notes were last used, and how long they may stay open without use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Idle {
    last: Moment,
    after: AutoLock,
}

impl Idle {
    /// Open from `now`, to lock `after` this long without use.
    pub fn new(now: Moment, after: AutoLock) -> Self {
        Idle { last: now, after }
    }

    /// The person used the notes at `now`: the wait starts again.
    pub fn used(&mut self, now: Moment) {
        self.last = now;
    }

    /// The chosen wait.
    pub fn after(&self) -> AutoLock {
        self.after
    }

    /// Whether the notes should lock at `now`: either clock says the wait is over. A date
    /// earlier than the last use (moved back) says nothing; the page's clock still counts.
    pub fn due(&self, now: Moment) -> bool {
        let limit = self.after.millis();
        now.page - self.last.page >= limit || now.date - self.last.date >= limit
    }

    /// Milliseconds until it is due by the page's clock, for the next check (zero if due).
    pub fn remaining(&self, now: Moment) -> f64 {
        if self.due(now) {
            return 0.0;
        }
        let by_page = self.after.millis() - (now.page - self.last.page);
        let by_date = self.after.millis() - (now.date - self.last.date);
        by_page.min(by_date).max(0.0)
    }
}
