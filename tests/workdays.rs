//! Table tests for dates and working days in England and Wales (`domain::workdays`).

use safeguarding_toolkit::domain::workdays::{
    add_days, add_months, add_working_days, bank_holidays, is_bank_holiday, Date, OutOfRange, Weekday,
    FIRST_YEAR, LAST_YEAR,
};

fn date(text: &str) -> Date {
    Date::parse(text).unwrap_or_else(|| panic!("{text} is not a date"))
}

/// One `add_working_days` case: start, working days to add, expected date.
fn check(start: &str, n: u32, expected: &str) {
    let got = add_working_days(date(start), n);
    assert_eq!(got, Ok(date(expected)), "{start} + {n} working days");
}

#[test]
fn working_days_across_christmas_and_new_year() {
    // Christmas Friday 2020: Boxing Day is a Saturday, so Monday 28th is the substitute.
    check("2020-12-24", 5, "2021-01-05");
    // Christmas Saturday 2021: substitutes on Monday 27th and Tuesday 28th; New Year's Day is a
    // Saturday, so Monday 3 January 2022 is the substitute.
    check("2021-12-24", 5, "2022-01-05");
    // Christmas Sunday 2022: Boxing Day Monday 26th, Christmas substitute Tuesday 27th, and New
    // Year's Day is a Sunday, so Monday 2 January 2023 is the substitute.
    check("2022-12-23", 5, "2023-01-04");
    check("2023-12-20", 5, "2023-12-29");
    check("2021-12-31", 1, "2022-01-04");
}

#[test]
fn working_days_across_easter() {
    check("2019-04-18", 1, "2019-04-23");
    check("2019-04-18", 5, "2019-04-29");
    check("2024-03-28", 1, "2024-04-02");
    check("2025-04-17", 3, "2025-04-24");
}

#[test]
fn working_days_across_one_off_bank_holidays() {
    // 2020: early May bank holiday moved from Monday 4 May to Friday 8 May (VE Day).
    check("2020-05-01", 1, "2020-05-04");
    check("2020-05-07", 1, "2020-05-11");
    // 2022: spring bank holiday moved to Thursday 2 June, Platinum Jubilee on Friday 3 June.
    check("2022-05-27", 1, "2022-05-30");
    check("2022-06-01", 1, "2022-06-06");
    // 2022: state funeral of Queen Elizabeth II on Monday 19 September.
    check("2022-09-16", 1, "2022-09-20");
    // 2023: early May bank holiday on 1 May and coronation on Monday 8 May.
    check("2023-04-28", 1, "2023-05-02");
    check("2023-05-05", 1, "2023-05-09");
    check("2023-05-05", 5, "2023-05-15");
}

#[test]
fn working_days_counting_convention() {
    // Counting starts the day after; a weekend start counts from Monday; 0 is the start itself.
    check("2023-07-03", 5, "2023-07-10");
    check("2023-07-01", 1, "2023-07-03");
    check("2023-07-01", 0, "2023-07-01");
    check("2023-07-10", 15, "2023-07-31");
    // The last days of the table still work.
    check("2030-12-20", 5, "2030-12-31");
}

#[test]
fn working_days_outside_the_table_say_so() {
    let cases = [
        ("2017-12-20", 5, "2017-12-20"),
        ("2030-12-30", 5, "2031-01-01"),
        ("2031-01-02", 0, "2031-01-02"),
    ];
    for (start, n, outside) in cases {
        let got = add_working_days(date(start), n);
        assert_eq!(got, Err(OutOfRange { date: date(outside) }), "{start} + {n}");
    }
    let message = OutOfRange {
        date: date("2031-01-01"),
    }
    .to_string();
    assert!(message.contains("2018") && message.contains("2030"), "{message}");
    assert!(is_bank_holiday(date("2017-12-25")).is_err());
}

#[test]
fn calendar_days_and_months() {
    let months = [
        ("2023-01-31", 1, "2023-02-28"),
        ("2024-01-31", 1, "2024-02-29"),
        ("2023-12-15", 1, "2024-01-15"),
        ("2023-08-31", 6, "2024-02-29"),
        ("2023-05-08", 0, "2023-05-08"),
    ];
    for (start, n, expected) in months {
        assert_eq!(add_months(date(start), n), date(expected), "{start} + {n} months");
    }
    let days = [
        ("2023-12-25", 14, "2024-01-08"),
        ("2024-03-01", -1, "2024-02-29"),
        ("1999-12-31", 1, "2000-01-01"),
    ];
    for (start, n, expected) in days {
        assert_eq!(add_days(date(start), n), date(expected), "{start} + {n} days");
    }
}

#[test]
fn dates_parse_and_display() {
    for bad in [
        "",
        "2022-1-3",
        "2022-02-30",
        "2023-02-29",
        "2022-13-01",
        "abcd-ef-gh",
        "2022-01-03x",
        "+022-01-03",
        "0000-01-01",
    ] {
        assert_eq!(Date::parse(bad), None, "{bad:?}");
    }
    assert_eq!(date("2024-02-29").iso(), "2024-02-29");
    assert_eq!(date("2022-01-03").to_string(), "Monday 3 January 2022");
    assert_eq!(date("2023-05-08").to_string(), "Monday 8 May 2023");
    assert_eq!(date("2000-01-01").weekday(), Weekday::Saturday);
    assert_eq!(date("1970-01-01").weekday(), Weekday::Thursday);
    assert_eq!(date("2024-02-29").weekday(), Weekday::Thursday);
}

/// Easter Sunday by the anonymous Gregorian algorithm.
fn easter(y: i32) -> Date {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(y, month as u8, day as u8).expect("Easter is a date")
}

fn first_monday(y: i32, month: u8) -> Date {
    (1..=7)
        .map(|d| Date::new(y, month, d).expect("a date"))
        .find(|d| d.weekday() == Weekday::Monday)
        .expect("a Monday")
}

fn last_monday(y: i32, month: u8) -> Date {
    let next = add_months(Date::new(y, month, 1).expect("a date"), 1);
    (1..=7)
        .map(|n| add_days(next, -n))
        .find(|d| d.weekday() == Weekday::Monday)
        .expect("a Monday")
}

/// The usual bank holidays of a year in England and Wales, with substitute days.
fn usual_holidays(y: i32) -> Vec<Date> {
    let day = |m, d| Date::new(y, m, d).expect("a date");
    let new_year = match day(1, 1).weekday() {
        Weekday::Saturday => day(1, 3),
        Weekday::Sunday => day(1, 2),
        _ => day(1, 1),
    };
    let (christmas, boxing) = match day(12, 25).weekday() {
        Weekday::Friday => (day(12, 25), day(12, 28)),
        Weekday::Saturday => (day(12, 27), day(12, 28)),
        Weekday::Sunday => (day(12, 27), day(12, 26)),
        _ => (day(12, 25), day(12, 26)),
    };
    let sunday = easter(y);
    let mut all = vec![
        new_year,
        add_days(sunday, -2),
        add_days(sunday, 1),
        first_monday(y, 5),
        last_monday(y, 5),
        last_monday(y, 8),
        christmas,
        boxing,
    ];
    all.sort();
    all
}

#[test]
fn the_table_follows_the_rules_and_the_announced_changes() {
    assert_eq!(easter(2019), date("2019-04-21"));
    assert_eq!(easter(2024), date("2024-03-31"));
    assert_eq!(easter(2025), date("2025-04-20"));
    for y in FIRST_YEAR..=LAST_YEAR {
        let mut expected = usual_holidays(y);
        let mut swap = |from: &str, to: &[&str]| {
            if !from.is_empty() {
                expected.retain(|d| *d != date(from));
            }
            expected.extend(to.iter().map(|t| date(t)));
        };
        match y {
            2020 => swap("2020-05-04", &["2020-05-08"]),
            2022 => swap("2022-05-30", &["2022-06-02", "2022-06-03", "2022-09-19"]),
            2023 => swap("", &["2023-05-08"]),
            _ => {}
        }
        expected.sort();
        let table: Vec<Date> = bank_holidays()
            .iter()
            .copied()
            .filter(|d| d.year() == y)
            .collect();
        assert_eq!(table, expected, "bank holidays in {y}");
    }
    assert!(
        bank_holidays().windows(2).all(|w| w[0] < w[1]),
        "the table is in date order"
    );
    assert!(
        bank_holidays().iter().all(|d| !d.weekday().is_weekend()),
        "no holiday on a weekend"
    );
}
