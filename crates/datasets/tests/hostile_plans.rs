//! The scorers that simulate a plan or read a grid, fed plans of a million
//! moves and answers of a megabyte or more: each must come back with the
//! score reasoning-gym 0.1.25 gives the same answer on the same item.
//!
//! The expected scores are the reference's (`score_answer` on a deep copy of
//! the item, measured once; the reference takes up to 20 s on some of these).
//! Nothing here asserts a time: a loaded machine would make that flaky. The
//! time of each score (best of three, wall clock and the thread's CPU time,
//! which other processes do not inflate) is printed instead; run
//! `cargo test --release -p datasets --test hostile_plans -- --nocapture` to
//! see them (issue 17 asks under 100 ms each in a release build).

use std::time::{Duration, Instant};

/// The CPU time this thread has used.
fn thread_cpu_time() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid timespec for clock_gettime to write.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

use dataset_core::testing::dataset;
use serde_json::{json, Value};

/// One hostile answer and the reference's score for it.
struct Case {
    label: &'static str,
    answer: String,
    reference: f64,
}

fn case(label: &'static str, answer: String, reference: f64) -> Case {
    Case {
        label,
        answer,
        reference,
    }
}

/// `json.dumps` of a list of plain ASCII strings.
fn json_list(items: impl IntoIterator<Item = &'static str>) -> String {
    let quoted: Vec<String> = items.into_iter().map(|s| format!("\"{s}\"")).collect();
    format!("[{}]", quoted.join(", "))
}

/// Scores every case on item `idx` of `name` (seed 1, `config`), asserting
/// the reference's score, and prints each one's best time of three.
fn check(name: &str, config: Value, idx: u64, cases: Vec<Case>) {
    let info = datasets::info(name).unwrap_or_else(|| panic!("{name} is not registered"));
    let ds = dataset(info, config);
    let item = ds.get(idx).unwrap_or_else(|e| panic!("{name} {idx}: {e}"));
    for c in cases {
        let (mut wall, mut cpu) = (Duration::MAX, Duration::MAX);
        for _ in 0..3 {
            let (t, c0) = (Instant::now(), thread_cpu_time());
            let score = ds.score(Some(&c.answer), &item);
            cpu = cpu.min(thread_cpu_time().saturating_sub(c0));
            wall = wall.min(t.elapsed());
            assert_eq!(score, c.reference, "{name}: {}", c.label);
        }
        eprintln!(
            "{name:<15} {:<32} {:>9} bytes {:>8.2} ms wall {:>8.2} ms CPU  score {}",
            c.label,
            c.answer.len(),
            wall.as_secs_f64() * 1000.0,
            cpu.as_secs_f64() * 1000.0,
            c.reference
        );
    }
}

#[test]
fn boxnet() {
    // Item 0 has an agent on every square and box_red on [1.5, 0.5].
    let there = r#"{"Agent[1.5, 0.5]": "move(box_red, square[0.5, 0.5])"}"#;
    let back = r#"{"Agent[0.5, 0.5]": "move(box_red, square[1.5, 0.5])"}"#;
    let plan = format!("[{}]", [there, back].repeat(10_000).join(", "));
    let cut = plan[..plan.len() - 1].to_string();
    check(
        "boxnet",
        json!({}),
        0,
        vec![
            case(
                "a million empty steps",
                format!("[{}{{}}]", "{}, ".repeat(999_999)),
                0.05,
            ),
            case("20,000 moves there and back", plan, 0.05),
            case("that plan cut short", cut, 0.0),
            case("a megabyte of [", "[".repeat(1 << 20), 0.0),
        ],
    );
}

#[test]
fn rush_hour() {
    // Item 3: F can move one square right and back.
    check(
        "rush_hour",
        json!({}),
        3,
        vec![
            case(
                "a million moves there and back",
                "F+1 F-1 ".repeat(500_000),
                0.01,
            ),
            case(
                "a megabyte-long distance",
                format!("F+{}", "9".repeat(1 << 20)),
                0.0,
            ),
            case(
                "300,000 moves of a missing car",
                "Z-1 ".repeat(300_000),
                0.01,
            ),
            case("a megabyte of é", "é".repeat(500_000), 0.01),
        ],
    );
}

#[test]
fn knight_swap() {
    // Item 1: white D1 -> C3, black B3 -> C1 and back is a loop of legal moves.
    let round = ["w,D1,C3", "B,B3,C1", "w,C3,D1", "B,C1,B3"];
    check(
        "knight_swap",
        json!({}),
        1,
        vec![
            case(
                "a million moves round a loop",
                json_list(round.repeat(250_000)),
                0.05,
            ),
            case(
                "a million copies of one move",
                json_list(vec!["w,D1,C3"; 1_000_000]),
                0.0,
            ),
            case("a megabyte of [", "[".repeat(1 << 20), 0.0),
            case(
                "300,000 moves then a number",
                format!("[{}1]", "\"w,A1,B3\",".repeat(300_000)),
                0.0,
            ),
        ],
    );
}

#[test]
fn sokoban() {
    let info = datasets::info("sokoban").unwrap();
    let answer = dataset(info, json!({})).get(0).unwrap().answer;
    check(
        "sokoban",
        json!({}),
        0,
        vec![
            case("a million moves", "LRUD".repeat(250_000), 0.0),
            case("a megabyte of é", "é".repeat(500_000), 0.0),
            // Characters other than moves are skipped, as the reference skips them.
            case(
                "a megabyte of x then the answer",
                format!("{}{answer}", "x".repeat(1 << 20)),
                1.0,
            ),
        ],
    );
}

#[test]
fn jugs() {
    check(
        "jugs",
        json!({}),
        0,
        vec![
            case(
                "a million moves",
                json_list(["fill A", "empty A"].repeat(500_000)),
                0.01,
            ),
            case(
                "a megabyte of an unclosed list",
                r#"["fill A", "#.repeat(100_000),
                0.0,
            ),
            case(
                "a million one-letter moves",
                format!("\"{}\"", "f".repeat(1_000_000)),
                0.0,
            ),
        ],
    );
}

#[test]
fn tower_of_hanoi() {
    // Item 0 moves three disks from peg 2 to peg 1.
    check(
        "tower_of_hanoi",
        json!({"min_disks": 3, "max_disks": 3}),
        0,
        vec![
            case(
                "a million moves there and back",
                "Move disk 1 from Peg 2 to Peg 1\nMove disk 1 from Peg 1 to Peg 2\n"
                    .repeat(500_000),
                0.05,
            ),
            case(
                "a megabyte-long disk number",
                format!("Move disk {} from Peg 2 to Peg 1", "1".repeat(1 << 20)),
                0.0,
            ),
            case("a megabyte of digits", "1".repeat(1 << 20), 0.0),
        ],
    );
}

#[test]
fn word_ladder() {
    // Item 0: TIPS to BRAN, through TAPS, BAPS, BAAS, BRAS.
    check(
        "word_ladder",
        json!({}),
        0,
        vec![
            case(
                "a million-word ladder",
                format!(
                    "TIPS,{}TAPS,BAPS,BAAS,BRAS,BRAN",
                    "TAPS,TIPS,".repeat(499_999)
                ),
                1.0,
            ),
            case(
                "a million non-words",
                format!("TIPS,{}BRAN", "ABCD,".repeat(1_000_000)),
                0.0,
            ),
            case(
                "two million commas",
                format!("TIPS,{}", ",".repeat(1 << 21)),
                0.0,
            ),
            case("a megabyte of ß", "ß".repeat(1 << 20), 0.0),
        ],
    );
}

#[test]
fn futoshiki() {
    check(
        "futoshiki",
        json!({}),
        0,
        vec![
            case("a megabyte of digits", "123456789".repeat(1 << 17), 0.0),
            case(
                "a megabyte of rows",
                "1 2 3 4 5 6 7 8 9\n".repeat(1 << 16),
                0.0,
            ),
            case("a megabyte of newlines", "\n".repeat(1 << 20), 0.0),
        ],
    );
}
