//! `calendar_arithmetic`: weekdays, day counts and leap years in a given year.
//!
//! Dates follow Python's `datetime.date`: years 1..=9999, where leaving that
//! range is an error (`date value out of range`), not a wrap. Calendar math is
//! the `time` crate's; Julian day numbers stand in for `timedelta`.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Metadata,
    Params, Random, Result, Seed,
};
use num_bigint::BigInt;
use pycompat::{py_int, py_int_json, py_int_true_div, py_strip, py_title_ascii};
use serde_json::{json, Value};
use time::{Date, Month};

use crate::pydate::{add_days, days_between, MONTHS, WEEKDAYS};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "calendar_arithmetic",
    category: "arithmetic",
    description: "Weekday, day-count and leap-year questions about a calendar year",
    config_class: "CalendarArithmeticConfig",
    build,
};

/// `CalendarTask` values, in the enum's order (the default task list).
const TASKS: [&str; 7] = [
    "weekday_offset",
    "weekday_of_date",
    "weekday_of_date_from_first_date",
    "recurring_event_day",
    "count_days",
    "count_business_days",
    "is_leap_year",
];

const DAY_QUESTION_TEMPLATES: [&str; 9] = [
    "Answer with the weekday's name (e.g., Monday, Tuesday, etc.).",
    "Provide the full name of the weekday.",
    "State the weekday (Monday through Sunday).",
    "Give the weekday name in full.",
    "Reply with just the weekday name.",
    "Write out the full weekday name.",
    "Respond with the weekday (Monday-Sunday).",
    "Answer using the complete weekday name.",
    "Name the day of the week in full.",
];

const COUNT_QUESTION_TEMPLATES: [&str; 8] = [
    "Answer with a number.",
    "Provide the count as a number.",
    "Respond with just the number.",
    "Write the total number.",
    "Give the count numerically.",
    "State the amount as a number.",
    "Reply with the numerical value.",
    "Express your answer as a number.",
];

#[derive(Clone, Copy)]
enum Task {
    WeekdayOffset,
    WeekdayOfDate,
    WeekdayOfDateFromFirstDate,
    RecurringEventDay,
    CountDays,
    CountBusinessDays,
    IsLeapYear,
}

const TASK_KINDS: [Task; 7] = [
    Task::WeekdayOffset,
    Task::WeekdayOfDate,
    Task::WeekdayOfDateFromFirstDate,
    Task::RecurringEventDay,
    Task::CountDays,
    Task::CountBusinessDays,
    Task::IsLeapYear,
];

struct CalendarArithmetic {
    seed: Seed,
    year: i64,
    /// The config's task names (lower-cased), duplicates kept: they weight `choice`.
    task_names: Vec<String>,
    tasks: Vec<Task>,
    offset_upper_bound: i64,
    leap_year_range: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let year = r.int("year", 2022);
    let tasks = r.raw("tasks").cloned();
    let offset_upper_bound = r.int("offset_upper_bound", 100);
    let leap_year_range = r.int("leap_year_range", 200);
    let v = r.finish()?;
    // `__post_init__`: lower-case the names, reject unknown ones.
    let task_names: Vec<String> = match tasks {
        None | Some(Value::Null) => TASKS.iter().map(|t| t.to_string()).collect(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|t| t.as_str().map(str::to_lowercase))
            .collect::<Option<_>>()
            .ok_or_else(tasks_type_error)?,
        Some(_) => return Err(tasks_type_error()),
    };
    let mut invalid: Vec<&str> = task_names
        .iter()
        .map(String::as_str)
        .filter(|t| !TASKS.contains(t))
        .collect();
    if !invalid.is_empty() {
        invalid.sort_unstable();
        invalid.dedup();
        let mut valid = TASKS;
        valid.sort_unstable();
        return Err(DatasetError::InvalidConfig(format!(
            "Invalid tasks: {}. Valid tasks are: {}",
            dataset_core::input::echo(&invalid.join(", ")),
            valid.join(", ")
        )));
    }
    if year <= 0 {
        return Err(DatasetError::InvalidConfig(format!(
            "year must be a positive integer, got {year}"
        )));
    }
    let tasks = task_names
        .iter()
        .filter_map(|t| TASKS.iter().position(|k| k == t).map(|i| TASK_KINDS[i]))
        .collect();
    v.done(CalendarArithmetic {
        seed: p.seed,
        year,
        task_names,
        tasks,
        offset_upper_bound,
        leap_year_range,
    })
}

fn tasks_type_error() -> DatasetError {
    DatasetError::InvalidConfig(format!(
        "{}: tasks must be a list of strings or null",
        INFO.config_class
    ))
}

/// `date(year, month, day)`.
fn date(year: i64, month: u8, day: u8) -> Result<Date> {
    if !(1..=9999).contains(&year) {
        return Err(DatasetError::Generation(format!(
            "year {year} is out of range"
        )));
    }
    let month = Month::try_from(month).map_err(|e| DatasetError::Generation(e.to_string()))?;
    Date::from_calendar_date(year as i32, month, day)
        .map_err(|e| DatasetError::Generation(e.to_string()))
}

/// `calendar.monthrange(year, month)[1]`, for the years `date` accepts.
fn month_length(year: i64, month: u8) -> u8 {
    match Month::try_from(month) {
        Ok(m) => time::util::days_in_month(m, year as i32),
        Err(_) => 31,
    }
}

/// `calendar.isleap(year)`, for any integer year.
fn is_leap(year: &BigInt) -> bool {
    let divides = |n: u32| (year % n) == BigInt::from(0);
    divides(4) && (!divides(100) || divides(400))
}

fn weekday_index(d: Date) -> usize {
    d.weekday().number_days_from_monday() as usize
}

fn weekday_name(d: Date) -> &'static str {
    WEEKDAYS[weekday_index(d)]
}

fn month_name(d: Date) -> &'static str {
    MONTHS[d.month() as usize - 1]
}

/// `d.isoformat()`.
fn iso(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month() as u8, d.day())
}

fn random_date_for_year(rng: &mut Random, year: i64) -> Result<Date> {
    let month = rng.randint(1, 12)? as u8;
    let day = rng.randint(1, i64::from(month_length(year, month)))?;
    date(year, month, day as u8)
}

fn random_date_between(rng: &mut Random, start: Date, end: Date) -> Result<Date> {
    if start > end {
        return Err(DatasetError::Generation(
            "start_date must be <= end_date".into(),
        ));
    }
    let offset = rng.randint(0, days_between(start, end))?;
    add_days(start, offset)
}

/// A question, its answer and the task's own metadata.
type Generated = (String, String, Metadata);

impl CalendarArithmetic {
    /// `timedelta(days=offset_upper_bound)`.
    fn max_delta(&self) -> Result<i64> {
        if self.offset_upper_bound.abs() > 999_999_999 {
            return Err(DatasetError::Generation(format!(
                "days={}; must have magnitude <= 999999999",
                self.offset_upper_bound
            )));
        }
        Ok(self.offset_upper_bound)
    }

    fn weekday_offset(&self, rng: &mut Random) -> Result<Generated> {
        let start = random_date_for_year(rng, self.year)?;
        let offset = rng.randint(1, self.offset_upper_bound)?;
        let sign = *rng.choice(&[-1i64, 1])?;
        let offset_days = sign * offset;
        let target = add_days(start, offset_days)?;
        let date_str = format!(
            "{}, {} {}, {}",
            weekday_name(start),
            month_name(start),
            start.day(),
            start.year()
        );
        let templates = if offset_days >= 0 {
            [
                format!("If today is {date_str}, what day of the week will it be in {offset_days} days? "),
                format!("Starting from {date_str}, which weekday falls after a {offset_days}-day jump? "),
                format!("Count forward {offset_days} days from {date_str} - what's the weekday? "),
            ]
        } else {
            let n = offset_days.abs();
            [
                format!("If today is {date_str}, what day of the week was it {n} days ago? "),
                format!("Starting from {date_str}, which weekday was it {n} days before? "),
                format!("Count backward {n} days from {date_str} - what's the weekday? "),
            ]
        };
        let question = rng.choice(&templates)?.clone() + rng.choice(&DAY_QUESTION_TEMPLATES)?;
        let metadata = meta! {
            "task" => "weekday_offset",
            "start_date" => iso(start),
            "offset_days" => offset_days,
            "target_date" => iso(target),
        };
        Ok((question, weekday_name(target).to_string(), metadata))
    }

    fn weekday_of_date(&self, rng: &mut Random) -> Result<Generated> {
        let year = self.year;
        let target = random_date_for_year(rng, year)?;
        let (month, day) = (month_name(target), target.day());
        let templates = [
            format!("What day of the week was {month} {day}, {year}?"),
            format!("On which weekday did {month} {day}, {year} fall?"),
            // strftime's %Y does not pad years below 1000.
            format!(
                "Name the day of the week for {:02}/{day:02}/{}.",
                target.month() as u8,
                target.year()
            ),
        ];
        let question = format!(
            "{} {}",
            rng.choice(&templates)?,
            rng.choice(&DAY_QUESTION_TEMPLATES)?
        );
        let metadata = meta! {
            "task" => "weekday_of_date",
            "target_date" => iso(target),
        };
        Ok((question, weekday_name(target).to_string(), metadata))
    }

    fn weekday_of_date_from_first_date(&self, rng: &mut Random) -> Result<Generated> {
        let year = self.year;
        let first_day = rng.randint(0, 6)? as usize;
        let year_start = date(year, 1, 1)?;
        let year_end = date(year, 12, 31)?;
        let max_date = add_days(year_start, self.max_delta()?)?.min(year_end);
        if max_date == year_start {
            // The reference redraws forever: January 1 is the only candidate.
            return Err(DatasetError::Generation(
                "offset_upper_bound 0 leaves no date after January 1".into(),
            ));
        }
        let target = loop {
            let d = random_date_between(rng, year_start, max_date)?;
            if d != year_start {
                break d;
            }
        };
        let delta_days = days_between(year_start, target);
        let answer = WEEKDAYS[(first_day + delta_days.rem_euclid(7) as usize) % 7];
        let first = WEEKDAYS[first_day];
        let (month, day) = (month_name(target), target.day());
        let templates = [
            format!("If the first day of the year was a {first}, what day of the week will {month} {day} be? "),
            format!("Given that January 1 fell on a {first}, which weekday occurs on {month} {day}? "),
            format!("In a year where {first} is January 1st, name the weekday of {month} {day}. "),
        ];
        let question = rng.choice(&templates)?.clone() + rng.choice(&DAY_QUESTION_TEMPLATES)?;
        let metadata = meta! {
            "task" => "weekday_of_date_from_first_date",
            "year" => year,
            "first_day" => first,
            "target_date" => iso(target),
            "delta_days" => delta_days,
        };
        Ok((question, answer.to_string(), metadata))
    }

    fn recurring_event_day(&self, rng: &mut Random) -> Result<Generated> {
        const ORDINALS: [&str; 5] = ["first", "second", "third", "fourth", "last"];
        let year = self.year;
        let month = rng.randint(1, 12)? as u8;
        let ordinal = *rng.choice(&ORDINALS)?;
        let weekday = rng.randint(0, 6)? as usize;
        let month_name = MONTHS[month as usize - 1];
        let last_day = month_length(year, month);
        let matching =
            |day: u8| -> Result<bool> { Ok(weekday_index(date(year, month, day)?) == weekday) };
        let mut event_day: i64 = -1;
        if let Some(n) = ORDINALS[..4].iter().position(|&o| o == ordinal) {
            let mut count = 0;
            for day in 1..=last_day {
                if matching(day)? {
                    count += 1;
                    if count == n + 1 {
                        event_day = i64::from(day);
                        break;
                    }
                }
            }
        } else {
            for day in (1..=last_day).rev() {
                if matching(day)? {
                    event_day = i64::from(day);
                    break;
                }
            }
        }
        let wd = WEEKDAYS[weekday];
        let templates = [
            format!("If a meeting is scheduled on the {ordinal} {wd} of {month_name} {year}, on which day of the month does it occur? "),
            format!("In {month_name} {year}, if an event recurs on the {ordinal} {wd}, what is the date (day of the month) of the event? "),
            format!("Determine the day of the month for the {ordinal} {wd} in {month_name} {year}. "),
        ];
        let question = rng.choice(&templates)?.clone()
            + rng.choice(&COUNT_QUESTION_TEMPLATES)?
            + " Answer with -1 if the ordinal does not exist in the month.";
        let metadata = meta! {
            "task" => "recurring_event_day",
            "year" => year,
            "month" => month,
            "ordinal" => ordinal,
            "weekday" => wd,
        };
        Ok((question, event_day.to_string(), metadata))
    }

    /// The start and end of a counting range: the end is at most
    /// `offset_upper_bound` days after the start, clipped to the year when `clip`.
    fn date_range(&self, rng: &mut Random, clip: bool) -> Result<(Date, Date)> {
        let year_start = date(self.year, 1, 1)?;
        let year_end = date(self.year, 12, 31)?;
        let start = random_date_between(rng, year_start, year_end)?;
        let mut last = add_days(start, self.max_delta()?)?;
        if clip {
            last = last.min(year_end);
        }
        Ok((start, random_date_between(rng, start, last)?))
    }

    fn count_days(&self, rng: &mut Random) -> Result<Generated> {
        let year = self.year;
        let (start, end) = self.date_range(rng, true)?;
        let weekday = rng.randint(0, 6)? as usize;
        let count = (0..=days_between(start, end))
            .filter(|&i| (weekday_index(start) + i as usize) % 7 == weekday)
            .count();
        let wd = WEEKDAYS[weekday];
        let (sw, sm, sd) = (weekday_name(start), month_name(start), start.day());
        let (ew, em, ed) = (weekday_name(end), month_name(end), end.day());
        let templates = [
            format!("How many {wd}s are there from {sw}, {sm} {sd}, {year} to {ew}, {em} {ed}, {year} (inclusive of both dates)? "),
            format!("Count the occurrences of {wd} from {sw}, {sm} {sd} to {ew}, {em} {ed}, {year} (including both start and end dates). "),
            format!("Between {sw}, {sm} {sd}, {year} and {ew}, {em} {ed}, {year} (counting both dates), how many times does {wd} occur? "),
        ];
        let question = rng.choice(&templates)?.clone() + rng.choice(&COUNT_QUESTION_TEMPLATES)?;
        let metadata = meta! {
            "task" => "count_days",
            "year" => year,
            "start_date" => iso(start),
            "end_date" => iso(end),
        };
        Ok((question, count.to_string(), metadata))
    }

    fn count_business_days(&self, rng: &mut Random) -> Result<Generated> {
        let year = self.year;
        let (start, end) = self.date_range(rng, false)?;
        let days = days_between(start, end) + 1;
        let (weeks, remainder) = (days.div_euclid(7), days.rem_euclid(7));
        let first = weekday_index(start) as i64;
        let count = weeks * 5 + (0..remainder).filter(|i| (first + i) % 7 < 5).count() as i64;
        let (sw, sm, sd) = (weekday_name(start), month_name(start), start.day());
        let (ew, em, ed) = (weekday_name(end), month_name(end), end.day());
        let templates = [
            format!("How many business days (Monday-Friday) are there from {sw}, {sm} {sd}, {year} to {ew}, {em} {ed}, {year} (inclusive of both dates)? "),
            format!("Count the weekdays (excluding weekends) from {sw}, {sm} {sd} to {ew}, {em} {ed}, {year} (including both start and end dates). "),
            format!("Between {sw}, {sm} {sd}, {year} and {ew}, {em} {ed}, {year} (counting both dates), what's the total count of business days (Monday through Friday)? "),
        ];
        let question = rng.choice(&templates)?.clone() + rng.choice(&COUNT_QUESTION_TEMPLATES)?;
        let metadata = meta! {
            "task" => "count_business_days",
            "start_date" => iso(start),
            "end_date" => iso(end),
        };
        Ok((question, count.to_string(), metadata))
    }

    fn is_leap_year(&self, rng: &mut Random) -> Result<Generated> {
        let semirange = BigInt::from(self.leap_year_range.div_euclid(2));
        let center = BigInt::from(self.year);
        let year = rng.randint_big(&(&center - &semirange), &(&center + &semirange))?;
        let leap = is_leap(&year);
        let templates = [
            format!("Determine if the year {year} is a leap year. "),
            format!("Is {year} a leap year? "),
            format!("Tell me whether {year} is a leap year. "),
        ];
        let question = rng.choice(&templates)?.clone() + "Answer with Yes or No.";
        let metadata = meta! {
            "task" => "is_leap_year",
            "year" => py_int_json(&year),
            "is_leap" => leap,
        };
        Ok((
            question,
            if leap { "Yes" } else { "No" }.to_string(),
            metadata,
        ))
    }
}

impl Dataset for CalendarArithmetic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (question, answer, mut metadata) = match *rng.choice(&self.tasks)? {
            Task::WeekdayOffset => self.weekday_offset(&mut rng)?,
            Task::WeekdayOfDate => self.weekday_of_date(&mut rng)?,
            Task::WeekdayOfDateFromFirstDate => self.weekday_of_date_from_first_date(&mut rng)?,
            Task::RecurringEventDay => self.recurring_event_day(&mut rng)?,
            Task::CountDays => self.count_days(&mut rng)?,
            Task::CountBusinessDays => self.count_business_days(&mut rng)?,
            Task::IsLeapYear => self.is_leap_year(&mut rng)?,
        };
        // After the task's own keys, as the reference adds them.
        metadata.insert("source_dataset".into(), INFO.name.into());
        metadata.insert("source_index".into(), idx.into());
        metadata.insert(
            "difficulty".into(),
            json!({
                "tasks": self.task_names,
                "offset_upper_bound": self.offset_upper_bound,
            }),
        );
        Ok(Item {
            question,
            answer,
            metadata,
        })
    }

    /// The reference's `__getitem__` adds `source_dataset` and `source_index`
    /// to the metadata the task made, so they follow the task's keys; this is
    /// the one dataset whose metadata does not start with them.
    fn writes_source_keys(&self) -> bool {
        true
    }

    /// Weekdays: 1.0 exact, 0.1 another weekday, 0.05 a weekday in other case.
    /// Counts: `exp(-5 * relative error)`. Leap years: case-insensitive match.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let oracle = item.answer.as_str();
        match item.metadata.get("task").and_then(Value::as_str) {
            Some("weekday_offset" | "weekday_of_date_from_first_date" | "weekday_of_date") => {
                let answer = py_strip(answer);
                if answer == oracle {
                    1.0
                } else if WEEKDAYS.contains(&answer) {
                    0.1
                } else if py_title_ascii(answer).is_some_and(|t| WEEKDAYS.contains(&t.as_str())) {
                    0.05
                } else {
                    0.0
                }
            }
            Some("count_business_days" | "count_days" | "recurring_event_day") => {
                numeric_score(answer, oracle).unwrap_or(0.0)
            }
            // Only ASCII lower-cases to "yes"/"no" (KELVIN SIGN is the one
            // non-ASCII letter with an ASCII lowercase), so Rust's lowercase is Python's here.
            Some("is_leap_year") if py_strip(answer).to_lowercase() == oracle.to_lowercase() => 1.0,
            _ => 0.0,
        }
    }
}

/// `max(0.0, exp(-5 * abs(answer - oracle) / oracle))`, exact for 0; `None`
/// where Python raises (unparseable, or a quotient beyond float range).
fn numeric_score(answer: &str, oracle: &str) -> Option<f64> {
    let got = py_int(py_strip(answer))?;
    let want = py_int(py_strip(oracle))?;
    let zero = BigInt::from(0);
    if want == zero {
        return Some(if got == zero { 1.0 } else { 0.0 });
    }
    let diff = if got >= want {
        got - &want
    } else {
        &want - got
    };
    let relative_error = py_int_true_div(&diff, &want)?;
    let score = (-5.0 * relative_error).exp();
    score.is_finite().then_some(score.max(0.0))
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{accepted, dataset, refused};

    use super::*;

    #[test]
    fn config_errors_in_python_order() {
        let err = |c| refused(&INFO, c);
        assert_eq!(
            err(json!({"seed": 1, "tasks": ["Count_Days", "nope", "zzz", "nope"], "year": 0})),
            "Invalid tasks: nope, zzz. Valid tasks are: count_business_days, count_days, \
             is_leap_year, recurring_event_day, weekday_of_date, weekday_of_date_from_first_date, \
             weekday_offset"
        );
        assert_eq!(
            err(json!({"seed": 1, "year": 0})),
            "year must be a positive integer, got 0"
        );
        accepted(&INFO, json!({"seed": 1, "tasks": ["COUNT_DAYS"]}));
    }

    #[test]
    fn out_of_range_years_fail_cleanly() {
        // 400 days past any day of 9999 is beyond `date.max`: always for the
        // business-day range end, half the time (forward jumps) for offsets.
        for (task, ok) in [
            ("weekday_offset", 10..40),
            ("count_business_days", 0..1),
            ("weekday_of_date", 50..51),
        ] {
            let ds = dataset(
                &INFO,
                json!({"seed": 3, "year": 9999, "tasks": [task], "offset_upper_bound": 400}),
            );
            let n = (0..50).filter(|&i| ds.get(i).is_ok()).count();
            assert!(ok.contains(&n), "{task}: {n}");
        }
        let ds = dataset(
            &INFO,
            json!({"seed": 3, "year": 10000, "tasks": ["weekday_of_date"]}),
        );
        assert!(ds.get(0).is_err());
        let ds = dataset(
            &INFO,
            json!({"seed": 3, "year": 10_000_000, "tasks": ["is_leap_year"]}),
        );
        assert!(ds.get(0).is_ok());
        let ds = dataset(
            &INFO,
            json!({"seed": 3, "offset_upper_bound": 0, "tasks": ["weekday_of_date_from_first_date"]}),
        );
        assert!(ds.get(0).is_err());
    }

    #[test]
    fn numeric_scores() {
        assert_eq!(numeric_score("0", "0"), Some(1.0));
        assert_eq!(numeric_score("1", "0"), Some(0.0));
        assert_eq!(numeric_score(" 10 ", "10"), Some(1.0));
        assert_eq!(numeric_score("ten", "10"), None);
        assert_eq!(numeric_score(&"9".repeat(400), "1"), None);
    }
}
