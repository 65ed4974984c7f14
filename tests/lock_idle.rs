//! Host tests for when the notes lock closes again by itself (`domain::lock::idle`): a table of
//! uses and checks under both clocks, including a date moved back or forward and a page clock
//! that stood still while the device slept.

use safeguarding_toolkit::domain::lock::{AutoLock, Idle, Moment};

const MIN: f64 = 60_000.0;

fn at(page: f64, date: f64) -> Moment {
    Moment { page, date }
}

#[test]
fn it_locks_when_either_clock_says_the_wait_is_over() {
    let start = at(1_000.0, 1_700_000_000_000.0);
    let d = start.date;
    // (what happened, the wait, the moment checked, due?)
    let rows: Vec<(&str, AutoLock, Moment, bool)> = vec![
        ("just opened", AutoLock::Fifteen, start, false),
        (
            "14 minutes on both",
            AutoLock::Fifteen,
            at(1_000.0 + 14.0 * MIN, d + 14.0 * MIN),
            false,
        ),
        (
            "15 minutes on both",
            AutoLock::Fifteen,
            at(1_000.0 + 15.0 * MIN, d + 15.0 * MIN),
            true,
        ),
        (
            "5 minutes, wait of 5",
            AutoLock::Five,
            at(1_000.0 + 5.0 * MIN, d + 5.0 * MIN),
            true,
        ),
        (
            "4 minutes, wait of 5",
            AutoLock::Five,
            at(1_000.0 + 4.0 * MIN, d + 4.0 * MIN),
            false,
        ),
        (
            "59 minutes, wait of 60",
            AutoLock::Sixty,
            at(1_000.0 + 59.0 * MIN, d + 59.0 * MIN),
            false,
        ),
        (
            "60 minutes, wait of 60",
            AutoLock::Sixty,
            at(1_000.0 + 60.0 * MIN, d + 60.0 * MIN),
            true,
        ),
        // The device slept: the page's clock stood still, the date went on.
        (
            "slept 2 hours",
            AutoLock::Fifteen,
            at(1_000.0 + MIN, d + 120.0 * MIN),
            true,
        ),
        // The date moved back by hand: the page's clock still counts.
        (
            "date moved back a day",
            AutoLock::Fifteen,
            at(1_000.0 + 16.0 * MIN, d - 1_440.0 * MIN),
            true,
        ),
        (
            "date moved back, not yet",
            AutoLock::Fifteen,
            at(1_000.0 + 10.0 * MIN, d - 1_440.0 * MIN),
            false,
        ),
        // The date moved forward: locks early, the safe way to be wrong.
        (
            "date moved forward a day",
            AutoLock::Fifteen,
            at(1_000.0 + MIN, d + 1_440.0 * MIN),
            true,
        ),
    ];
    for (what, after, now, due) in rows {
        assert_eq!(Idle::new(start, after).due(now), due, "{what}");
    }
}

#[test]
fn use_starts_the_wait_again() {
    let mut idle = Idle::new(at(0.0, 0.0), AutoLock::Five);
    idle.used(at(4.0 * MIN, 4.0 * MIN));
    assert!(!idle.due(at(8.0 * MIN, 8.0 * MIN)));
    assert!(idle.due(at(9.0 * MIN, 9.0 * MIN)));
    assert_eq!(idle.remaining(at(6.0 * MIN, 6.0 * MIN)), 3.0 * MIN);
    assert_eq!(
        idle.remaining(at(6.0 * MIN, 8.0 * MIN)),
        MIN,
        "the date, ahead, is sooner"
    );
    assert_eq!(idle.remaining(at(10.0 * MIN, 10.0 * MIN)), 0.0);
}

#[test]
fn the_choice_is_kept_as_minutes_and_said_in_words() {
    assert_eq!(AutoLock::default(), AutoLock::Fifteen);
    for a in AutoLock::ALL {
        assert_eq!(AutoLock::from_minutes(&a.minutes().to_string()), a);
    }
    assert_eq!(AutoLock::from_minutes("7"), AutoLock::Fifteen);
    assert_eq!(AutoLock::from_minutes(""), AutoLock::Fifteen);
    assert_eq!(AutoLock::Five.to_string(), "after 5 minutes without use");
    assert_eq!(AutoLock::Sixty.to_string(), "after 1 hour without use");
}
