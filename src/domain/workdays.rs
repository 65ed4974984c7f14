//! Calendar dates and working days in England and Wales, for the review guide's deadlines.
//!
//! # How days are counted
//!
//! - [`add_working_days`] starts counting on the day *after* the start date: 5 working days from
//!   Monday 3 July 2023 is Monday 10 July 2023. Saturdays, Sundays and bank holidays in England
//!   and Wales are skipped. Adding 0 gives the start date itself.
//! - Bank holidays come from a bundled table for [`FIRST_YEAR`] to [`LAST_YEAR`]. If the start
//!   date, or any day the count has to step through, falls outside those years, the answer is
//!   [`OutOfRange`]: the code never guesses a year's holidays.
//! - [`add_days`] and [`add_months`] are plain calendar arithmetic and need no table. Adding a
//!   month keeps the day of the month, or uses the month's last day if it is shorter: one month
//!   from 31 January 2023 is 28 February 2023.
//!
//! The table includes the one-off changes (8 May 2020, 2 and 3 June 2022, 19 September 2022,
//! 8 May 2023) and substitute days for holidays that fall at a weekend. Years the government had
//! not yet published follow the usual pattern; it can still add or move a holiday, so check later
//! years against the published list when it appears. `tests/workdays.rs` checks every year
//! against the rules, so a typo in the table fails the tests.

use std::fmt;

/// The first year the bank holiday table covers.
pub const FIRST_YEAR: i32 = 2018;
/// The last year the bank holiday table covers.
pub const LAST_YEAR: i32 = 2030;

/// A day in the Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

/// Working days could not be counted because a date falls outside the bank holiday table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OutOfRange {
    /// The first date found outside [`FIRST_YEAR`]..=[`LAST_YEAR`].
    pub date: Date,
}

/// The months' names in English, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const fn d(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

/// Bank holidays in England and Wales, in date order, including substitute days.
#[rustfmt::skip]
const BANK_HOLIDAYS: &[Date] = &[
    d(2018, 1, 1), d(2018, 3, 30), d(2018, 4, 2), d(2018, 5, 7),
    d(2018, 5, 28), d(2018, 8, 27), d(2018, 12, 25), d(2018, 12, 26),
    d(2019, 1, 1), d(2019, 4, 19), d(2019, 4, 22), d(2019, 5, 6),
    d(2019, 5, 27), d(2019, 8, 26), d(2019, 12, 25), d(2019, 12, 26),
    // 2020: the early May bank holiday moved to Friday 8 May for the 75th anniversary of VE Day.
    d(2020, 1, 1), d(2020, 4, 10), d(2020, 4, 13), d(2020, 5, 8),
    d(2020, 5, 25), d(2020, 8, 31), d(2020, 12, 25), d(2020, 12, 28),
    d(2021, 1, 1), d(2021, 4, 2), d(2021, 4, 5), d(2021, 5, 3),
    d(2021, 5, 31), d(2021, 8, 30), d(2021, 12, 27), d(2021, 12, 28),
    // 2022: the spring bank holiday moved to 2 June, with an extra day on 3 June for the Platinum
    // Jubilee, and 19 September was the state funeral of Queen Elizabeth II.
    d(2022, 1, 3), d(2022, 4, 15), d(2022, 4, 18), d(2022, 5, 2),
    d(2022, 6, 2), d(2022, 6, 3), d(2022, 8, 29), d(2022, 9, 19),
    d(2022, 12, 26), d(2022, 12, 27),
    // 2023: 8 May was an extra bank holiday for the coronation of King Charles III.
    d(2023, 1, 2), d(2023, 4, 7), d(2023, 4, 10), d(2023, 5, 1),
    d(2023, 5, 8), d(2023, 5, 29), d(2023, 8, 28), d(2023, 12, 25),
    d(2023, 12, 26),
    d(2024, 1, 1), d(2024, 3, 29), d(2024, 4, 1), d(2024, 5, 6),
    d(2024, 5, 27), d(2024, 8, 26), d(2024, 12, 25), d(2024, 12, 26),
    d(2025, 1, 1), d(2025, 4, 18), d(2025, 4, 21), d(2025, 5, 5),
    d(2025, 5, 26), d(2025, 8, 25), d(2025, 12, 25), d(2025, 12, 26),
    d(2026, 1, 1), d(2026, 4, 3), d(2026, 4, 6), d(2026, 5, 4),
    d(2026, 5, 25), d(2026, 8, 31), d(2026, 12, 25), d(2026, 12, 28),
    d(2027, 1, 1), d(2027, 3, 26), d(2027, 3, 29), d(2027, 5, 3),
    d(2027, 5, 31), d(2027, 8, 30), d(2027, 12, 27), d(2027, 12, 28),
    d(2028, 1, 3), d(2028, 4, 14), d(2028, 4, 17), d(2028, 5, 1),
    d(2028, 5, 29), d(2028, 8, 28), d(2028, 12, 25), d(2028, 12, 26),
    d(2029, 1, 1), d(2029, 3, 30), d(2029, 4, 2), d(2029, 5, 7),
    d(2029, 5, 28), d(2029, 8, 27), d(2029, 12, 25), d(2029, 12, 26),
    d(2030, 1, 1), d(2030, 4, 19), d(2030, 4, 22), d(2030, 5, 6),
    d(2030, 5, 27), d(2030, 8, 26), d(2030, 12, 25), d(2030, 12, 26),
];

impl Date {
    /// The date, if it exists in the calendar (years 1 to 9999).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let valid = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Reads exactly `YYYY-MM-DD`, as an HTML date input gives it.
    pub fn parse(text: &str) -> Option<Date> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r.clone()].iter().all(u8::is_ascii_digit);
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        if !digits(0..4) || !digits(5..7) || !digits(8..10) {
            return None;
        }
        let year = text[0..4].parse().ok()?;
        let month = text[5..7].parse().ok()?;
        let day = text[8..10].parse().ok()?;
        Date::new(year, month, day)
    }

    /// The year, such as 2022.
    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 to 12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // Day 0 (1 January 1970) was a Thursday.
        match self.days().rem_euclid(7) {
            0 => Weekday::Thursday,
            1 => Weekday::Friday,
            2 => Weekday::Saturday,
            3 => Weekday::Sunday,
            4 => Weekday::Monday,
            5 => Weekday::Tuesday,
            _ => Weekday::Wednesday,
        }
    }

    /// The date as `YYYY-MM-DD`, the value an HTML date input expects.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1 January 1970 (Howard Hinnant's `days_from_civil`).
    fn days(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1 January 1970 (Howard Hinnant's `civil_from_days`).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(i32::MAX),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

impl fmt::Display for Date {
    /// Writes the date for a person, such as "Monday 3 January 2022".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let month = MONTHS[usize::from(self.month.clamp(1, 12)) - 1];
        write!(
            f,
            "{} {} {} {}",
            self.weekday().name(),
            self.day,
            month,
            self.year
        )
    }
}

impl Weekday {
    /// The English name, such as "Monday".
    pub fn name(self) -> &'static str {
        match self {
            Weekday::Monday => "Monday",
            Weekday::Tuesday => "Tuesday",
            Weekday::Wednesday => "Wednesday",
            Weekday::Thursday => "Thursday",
            Weekday::Friday => "Friday",
            Weekday::Saturday => "Saturday",
            Weekday::Sunday => "Sunday",
        }
    }

    /// True for Saturday and Sunday.
    pub fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

impl fmt::Display for OutOfRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Working days can only be counted between 1 January {FIRST_YEAR} and 31 December \
             {LAST_YEAR}, because bank holidays are only known for those years. {} is outside them.",
            self.date
        )
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 31,
    }
}

fn in_table(date: Date) -> Result<(), OutOfRange> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year) {
        Ok(())
    } else {
        Err(OutOfRange { date })
    }
}

/// Every bank holiday in the table, in date order (substitute days included).
pub fn bank_holidays() -> &'static [Date] {
    BANK_HOLIDAYS
}

/// True if the date is a bank holiday in England and Wales.
pub fn is_bank_holiday(date: Date) -> Result<bool, OutOfRange> {
    in_table(date)?;
    Ok(BANK_HOLIDAYS.binary_search(&date).is_ok())
}

/// True if the date is neither a weekend nor a bank holiday in England and Wales.
pub fn is_working_day(date: Date) -> Result<bool, OutOfRange> {
    Ok(!date.weekday().is_weekend() && !is_bank_holiday(date)?)
}

/// The date `n` working days after `start`, counting from the day after `start`.
pub fn add_working_days(start: Date, n: u32) -> Result<Date, OutOfRange> {
    in_table(start)?;
    let mut date = start;
    let mut left = n;
    while left > 0 {
        date = add_days(date, 1);
        if is_working_day(date)? {
            left -= 1;
        }
    }
    Ok(date)
}

/// The date `n` calendar days after `start` (or before it, if `n` is negative).
pub fn add_days(start: Date, n: i64) -> Date {
    Date::from_days(start.days().saturating_add(n))
}

/// The same day of the month `n` months after `start`, or that month's last day if it is shorter.
pub fn add_months(start: Date, n: u32) -> Date {
    let index = i64::from(start.year) * 12 + i64::from(start.month) - 1 + i64::from(n);
    let year = i32::try_from(index.div_euclid(12)).unwrap_or(i32::MAX);
    let month = u8::try_from(index.rem_euclid(12) + 1).unwrap_or(1);
    Date {
        year,
        month,
        day: start.day.min(days_in_month(year, month)),
    }
}
