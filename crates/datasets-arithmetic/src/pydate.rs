//! Python's `datetime.date` where datasets meet it: English day and month
//! names (`%A`, `%B`), and day arithmetic over the years 1..=9999, where
//! leaving that range is an error (`date value out of range`), not a wrap.
//! Julian day numbers stand in for `timedelta(days=...)`.

use dataset_core::{DatasetError, Result};
use time::Date;

pub(crate) const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

pub(crate) const MONTHS: [&str; 12] = [
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

pub(crate) fn out_of_range() -> DatasetError {
    DatasetError::Generation("date value out of range".into())
}

/// `d + timedelta(days=n)`.
pub(crate) fn add_days(d: Date, n: i64) -> Result<Date> {
    let jd = i64::from(d.to_julian_day())
        .checked_add(n)
        .ok_or_else(out_of_range)?;
    let out = i32::try_from(jd)
        .ok()
        .and_then(|jd| Date::from_julian_day(jd).ok())
        .ok_or_else(out_of_range)?;
    if (1..=9999).contains(&out.year()) {
        Ok(out)
    } else {
        Err(out_of_range())
    }
}

/// `(b - a).days`.
pub(crate) fn days_between(a: Date, b: Date) -> i64 {
    i64::from(b.to_julian_day()) - i64::from(a.to_julian_day())
}
