//! `time_intervals`: the duration between two times, dates or datetimes.
//!
//! **Today is 2025-01-01.** The reference dates its time-only tasks
//! (`time`, `time_seconds`, `time_ms`) with `date.today()` (and dateutil
//! reads the bare times against today), so their `metadata.start_time` and
//! `end_time` change every day; questions and answers do not. rgym fixes
//! [`TODAY`] instead, and `scripts/vectors/golden.py` pins the reference's
//! clock to the same date (`pin_reference_environment`).
//!
//! The reference writes both ends with `strftime` and reads them back with
//! `dateutil.parser.parse`. For the strings this dataset emits (English
//! names, years 100..=9999, literal `+HHMM` offsets) the parse gives back
//! exactly the written fields (checked against dateutil on 200,000 random
//! datetimes per format), so rgym keeps the fields instead of parsing text:
//! what a format leaves out is zero, a bare time falls on [`TODAY`], and
//! a `(Weekday)` format loses everything from ` (` on, as the reference's
//! `split(" (")[0]` cuts it, times and offsets included. Two more of the
//! reference's behaviours are kept because they change answers: a time that
//! wraps past midnight is read back on the same day (a negative duration,
//! printed as `-23:30`), and the end of a `%z` task takes its offset as a
//! new label on the same wall-clock time (`replace(tzinfo=...)`, no
//! conversion), so the duration is measured between the two labels.
//!
//! Config dates travel as ISO strings (`"1900-01-01"`); `min_time` and
//! `max_time`, which the reference never reads, as `"HH:MM[:SS[.ffffff]]"`.
//! rgym refuses a `min_date` before year 100: `%Y` does not pad, and dateutil
//! reads a two-digit year against the current century.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{py_float_divmod, py_int, py_int_true_div, py_split, py_strip};
use serde_json::{json, Value};
use time::{Date, Month};

use crate::pydate::{days_between, out_of_range, MONTHS, WEEKDAYS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "time_intervals",
    category: "arithmetic",
    description:
        "Durations between two times, dates or datetimes (time-only tasks are dated 2025-01-01)",
    config_class: "TimeIntervalsConfig",
    build,
};

/// The date rgym uses for the reference's `date.today()`.
pub const TODAY: (i32, Month, u8) = (2025, Month::January, 1);

const TASK_TYPES: [&str; 6] = [
    "time",
    "time_seconds",
    "time_ms",
    "date",
    "datetime",
    "datetime_tz",
];

const TEMPLATES: [&str; 10] = [
    "What is the duration between {start} and {end}? Please answer in {format}.",
    "Calculate the time difference between {start} and {end}. Express the result in {format}.",
    "How much time elapsed from {start} to {end}? Give your answer in {format}.",
    "A meeting started at {start} and ended at {end}. How long was the meeting? Answer in {format}.",
    "A system operation started at {start} and completed at {end}. What was the operation duration? Answer in {format}.",
    "A database query started at {start} and ended at {end}. How long did the query take? Answer in {format}.",
    "A flight departed at {start} and arrived at {end}. How long was the flight? Answer in {format}.",
    "A video call started at {start} and ended at {end}. How long was the call? Answer in {format}.",
    "A system backup started at {start} and completed at {end}. What was the total backup duration? Answer in {format}.",
    "A conference call began at {start} and ended at {end}. How long was the conference? Answer in {format}.",
];

const TIME_FORMATS: [&str; 3] = ["%H:%M", "%H:%M:%S", "%H:%M:%S.%f"];

const DATE_FORMATS: [&str; 7] = [
    "%Y-%m-%d",
    "%B %d, %Y",
    "%m/%d/%Y",
    "%A, %B %d, %Y",
    "%a %b %d %Y",
    "%d %B %Y",
    "%Y-%m-%d (%A)",
];

const DATETIME_FORMATS: [&str; 9] = [
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M %z",
    "%Y-%m-%d %H:%M:%S %z",
    "%A, %B %d, %Y at %H:%M",
    "%a %b %d %Y %H:%M:%S",
    "%d %B %Y, %H:%M",
    "%d %B %Y, %H:%M %z",
    "%Y-%m-%d (%A) %H:%M:%S %z",
];

const DATETIME_ANSWER_FORMATS: [&str; 2] = ["D days, HH:MM", "D days, HH:MM:SS"];

const SECOND: i64 = 1_000_000;
const DAY: i64 = 86_400 * SECOND;

struct TimeIntervals {
    seed: Seed,
    max_time_difference_seconds: i64,
    min_date: Date,
    max_date: Date,
    max_date_difference_days: i64,
    task_types: Vec<String>,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_time = r.string("min_time", "00:00:00");
    let max_time = r.string("max_time", "23:59:59.999999");
    let max_time_difference_seconds = r.int("max_time_difference_seconds", 24 * 60 * 60);
    let min_date = r.string("min_date", "1900-01-01");
    let max_date = r.string("max_date", "3000-01-01");
    let max_date_difference_days = r.int("max_date_difference_days", 100);
    let task_types = r.str_list("task_types", &TASK_TYPES);
    let v = r.finish()?;
    for (name, text) in [("min_time", &min_time), ("max_time", &max_time)] {
        if !is_iso_time(text) {
            return Err(field_error(name, "a time as \"HH:MM[:SS[.ffffff]]\"", text));
        }
    }
    let min_date =
        iso_date(&min_date).ok_or_else(|| field_error("min_date", ISO_DATE, &min_date))?;
    let max_date =
        iso_date(&max_date).ok_or_else(|| field_error("max_date", ISO_DATE, &max_date))?;
    v.ensure(
        max_time_difference_seconds > 0,
        "max_time_difference_seconds must be positive",
    )?;
    v.ensure(
        max_date_difference_days > 0,
        "max_date_difference_days must be positive",
    )?;
    v.ensure(min_date < max_date, "min_date must be before max_date")?;
    v.ensure(
        min_date.year() >= 100,
        "min_date must be 0100-01-01 or later in rgym: the reference writes years below 100 \
         with one or two digits, which dateutil reads back in the current century",
    )?;
    v.done(TimeIntervals {
        seed: p.seed,
        max_time_difference_seconds,
        min_date,
        max_date,
        max_date_difference_days,
        task_types,
    })
}

const ISO_DATE: &str = "a date as \"YYYY-MM-DD\"";

fn field_error(name: &str, what: &str, given: &str) -> DatasetError {
    DatasetError::InvalidConfig(format!(
        "{}: {name} must be {what}, not {:?}",
        INFO.config_class,
        dataset_core::input::echo(given)
    ))
}

/// `date.fromisoformat` for the `YYYY-MM-DD` form.
fn iso_date(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        part.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| part.parse().ok())
            .flatten()
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let month = Month::try_from(u8::try_from(m).ok()?).ok()?;
    if y == 0 {
        return None;
    }
    Date::from_calendar_date(y as i32, month, u8::try_from(d).ok()?).ok()
}

/// `time.fromisoformat` for `HH:MM`, `HH:MM:SS`, `HH:MM:SS.fff` and `HH:MM:SS.ffffff`.
fn is_iso_time(s: &str) -> bool {
    let two = |p: &str, max: u32| {
        p.len() == 2
            && p.bytes().all(|c| c.is_ascii_digit())
            && p.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let (hms, frac) = match s.split_once('.') {
        Some((hms, f)) => (hms, Some(f)),
        None => (s, None),
    };
    let parts: Vec<&str> = hms.split(':').collect();
    let clock = match parts.as_slice() {
        [h, m] => frac.is_none() && two(h, 23) && two(m, 59),
        [h, m, sec] => two(h, 23) && two(m, 59) && two(sec, 59),
        _ => false,
    };
    clock
        && frac
            .is_none_or(|f| (f.len() == 3 || f.len() == 6) && f.bytes().all(|c| c.is_ascii_digit()))
}

/// A naive datetime: microseconds since the start of Julian day 0. Every
/// date of Python's range (years 1..=9999) fits an `i64` this way.
#[derive(Clone, Copy)]
struct Stamp(i64);

impl Stamp {
    /// `datetime.combine(day, time(hour, minute, second))`.
    fn at(day: Date, hour: i64, minute: i64, second: i64) -> Stamp {
        Stamp(i64::from(day.to_julian_day()) * DAY + (hour * 3600 + minute * 60 + second) * SECOND)
    }

    fn date(self) -> Date {
        let jd = self.0.div_euclid(DAY);
        // In range by construction: every stamp is checked by `add`.
        Date::from_julian_day(jd as i32).unwrap_or(Date::MIN)
    }

    fn micros_of_day(self) -> i64 {
        self.0.rem_euclid(DAY)
    }

    /// `self + timedelta(microseconds=us)`, refused past year 9999 as Python does.
    fn add(self, us: i128) -> Result<Stamp> {
        let t = i128::from(self.0) + us;
        let max = i128::from(
            Date::from_calendar_date(9999, Month::December, 31).map_or(0, |d| d.to_julian_day()),
        ) * i128::from(DAY)
            + i128::from(DAY - 1);
        let min = i128::from(
            Date::from_calendar_date(1, Month::January, 1).map_or(0, |d| d.to_julian_day()),
        ) * i128::from(DAY);
        if t < min || t > max {
            return Err(out_of_range());
        }
        Ok(Stamp(t as i64))
    }

    /// `strftime(fmt)` in the C locale, for the directives this dataset uses;
    /// `%Y` is not padded (glibc).
    fn strftime(self, fmt: &str) -> String {
        let d = self.date();
        let us = self.micros_of_day();
        let secs = us / SECOND;
        let mut out = String::with_capacity(fmt.len() + 16);
        let mut chars = fmt.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            let weekday = WEEKDAYS[d.weekday().number_days_from_monday() as usize];
            let month = MONTHS[d.month() as usize - 1];
            match chars.next() {
                Some('Y') => out.push_str(&d.year().to_string()),
                Some('m') => out.push_str(&format!("{:02}", d.month() as u8)),
                Some('d') => out.push_str(&format!("{:02}", d.day())),
                Some('H') => out.push_str(&format!("{:02}", secs / 3600)),
                Some('M') => out.push_str(&format!("{:02}", secs / 60 % 60)),
                Some('S') => out.push_str(&format!("{:02}", secs % 60)),
                Some('f') => out.push_str(&format!("{:06}", us % SECOND)),
                Some('A') => out.push_str(weekday),
                Some('a') => out.push_str(&weekday[..3]),
                Some('B') => out.push_str(month),
                Some('b') => out.push_str(&month[..3]),
                Some(other) => {
                    out.push('%');
                    out.push(other);
                }
                None => out.push('%'),
            }
        }
        out
    }

    /// What `dateutil.parser.parse` gives back for `self.strftime(fmt)`
    /// after the reference's `split(" (")[0]`: the fields the text kept, a
    /// bare time on [`TODAY`].
    fn as_parsed(self, fmt: &str) -> Stamp {
        let fmt = fmt.split(" (").next().unwrap_or(fmt);
        let day = if fmt.contains("%Y") {
            self.date()
        } else {
            today()
        };
        let us = self.micros_of_day();
        let mut kept = 0;
        if fmt.contains("%H") {
            kept += us / (3600 * SECOND) * 3600 * SECOND;
        }
        if fmt.contains("%M") {
            kept += us / (60 * SECOND) % 60 * 60 * SECOND;
        }
        if fmt.contains("%S") {
            kept += us / SECOND % 60 * SECOND;
        }
        if fmt.contains("%f") {
            kept += us % SECOND;
        }
        Stamp(i64::from(day.to_julian_day()) * DAY + kept)
    }

    /// `str(datetime)`: `YYYY-MM-DD HH:MM:SS[.ffffff]`, then the offset of an
    /// aware datetime as `+HH:MM`.
    fn py_str(self, offset_hours: Option<i64>) -> String {
        let d = self.date();
        let us = self.micros_of_day();
        let secs = us / SECOND;
        let mut s = format!(
            "{:04}-{:02}-{:02} {:02}:{:02}:{:02}",
            d.year(),
            d.month() as u8,
            d.day(),
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
        if us % SECOND != 0 {
            s.push_str(&format!(".{:06}", us % SECOND));
        }
        if let Some(h) = offset_hours {
            let sign = if h < 0 { '-' } else { '+' };
            s.push_str(&format!("{sign}{:02}:00", h.abs()));
        }
        s
    }
}

fn today() -> Date {
    let (y, m, d) = TODAY;
    Date::from_calendar_date(y, m, d).unwrap_or(Date::MIN)
}

/// The two ends as the reference reads them back: naive, or aware with
/// their offsets in hours.
struct Ends {
    start: Stamp,
    end: Stamp,
    offsets: Option<(i64, i64)>,
}

impl Ends {
    /// `end_dt - start_dt`, in microseconds (aware datetimes compare in UTC).
    fn difference(&self) -> i64 {
        let naive = self.end.0 - self.start.0;
        match self.offsets {
            Some((start, end)) => naive - (end - start) * 3600 * SECOND,
            None => naive,
        }
    }
}

/// One generated task: the question's two texts, the ends as parsed, the
/// strftime format (the metadata's `format`) and the answer format.
struct Times {
    start_text: String,
    end_text: String,
    ends: Ends,
    format: &'static str,
    expected_format: &'static str,
}

/// `timedelta(days=days, seconds=seconds)` in microseconds, raising as
/// CPython's constructor does (its day count must fit a C int, then 999999999).
fn timedelta(days: i64, seconds: i64) -> Result<i128> {
    let total_days = i128::from(days) + i128::from(seconds.div_euclid(86_400));
    if total_days > i128::from(i32::MAX) || total_days < i128::from(i32::MIN) {
        return Err(DatasetError::Generation(
            "Python int too large to convert to C int".into(),
        ));
    }
    if total_days.abs() > 999_999_999 {
        return Err(DatasetError::Generation(format!(
            "days={total_days}; must have magnitude <= 999999999"
        )));
    }
    Ok(total_days * i128::from(DAY) + i128::from(seconds.rem_euclid(86_400)) * i128::from(SECOND))
}

impl TimeIntervals {
    /// `_generate_times`.
    fn generate_times(&self, rng: &mut Random, task_type: &str) -> Result<Times> {
        if task_type.starts_with("time") {
            self.generate_clock_times(rng, task_type)
        } else if task_type == "date" {
            self.generate_dates(rng)
        } else {
            self.generate_datetimes(rng)
        }
    }

    /// The `time*` branch: two times of day, the end possibly past midnight.
    fn generate_clock_times(&self, rng: &mut Random, task_type: &str) -> Result<Times> {
        let ms = task_type == "time_ms";
        let seconds = task_type.contains("seconds");
        let (format, expected_format) = if ms {
            (TIME_FORMATS[2], "HH:MM:SS.mmm")
        } else if seconds {
            (TIME_FORMATS[1], "HH:MM:SS")
        } else {
            (TIME_FORMATS[0], "HH:MM")
        };
        let hour = rng.randint(0, 23)?;
        let minute = rng.randint(0, 59)?;
        let second = rng.randint(0, 59)?;
        let mut base = Stamp::at(today(), hour, minute, second);
        let until_midnight = (24 - hour) * 3600 - minute * 60 - second;
        let max_seconds = self.max_time_difference_seconds.min(until_midnight);
        let diff_seconds = if max_seconds > 0 {
            rng.randint(1, max_seconds)?
        } else {
            0
        };
        let (start_text, end_text, end) = if ms {
            base = Stamp(base.0 + rng.randint(0, 999)? * 1000);
            let end = base.add(i128::from(
                diff_seconds * SECOND + rng.randint(0, 999)? * 1000,
            ))?;
            // `[:-3]`: milliseconds, not microseconds.
            let cut = |s: String| s[..s.len() - 3].to_string();
            (cut(base.strftime(format)), cut(end.strftime(format)), end)
        } else {
            let end = base.add(i128::from(diff_seconds * SECOND))?;
            (base.strftime(format), end.strftime(format), end)
        };
        Ok(Times {
            start_text,
            end_text,
            ends: Ends {
                start: base.as_parsed(format),
                end: end.as_parsed(format),
                offsets: None,
            },
            format,
            expected_format,
        })
    }

    /// The `date` branch: two dates at most `max_date_difference_days` apart.
    fn generate_dates(&self, rng: &mut Random) -> Result<Times> {
        let format = *rng.choice(&DATE_FORMATS)?;
        let range = days_between(self.min_date, self.max_date);
        let max_diff = self.max_date_difference_days.min(range);
        let max_start_days = range - max_diff;
        let start_days = rng.randint(0, max_start_days - 1)?;
        let start =
            Stamp::at(self.min_date, 0, 0, 0).add(i128::from(start_days) * i128::from(DAY))?;
        let diff_days = rng.randint(0, max_diff)?;
        let end = start.add(i128::from(diff_days) * i128::from(DAY))?;
        Ok(Times {
            start_text: start.strftime(format),
            end_text: end.strftime(format),
            ends: Ends {
                start: start.as_parsed(format),
                end: end.as_parsed(format),
                offsets: None,
            },
            format,
            expected_format: "D days",
        })
    }

    /// The `datetime`/`datetime_tz` branch (and any other task name).
    fn generate_datetimes(&self, rng: &mut Random) -> Result<Times> {
        let format = *rng.choice(&DATETIME_FORMATS)?;
        let expected_format = *rng.choice(&DATETIME_ANSWER_FORMATS)?;
        let days_range = days_between(self.min_date, self.max_date);
        let start_days = rng.randint(0, days_range)?;
        let hour = rng.randint(0, 23)?;
        let minute = rng.randint(0, 59)?;
        let second = rng.randint(0, 59)?;
        let diff_days = rng.randint(0, self.max_date_difference_days)?;
        let diff_seconds = rng.randint(1, self.max_time_difference_seconds)?;
        let base = Stamp::at(self.min_date, hour, minute, second)
            .add(i128::from(start_days) * i128::from(DAY))?;
        let (start_text, end_text, end, offsets) = if format.contains("%z") {
            let start_offset = rng.randint(-12, 12)?;
            let end_offset = rng.randint(-12, 12)?;
            let end = base.add(timedelta(diff_days, diff_seconds)?)?;
            // `"%+05d" % (offset * 100)` written into the format: a label only.
            let label = |h: i64| format.replace("%z", &format!("{:+05}", h * 100));
            let start_text = base.strftime(&label(start_offset)).trim_end().to_string();
            let end_text = end.strftime(&label(end_offset)).trim_end().to_string();
            // A `(Weekday)` format keeps only the date: the offsets are cut off too.
            let offsets = (!format.contains(" (")).then_some((start_offset, end_offset));
            (start_text, end_text, end, offsets)
        } else {
            let end = base.add(timedelta(diff_days, diff_seconds)?)?;
            let start_text = base.strftime(format).trim_end().to_string();
            let end_text = end.strftime(format).trim_end().to_string();
            (start_text, end_text, end, None)
        };
        Ok(Times {
            start_text,
            end_text,
            ends: Ends {
                start: base.as_parsed(format),
                end: end.as_parsed(format),
                offsets,
            },
            format,
            expected_format,
        })
    }
}

/// The reference's answer for a duration of `us` microseconds.
fn format_answer(us: i64, expected_format: &str) -> String {
    // `timedelta.total_seconds()`: exact microseconds over 10^6, one rounding.
    let total = us as f64 / 1e6;
    // `int(a // b)` and `int(a % b)` on floats; b is never zero here.
    let floordiv = |a: f64, b: f64| py_float_divmod(a, b).map_or(0.0, |(q, _)| q) as i64;
    let rem = |a: f64, b: f64| py_float_divmod(a, b).map_or(0.0, |(_, r)| r);
    let days = us.div_euclid(DAY);
    let seconds = us.rem_euclid(DAY) / SECOND;
    match expected_format {
        "HH:MM" => format!(
            "{:02}:{:02}",
            floordiv(total, 3600.0),
            floordiv(rem(total, 3600.0), 60.0)
        ),
        "HH:MM:SS" => format!(
            "{:02}:{:02}:{:02}",
            floordiv(total, 3600.0),
            floordiv(rem(total, 3600.0), 60.0),
            rem(total, 60.0) as i64
        ),
        "HH:MM:SS.mmm" => format!(
            "{:02}:{:02}:{:02}.{:03}",
            floordiv(total, 3600.0),
            floordiv(rem(total, 3600.0), 60.0),
            rem(total, 60.0) as i64,
            (rem(total, 1.0) * 1000.0) as i64
        ),
        "D days" => format!("{days} days"),
        "D days, HH:MM:SS" => format!(
            "{days} days, {:02}:{:02}:{:02}",
            seconds / 3600,
            seconds % 3600 / 60,
            seconds % 60
        ),
        _ => format!(
            "{days} days, {:02}:{:02}",
            seconds / 3600,
            seconds % 3600 / 60
        ),
    }
}

impl Dataset for TimeIntervals {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let task_type = rng.choice(&self.task_types)?;
        let times = self.generate_times(&mut rng, task_type)?;
        let template = rng.choice(&TEMPLATES)?;
        let question = template
            .replace("{start}", &times.start_text)
            .replace("{end}", &times.end_text)
            .replace("{format}", times.expected_format);
        let ends = &times.ends;
        let answer = format_answer(ends.difference(), times.expected_format);
        let (start_offset, end_offset) = match ends.offsets {
            Some((s, e)) => (Some(s), Some(e)),
            None => (None, None),
        };
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "task_type" => task_type.as_str(),
                "start_time" => ends.start.py_str(start_offset),
                "end_time" => ends.end.py_str(end_offset),
                "format" => times.format,
                "expected_format" => times.expected_format,
                "difficulty" => json!({
                    "max_time_difference_seconds": self.max_time_difference_seconds,
                    "max_date_difference_days": self.max_date_difference_days,
                }),
            },
        })
    }

    /// Full marks for the same duration, else `1 - |difference| / max` with
    /// the config's largest difference as the scale, never below zero.
    /// Whatever the reference refuses (`ValueError`, `IndexError`) or raises
    /// on (`OverflowError` of a huge number) scores 0.0.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        answer
            .and_then(|a| self.score_answer(a, item))
            .unwrap_or(0.0)
    }
}

impl TimeIntervals {
    /// `score_answer` for a string answer; `None` where the reference raises.
    fn score_answer(&self, answer: &str, item: &Item) -> Option<f64> {
        let expected = item.answer.as_str();
        let task_type = item
            .metadata
            .get("task_type")
            .and_then(Value::as_str)
            .unwrap_or("");
        if task_type == "date" {
            let days = |t: &str| py_int(py_split(py_strip(t)).next()?);
            partial_credit(
                Num::Int(days(answer)?),
                Num::Int(days(expected)?),
                &BigInt::from(self.max_date_difference_days),
            )
        } else if task_type.starts_with("time") {
            partial_credit(
                clock_seconds(answer)?,
                clock_seconds(expected)?,
                &BigInt::from(self.max_time_difference_seconds),
            )
        } else {
            partial_credit(
                Num::Int(duration_seconds(answer)?),
                Num::Int(duration_seconds(expected)?),
                &(BigInt::from(self.max_date_difference_days) * 86_400),
            )
        }
    }
}

/// A Python number the scorer computes: an int, or a float once milliseconds
/// enter.
enum Num {
    Int(BigInt),
    Float(f64),
}

/// `float(n)` for an int: correctly rounded, `None` past the float range
/// (`OverflowError`).
fn int_to_float(n: &BigInt) -> Option<f64> {
    py_int_true_div(n, &BigInt::from(1))
}

/// `1.0` if `actual == expected`, else `max(0.0, 1.0 - abs(actual - expected) / max_diff)`,
/// with Python's mixed int/float arithmetic; `None` where it raises.
fn partial_credit(actual: Num, expected: Num, max_diff: &BigInt) -> Option<f64> {
    let ratio = match (actual, expected) {
        (Num::Int(a), Num::Int(e)) => {
            if a == e {
                return Some(1.0);
            }
            let diff = if a > e { a - e } else { e - a };
            py_int_true_div(&diff, max_diff)?
        }
        (a, e) => {
            let as_float = |n: Num| match n {
                Num::Int(i) => int_to_float(&i),
                Num::Float(x) => Some(x),
            };
            // An int next to a float converts (raising past the float
            // range) once Python subtracts; the comparison before is exact,
            // and can only hold for ints within the float range.
            let (a, e) = (as_float(a)?, as_float(e)?);
            if a == e {
                return Some(1.0);
            }
            (a - e).abs() / int_to_float(max_diff)?
        }
    };
    let score = 1.0 - ratio;
    // `max(0.0, score)` keeps 0.0 unless score is greater (NaN included).
    Some(if score > 0.0 { score } else { 0.0 })
}

/// The reference's `parse_time`: `H:M[:S[.ms]]` as seconds; fields past the
/// third are ignored.
fn clock_seconds(t: &str) -> Option<Num> {
    let mut parts = py_strip(t).split(':');
    let hours = py_int(parts.next()?)?;
    let minutes = py_int(parts.next()?)?;
    let seconds = hours * 3600 + minutes * 60;
    let Some(third) = parts.next() else {
        return Some(Num::Int(seconds));
    };
    if !third.contains('.') {
        return Some(Num::Int(seconds + py_int(third)?));
    }
    // `s, ms = parts[2].split(".")`: exactly one dot.
    let (s, ms) = third.split_once('.')?;
    if ms.contains('.') {
        return None;
    }
    let (s, ms) = (py_int(s)?, py_int(ms)?);
    // `seconds += int(s) + int(ms) / 1000`: float arithmetic from here.
    let fraction = int_to_float(&s)? + py_int_true_div(&ms, &BigInt::from(1000))?;
    Some(Num::Float(int_to_float(&seconds)? + fraction))
}

/// The reference's `parse_datetime`: `D days, H:M[:S]` as seconds.
fn duration_seconds(t: &str) -> Option<BigInt> {
    let days = py_int(t.split(" days,").next()?)?;
    let time_part = py_strip(t.split(',').nth(1)?);
    let mut parts = time_part.split(':');
    let mut seconds = py_int(parts.next()?)? * 3600 + py_int(parts.next()?)? * 60;
    if let Some(s) = parts.next() {
        seconds += py_int(s)?;
    }
    Some(days * 86_400 + seconds)
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;

    use super::*;

    #[test]
    fn config_dates_are_iso_strings() {
        assert_eq!(
            refused(&INFO, json!({"min_date": "2020-13-01"})),
            "TimeIntervalsConfig: min_date must be a date as \"YYYY-MM-DD\", not \"2020-13-01\""
        );
        assert!(refused(&INFO, json!({"max_date": 20200101})).contains("max_date must be a string"));
        assert!(refused(&INFO, json!({"min_time": "25:00"})).contains("min_time must be a time"));
        assert_eq!(
            refused(
                &INFO,
                json!({"min_date": "2020-01-02", "max_date": "2020-01-02"})
            ),
            "min_date must be before max_date"
        );
        assert!(refused(&INFO, json!({"min_date": "0099-12-31"})).contains("in rgym:"));
        let ds = dataset(
            &INFO,
            json!({"min_date": "0100-01-01", "max_date": "0100-02-01", "min_time": "01:02:03.500"}),
        );
        assert!(ds.get(0).is_ok());
    }

    #[test]
    fn time_only_tasks_are_dated_today() {
        let ds = dataset(&INFO, json!({"task_types": ["time_ms"]}));
        for i in 0..20 {
            let item = ds.get(i).unwrap();
            let start = item.metadata["start_time"].as_str().unwrap();
            assert!(start.starts_with("2025-01-01 "), "{start}");
        }
    }

    #[test]
    fn negative_durations_past_midnight() {
        // 23:00 to 00:30 reads back as the same day: -22:30, printed as Python does.
        let us = -(22 * 3600 + 30 * 60) * SECOND;
        assert_eq!(format_answer(us, "HH:MM"), "-23:30");
        assert_eq!(format_answer(us, "HH:MM:SS"), "-23:30:00");
        assert_eq!(format_answer(-SECOND / 2, "HH:MM:SS.mmm"), "-1:59:59.500");
        assert_eq!(
            format_answer(-DAY + 5 * SECOND, "D days, HH:MM:SS"),
            "-1 days, 00:00:05"
        );
    }

    #[test]
    fn timedelta_overflows_as_cpython() {
        // timedelta(days=d, seconds=s) under CPython 3.11.
        let err = |d, s| match timedelta(d, s) {
            Err(DatasetError::Generation(m)) => m,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            err(0, 86_400 * 1_000_000_000),
            "days=1000000000; must have magnitude <= 999999999"
        );
        assert_eq!(
            err(0, 86_400 * (1 << 31) - 1),
            "days=2147483647; must have magnitude <= 999999999"
        );
        assert_eq!(
            err(5, 86_400 * (1 << 31) - 1),
            "Python int too large to convert to C int"
        );
        assert_eq!(
            timedelta(999_999_999, 86_399).ok(),
            Some(999_999_999 * i128::from(DAY) + 86_399 * 1_000_000)
        );
    }

    #[test]
    fn hostile_answers_score_quickly() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let huge = ":".repeat(1 << 20) + &"9".repeat(1 << 20);
        let t = std::time::Instant::now();
        for a in [
            huge.as_str(),
            &"9".repeat(4300),
            &format!("{}:00:00.5", "9".repeat(4000)),
        ] {
            assert_eq!(ds.score(Some(a), &item), 0.0);
        }
        assert!(t.elapsed().as_millis() < 1000);
    }
}
