//! Every registered scorer, fed hostile answers: each score must be a finite
//! number in [0, 1], and nothing may panic or overflow the stack.
//!
//! For each dataset (default config; `composite` with a small mix) a few
//! items are scored against `ANSWERS_PER_DATASET` answers from a fixed-seed
//! generator: the item's own answer mutated (characters dropped, doubled,
//! swapped, case-flipped, padded), its numbers nudged (±1, ±0.5, sign, `NaN`,
//! `inf`, `1e999`, leading zeros, `_` separators, 5000 digits), random text
//! over brackets, quotes, digits and Unicode (combining marks, RTL, emoji,
//! zero-width and control characters), bracket towers up to a million deep,
//! and a few megabyte-sized answers. Datasets run on parallel threads with
//! the default 2 MB stack, as server workers do.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use dataset_core::{DatasetInfo, Item, Seeded};
use serde_json::{json, Map, Value};

const ANSWERS_PER_DATASET: usize = 10_000;
const ITEMS_PER_DATASET: u64 = 3;
/// A single score taking longer than this (debug build) means work superlinear in
/// the answer's size, which a hostile client can turn into a denial of service.
const SLOW_SCORE: Duration = Duration::from_secs(2);

/// SplitMix64: small, fast, and the same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

const ALPHABET: &[&str] = &[
    "[",
    "]",
    "(",
    ")",
    "{",
    "}",
    "<",
    ">",
    "'",
    "\"",
    "`",
    "\\",
    ",",
    ":",
    ";",
    ".",
    "-",
    "+",
    "*",
    "/",
    "=",
    "_",
    "#",
    "|",
    "&",
    "^",
    "%",
    "$",
    "@",
    "!",
    "?",
    "~",
    " ",
    "\t",
    "\n",
    "\r",
    "0",
    "1",
    "2",
    "3",
    "7",
    "9",
    "e",
    "E",
    "j",
    "x",
    "a",
    "A",
    "z",
    "True",
    "False",
    "None",
    "null",
    "true",
    "NaN",
    "Infinity",
    "inf",
    "nan",
    "\\u00e9",
    "\\ud800",
    "\\x41",
    "\\N{DASH}",
    "é",
    "ß",
    "中",
    "文",
    "😀",
    "👨‍👩‍👧",
    "\u{0301}",
    "\u{200b}",
    "\u{200f}",
    "\u{202e}",
    "\u{feff}",
    "\u{0}",
    "\u{7f}",
    "\u{1c}",
    "\u{a0}",
    "\u{3000}",
    "\u{ffff}",
    "\u{10ffff}",
    "١",
    "٢",
    "𝟘",
    "Ⅻ",
    "½",
    "ﬁ",
    "İ",
    "ǅ",
    "ΐ",
    "א",
    "ع",
    "<think>",
    "</answer>",
    "\\boxed{",
    "$$",
];

const NUMBERS: &[&str] = &[
    "0",
    "-0",
    "0.0",
    "-0.0",
    "1",
    "-1",
    "00",
    "007",
    "1_000",
    "1__0",
    "_1",
    "1e999",
    "-1e999",
    "1e-999",
    "1e308",
    "2e308",
    "5e-324",
    "NaN",
    "nan",
    "-nan",
    "inf",
    "-inf",
    "Infinity",
    "-Infinity",
    "1.",
    ".5",
    "0x1F",
    "0b101",
    "0o17",
    "1j",
    "1+2j",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775809",
    "18446744073709551616",
    "3.14159",
    "1/3",
    "2**64",
    "1,000",
    "1 000",
    "١٢٣",
    "１２３",
    "+5",
    "--5",
    "5.0000000000000001",
];

fn mutate(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    let edits = 1 + rng.below(4);
    for _ in 0..edits {
        let at = rng.below(chars.len() + 1);
        match rng.below(9) {
            0 if at < chars.len() => {
                chars.remove(at);
            }
            1 if at < chars.len() => {
                let c = chars[at];
                chars.insert(at, c);
            }
            2 if at < chars.len() => {
                let c = rng.pick(ALPHABET).chars().next().unwrap_or(' ');
                chars[at] = c;
            }
            3 => chars
                .splice(at..at, rng.pick(ALPHABET).chars())
                .for_each(drop),
            4 if at + 1 < chars.len() => chars.swap(at, at + 1),
            5 => chars.truncate(at),
            6 => {
                for c in chars.iter_mut() {
                    *c = if c.is_uppercase() {
                        c.to_lowercase().next().unwrap_or(*c)
                    } else {
                        c.to_uppercase().next().unwrap_or(*c)
                    };
                }
            }
            7 => chars.reverse(),
            _ => chars
                .splice(at..at, rng.pick(NUMBERS).chars())
                .for_each(drop),
        }
    }
    chars.into_iter().collect()
}

/// The answer with each number replaced, sometimes, by a near miss.
fn nudge_numbers(rng: &mut Rng, s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    let mut rest = s;
    while let Some(start) = rest.find(|c: char| c.is_ascii_digit()) {
        out.push_str(&rest[..start]);
        let tail = &rest[start..];
        let len = tail
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(tail.len());
        let token = &tail[..len];
        rest = &tail[len..];
        if !rng.chance(40) {
            out.push_str(token);
            continue;
        }
        let x: f64 = token.trim_end_matches('.').parse().unwrap_or(0.0);
        let replacement = match rng.below(12) {
            0 => format!("{}", x + 1.0),
            1 => format!("{}", x - 1.0),
            2 => format!("{}", x + 0.5),
            3 => format!("-{token}"),
            4 => format!("{token}.0"),
            5 => format!("0{token}"),
            6 => format!("{}", x * 10.0),
            7 => format!("{x:e}"),
            8 => "9".repeat(5000),
            9 => format!("{token}000000000000000000001"),
            10 => format!("{}", x + 1e-9),
            _ => rng.pick(NUMBERS).to_string(),
        };
        out.push_str(&replacement);
    }
    out.push_str(rest);
    out
}

fn random_text(rng: &mut Rng, max_pieces: usize) -> String {
    let n = rng.below(max_pieces + 1);
    (0..n).map(|_| *rng.pick(ALPHABET)).collect()
}

/// Brackets nested `depth` deep, closed or not, with something inside.
fn tower(rng: &mut Rng, depth: usize) -> String {
    let (open, close) = *rng.pick(&[
        ("[", "]"),
        ("(", ")"),
        ("{", "}"),
        ("[{\"a\":", "}]"),
        ("[(", ")]"),
    ]);
    let inner = *rng.pick(&["", "1", "'x'", "\"x\"", "NaN", "-1", "[]"]);
    let closed = rng.chance(50);
    let mut s = String::with_capacity(depth * (open.len() + close.len()) + inner.len());
    for _ in 0..depth {
        s.push_str(open);
    }
    s.push_str(inner);
    if closed {
        for _ in 0..depth {
            s.push_str(close);
        }
    }
    s
}

/// A JSON or Python rendering of a random structure around the item's answer.
fn structured(rng: &mut Rng, answer: &str, meta: &Map<String, Value>) -> String {
    let field = meta
        .values()
        .nth(rng.below(meta.len().max(1)))
        .cloned()
        .unwrap_or(Value::Null);
    match rng.below(10) {
        0 => field.to_string(),
        1 => mutate(rng, &field.to_string()),
        2 => format!("[{}]", field),
        3 => json!([answer]).to_string(),
        4 => json!({ "answer": answer }).to_string(),
        5 => format!("{answer:?}"),
        6 => answer
            .split_whitespace()
            .map(|w| format!("'{w}'"))
            .collect::<Vec<_>>()
            .join(", "),
        7 => format!(
            "[{}]",
            answer
                .chars()
                .map(|c| format!("{c:?}"))
                .collect::<Vec<_>>()
                .join(",")
        ),
        8 => field.to_string().replace('"', "'"),
        _ => nudge_numbers(rng, &field.to_string()),
    }
}

/// The `k`-th answer for an item; the megabyte-sized ones only for the first item.
fn answer_for(rng: &mut Rng, k: usize, item: &Item, other: &str, first: bool) -> Option<String> {
    let answer = item.answer.as_str();
    let fixed: &[&str] = &[
        "", " ", "\n", "0", "-1", "[]", "{}", "()", "null", "None", "[[]]", "\"\"", "''",
    ];
    if k < fixed.len() {
        return Some(fixed[k].to_string());
    }
    if k == fixed.len() {
        return None;
    }
    let big = 1 << 18;
    let k = if first {
        k - fixed.len() - 1
    } else {
        usize::MAX
    };
    Some(match k {
        0 => "[".repeat(1_000_000),
        1 => "(".repeat(big),
        2 => "{\"a\":".repeat(big / 5),
        3 => "a".repeat(big),
        4 => "9".repeat(big),
        5 => answer.repeat((big / answer.len().max(1)).max(1)),
        6 => format!("{}{}{}", "[".repeat(100_000), answer, "]".repeat(100_000)),
        7 => "-".repeat(100_000) + "1",
        8 => format!("{answer} {}", "x ".repeat(50_000)),
        _ => match rng.below(16) {
            0..=2 => mutate(rng, answer),
            3 | 4 => nudge_numbers(rng, answer),
            5 => random_text(rng, 12),
            6 => random_text(rng, 200),
            7 => {
                let depth = *rng.pick(&[2, 10, 199, 200, 201, 1000, 5000]);
                tower(rng, depth)
            }
            8 => other.to_string(),
            9 => mutate(rng, other),
            10 => format!("{}{answer}{}", random_text(rng, 3), random_text(rng, 3)),
            11 => format!("<answer>{answer}</answer>"),
            12 => answer.to_uppercase(),
            13 => {
                let mut words: Vec<&str> = answer.split_whitespace().collect();
                for i in (1..words.len()).rev() {
                    words.swap(i, rng.below(i + 1));
                }
                words.join(" ")
            }
            14 => structured(rng, answer, &item.metadata),
            _ => {
                let mutated = mutate(rng, answer);
                nudge_numbers(rng, &mutated)
            }
        },
    })
}

fn build(info: &DatasetInfo) -> Result<Seeded, String> {
    let mut config = Map::new();
    config.insert("seed".into(), json!(42));
    config.insert("size".into(), json!(1000));
    if info.name == "composite" {
        // Mix whichever two other datasets come first; composite has no default.
        let names: Vec<&str> = datasets::registry()
            .iter()
            .map(|d| d.name)
            .filter(|n| *n != "composite")
            .take(2)
            .collect();
        config.insert(
            "datasets".into(),
            json!(names
                .iter()
                .map(|n| json!({"name": n, "weight": 1}))
                .collect::<Vec<_>>()),
        );
    }
    datasets::create(info.name, &config).map_err(|e| e.to_string())
}

/// CPU time of the calling thread (user + system), from `/proc` on Linux.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the parenthesised command name; utime and stime are 14 and 15.
    let rest = &stat[stat.rfind(')')? + 1..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    // USER_HZ is 100 on every Linux platform Rust supports.
    Some(Duration::from_millis(ticks * 10))
}

/// Scores every answer for one dataset; returns the problems found.
fn fuzz_dataset(info: &DatasetInfo, seed: u64) -> Vec<String> {
    let ds = match build(info) {
        Ok(ds) => ds,
        Err(e) => return vec![format!("{}: default config fails: {e}", info.name)],
    };
    let mut problems = Vec::new();
    let mut rng = Rng(seed);
    let items: Vec<Item> = (0..ITEMS_PER_DATASET + 1)
        .filter_map(|i| ds.get(i * 7).ok())
        .collect();
    if items.len() < 2 {
        return vec![format!("{}: items could not be generated", info.name)];
    }
    let per_item = ANSWERS_PER_DATASET / (items.len() - 1);
    for (n, item) in items[..items.len() - 1].iter().enumerate() {
        let other = items[n + 1].answer.as_str();
        for k in 0..per_item {
            let answer = answer_for(&mut rng, k, item, other, n == 0);
            let (t, cpu) = (Instant::now(), thread_cpu_time());
            let scored = catch_unwind(AssertUnwindSafe(|| ds.score(answer.as_deref(), item)));
            let mut took = t.elapsed();
            if took > SLOW_SCORE {
                // Other processes may have had the core: count this thread's CPU time.
                if let (Some(before), Some(after)) = (cpu, thread_cpu_time()) {
                    took = after.saturating_sub(before);
                }
            }
            let shown = || {
                answer.as_deref().map(|a| {
                    let cut: String = a.chars().take(120).collect();
                    format!("{cut:?} ({} bytes)", a.len())
                })
            };
            match scored {
                Err(_) => problems.push(format!("{}: panicked on {:?}", info.name, shown())),
                Ok(s) if !(s.is_finite() && (0.0..=1.0).contains(&s)) => {
                    problems.push(format!("{}: score {s} for {:?}", info.name, shown()))
                }
                Ok(s)
                    if k % 50 == 0
                        && ds.score(answer.as_deref(), item).to_bits() != s.to_bits() =>
                {
                    problems.push(format!(
                        "{}: score not deterministic for {:?}",
                        info.name,
                        shown()
                    ))
                }
                Ok(_) if took > SLOW_SCORE => {
                    problems.push(format!("{}: took {took:?} on {:?}", info.name, shown()))
                }
                Ok(_) => {}
            }
            if problems.len() >= 5 {
                return problems;
            }
        }
    }
    problems
}

#[test]
fn every_scorer_survives_hostile_answers() {
    let started = Instant::now();
    let registry = datasets::registry();
    // `RGYM_FUZZ_ONLY=a,b` narrows the run to some datasets.
    let only = std::env::var("RGYM_FUZZ_ONLY").ok();
    // The Python provider's datasets need its interpreter (scripts/test.sh sets it).
    let provider = std::env::var_os("RGYM_PYTHON_PROVIDER").is_some();
    let next = AtomicUsize::new(0);
    let problems = Mutex::new(Vec::new());
    let slowest = Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism()
        .map_or(2, |n| n.get())
        .min(4);
    // Scorer panics are caught and reported; keep the default hook from
    // printing a backtrace for each.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(info) = registry.get(i) else { break };
                if only
                    .as_ref()
                    .is_some_and(|names| !names.split(',').any(|n| n == info.name))
                {
                    continue;
                }
                if !provider && datasets::python_provided(info.name) {
                    eprintln!("{}: skipped (RGYM_PYTHON_PROVIDER is not set)", info.name);
                    continue;
                }
                let t = Instant::now();
                let found = fuzz_dataset(info, 0x5eed ^ i as u64);
                slowest.lock().unwrap().push((t.elapsed(), info.name));
                problems.lock().unwrap().extend(found);
            });
        }
    });
    std::panic::set_hook(hook);
    let problems = problems.into_inner().unwrap();
    let mut slowest = slowest.into_inner().unwrap();
    slowest.sort_by(|a, b| b.cmp(a));
    eprintln!(
        "{} datasets x {ANSWERS_PER_DATASET} answers in {:?}; slowest: {:?}",
        registry.len(),
        started.elapsed(),
        &slowest[..slowest.len().min(12)]
    );
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.join("\n")
    );
}
