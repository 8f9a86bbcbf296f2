//! `tower_of_hanoi`: move a tower of disks between pegs, with three or more
//! pegs; the answer is the Frame-Stewart solution, move by move.

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use pycompat::{py_decimal_value, py_int_i64, py_split, py_splitlines, py_strip};
use serde::Serialize;
use serde_json::Value;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "tower_of_hanoi",
    category: "games",
    description: "Generates Tower of Hanoi problems with solutions",
    config_class: "HanoiConfig",
    build,
};

/// What rgym counts per move of the longest answer: the characters of
/// `Move disk X from Peg Y to Peg Z` and its line break, with room for
/// the numbers.
const CHARS_PER_MOVE: u128 = 32;

struct TowerOfHanoi {
    seed: Seed,
    min_disks: i64,
    max_disks: i64,
    min_pegs: i64,
    max_pegs: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_disks = r.int("min_disks", 3);
    let max_disks = r.int("max_disks", 7);
    let min_pegs = r.int("min_pegs", 3);
    let max_pegs = r.int("max_pegs", 4);
    // `visualize` only adds keys beside question, answer and metadata
    // (`initial_state`, `states`), which an item here does not carry.
    r.bool("visualize", false);
    let v = r.finish()?;
    v.ensure(min_disks >= 1, "min_disks must be at least 1")?;
    v.ensure(max_disks >= min_disks, "max_disks must be >= min_disks")?;
    v.ensure(min_pegs >= 3, "min_pegs must be at least 3")?;
    v.ensure(max_pegs >= min_pegs, "max_pegs must be >= min_pegs")?;
    // The longest answer: most disks on fewest pegs.
    v.ensure_item_size(
        frame_stewart(count(max_disks), count(min_pegs)).saturating_mul(CHARS_PER_MOVE),
        "the moves of max_disks disks on min_pegs pegs * 32",
    )?;
    // Every recursive step of the reference copies its list of spare pegs,
    // and the metadata lists them: the work grows with disks times pegs.
    v.ensure_item_size(
        count(max_disks).saturating_mul(count(max_pegs)),
        "max_disks * max_pegs",
    )?;
    v.done(TowerOfHanoi {
        seed: p.seed,
        min_disks,
        max_disks,
        min_pegs,
        max_pegs,
    })
}

/// `C(n + k, k)`, saturating at `u128::MAX`.
fn binomial(n: u128, k: u128) -> u128 {
    let k = k.min(n.saturating_sub(k));
    let mut c: u128 = 1;
    for i in 1..=k {
        // Exact at each step: c * (n - k + i) / i is C(n - k + i, i).
        match c.checked_mul(n - k + i) {
            Some(p) => c = p / i,
            None => return u128::MAX,
        }
    }
    c
}

/// The exponent of `T(n, k) - T(n - 1, k)`: Frame-Stewart numbers grow by
/// powers of two, `2^t` for `C(t + k - 3, k - 2) < n <= C(t + k - 2, k - 2)`.
/// This is what lets rgym find the reference's split without its
/// `_compute_T` table (cubic in the disks); the unit tests check both
/// against that table.
fn increment_exponent(n: u128, k: u128) -> u128 {
    if k == 3 {
        return n.saturating_sub(1);
    }
    let mut t = 0;
    while binomial(t + k - 2, k - 2) < n {
        t += 1;
    }
    t
}

/// `_compute_T(n, k)`: the fewest moves for `n` disks on `k >= 3` pegs,
/// saturating at `u128::MAX`. `C(t + k - 3, k - 3)` disks add `2^t` moves
/// each.
fn frame_stewart(n: u128, k: u128) -> u128 {
    let mut remaining = n;
    let mut total: u128 = 0;
    let mut t = 0u32;
    while remaining > 0 {
        if t >= 127 {
            return u128::MAX;
        }
        let disks = binomial(u128::from(t) + k - 3, k - 3).min(remaining);
        total = total.saturating_add(disks.saturating_mul(1 << t));
        remaining -= disks;
        t += 1;
    }
    total
}

/// The `m` that `MoveGenerator.move` picks for `n >= 2` disks on `k > 3`
/// pegs: the first minimum of `2 T(m, k) + T(n - m, k - 1)` over
/// `1 <= m < n`. That sum is convex in `m` (its steps `2 dT(m + 1, k) -
/// dT(n - m, k - 1)` never decrease), so its first minimum is the first `m`
/// whose step up is not negative.
fn best_split(n: u128, k: u128) -> u128 {
    let step_up = |m: u128| increment_exponent(m + 1, k) + 1 >= increment_exponent(n - m, k - 1);
    // The first m in [1, n - 1) with a step up, else n - 1.
    let (mut lo, mut hi) = (1, n - 1);
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        if step_up(mid) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    lo
}

/// `MoveGenerator`: the moves so far, written straight into the answer
/// (`"\n".join(moves)`). The reference also keeps each peg's stack, only
/// to read which disk a move takes; here the recursion knows it: moving `n`
/// disks moves the `n` smallest of the stack, disks `top..top + n`.
struct MoveGenerator {
    moves: String,
    num_moves: usize,
    /// A spare-peg list per recursion depth, reused (a list per call was
    /// most of the time spent).
    scratch: Vec<Vec<usize>>,
}

impl MoveGenerator {
    /// Writes into `moves` (cleared), which a bulk writer reuses.
    fn new(mut moves: String, expected_moves: usize) -> Self {
        moves.clear();
        moves.reserve(expected_moves.saturating_mul(32));
        MoveGenerator {
            moves,
            num_moves: 0,
            scratch: Vec::new(),
        }
    }

    /// `move`: `n` disks, numbered from `top`, from `source` to `target`
    /// over the spare pegs `auxiliary` (in the reference's order).
    fn r#move(
        &mut self,
        n: u32,
        top: u32,
        (source, target): (usize, usize),
        auxiliary: &[usize],
        depth: usize,
    ) {
        if n == 0 {
            return;
        }
        if n == 1 {
            self.move_disk(top, source, target);
            return;
        }
        if auxiliary.len() == 1 {
            // The classic solution.
            let aux = auxiliary[0];
            self.r#move(n - 1, top, (source, aux), &[target], depth + 1);
            self.move_disk(top + n - 1, source, target);
            self.r#move(n - 1, top, (aux, target), &[source], depth + 1);
            return;
        }
        let k = auxiliary.len() as u128 + 2;
        let m = best_split(u128::from(n), k) as u32;
        let temp = auxiliary[0];
        if self.scratch.len() <= depth {
            self.scratch.resize_with(depth + 1, Vec::new);
        }
        // `auxiliary_pegs[1:] + [target]`, then `+ [source]`.
        let mut rest = std::mem::take(&mut self.scratch[depth]);
        rest.clear();
        rest.extend_from_slice(&auxiliary[1..]);
        rest.push(target);
        self.r#move(m, top, (source, temp), &rest, depth + 1);
        self.r#move(n - m, top + m, (source, target), &auxiliary[1..], depth + 1);
        if let Some(last) = rest.last_mut() {
            *last = source;
        }
        self.r#move(m, top, (temp, target), &rest, depth + 1);
        self.scratch[depth] = rest;
    }

    /// `_move_disk`.
    fn move_disk(&mut self, disk: u32, from: usize, to: usize) {
        let mut buf = itoa::Buffer::new();
        if self.num_moves > 0 {
            self.moves.push('\n');
        }
        self.num_moves += 1;
        self.moves.push_str("Move disk ");
        self.moves.push_str(buf.format(disk));
        self.moves.push_str(" from Peg ");
        self.moves.push_str(buf.format(from));
        self.moves.push_str(" to Peg ");
        self.moves.push_str(buf.format(to));
    }
}

impl Dataset for TowerOfHanoi {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let num_disks = rng.randint(self.min_disks, self.max_disks)?;
        let num_pegs = rng.randint(self.min_pegs, self.max_pegs)?;
        // `rng.sample(pegs, 2)` over the pegs numbered from 1.
        let picked = rng.sample_indices(num_pegs as u64, 2)?;
        let (start, target) = (picked[0] as usize + 1, picked[1] as usize + 1);
        let auxiliary: Vec<usize> = (1..=num_pegs as usize)
            .filter(|&p| p != start && p != target)
            .collect();

        let expected = frame_stewart(num_disks as u128, num_pegs as u128);
        let mut generator = MoveGenerator::new(
            std::mem::take(&mut item.answer),
            usize::try_from(expected).unwrap_or(0),
        );
        generator.r#move(num_disks as u32, 1, (start, target), &auxiliary, 0);
        item.answer = generator.moves;

        let q = &mut item.question;
        q.clear();
        let mut digits = itoa::Buffer::new();
        q.push_str("Solve the Tower of Hanoi problem with ");
        q.push_str(digits.format(num_disks));
        q.push_str(" disks and ");
        q.push_str(digits.format(num_pegs));
        q.push_str(" pegs.\nMove all disks from Peg ");
        q.push_str(digits.format(start));
        q.push_str(" to Peg ");
        q.push_str(digits.format(target));
        q.push_str(
            " following the rules:
- Only one disk can be moved at a time.
- A larger disk cannot be placed on top of a smaller disk.
- All disks must be on a peg at all times.

Provide the sequence of moves.

Formatting guidelines:
- Each instruction should be placed on a single line.
- Each line should be formatted as 'Move disk X from Peg Y to Peg Z'
- Do not include any other text or formatting.
",
        );
        item.metadata.set_from_serialize(&Meta {
            num_disks,
            num_pegs,
            start_peg: start,
            target_peg: target,
            auxiliary_pegs: &auxiliary,
            solution_length: generator.num_moves,
            difficulty: Difficulty {
                num_disks: [self.min_disks, self.max_disks],
                num_pegs: [self.min_pegs, self.max_pegs],
            },
        });
        Ok(())
    }

    /// Replays the moves: 1.0 for a solution no longer than the reference's,
    /// `optimal / moves` for a longer one, 0.05 for legal moves that leave
    /// the puzzle unsolved, 0.0 for an illegal or unreadable move.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let m = &item.metadata;
        let field = |k: &str| m.get(k).and_then(Value::as_i64);
        // A missing field is a KeyError in the reference: 0.
        let (Some(num_disks), Some(num_pegs), Some(start), Some(target)) = (
            field("num_disks"),
            field("num_pegs"),
            field("start_peg"),
            field("target_peg"),
        ) else {
            return 0.0;
        };
        let mut pegs = Pegs::new(num_disks, num_pegs, start);
        let mut user_moves: u64 = 0;
        for line in py_splitlines(py_strip(answer)) {
            let mv = py_strip(line);
            if mv.is_empty() {
                continue;
            }
            user_moves += 1;
            // `_parse_move` reads the move by a regex, `_validate_move` by
            // its words: the same numbers for a plain move, not always
            // otherwise (`Peg 3_0` is peg 3 to one, peg 30 to the other).
            let (parsed, words) = match plain_move(mv) {
                Some(m) => (m, m),
                None => {
                    let Some(parsed) = parse_move(mv) else {
                        return 0.0;
                    };
                    let Some(words) = move_words(mv) else {
                        return 0.0;
                    };
                    (parsed, words)
                }
            };
            if !pegs.validate_move(words) {
                return 0.0;
            }
            // The reference moves by the regex's numbers; a peg that does
            // not exist is a KeyError there.
            let (disk, from, to) = parsed;
            if !pegs.apply(disk, from, to) {
                return 0.0;
            }
        }
        if !pegs.solved(target, num_disks) {
            return 0.05;
        }
        let optimal = m
            .get("solution_length")
            .and_then(Value::as_u64)
            .unwrap_or(user_moves);
        if user_moves <= optimal {
            1.0
        } else {
            optimal as f64 / user_moves as f64
        }
    }
}

/// The item's own metadata, fields in the reference dict's order (`Seeded`
/// puts `source_dataset` and `source_index` in front).
#[derive(Serialize)]
struct Meta<'a> {
    num_disks: i64,
    num_pegs: i64,
    start_peg: usize,
    target_peg: usize,
    auxiliary_pegs: &'a [usize],
    solution_length: usize,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    num_disks: [i64; 2],
    num_pegs: [i64; 2],
}

/// The scorer's `peg_state`: a stack per peg, pegs numbered from 1.
struct Pegs(Vec<Vec<i64>>);

impl Pegs {
    fn new(num_disks: i64, num_pegs: i64, start: i64) -> Self {
        let mut pegs = vec![Vec::new(); usize::try_from(num_pegs).unwrap_or(0)];
        if let Some(p) = Pegs::index(&pegs, start) {
            pegs[p] = (1..=num_disks).rev().collect();
        }
        Pegs(pegs)
    }

    fn index<T>(pegs: &[T], peg: i64) -> Option<usize> {
        let i = usize::try_from(peg).ok()?.checked_sub(1)?;
        (i < pegs.len()).then_some(i)
    }

    fn peg(&self, peg: i64) -> Option<&Vec<i64>> {
        Pegs::index(&self.0, peg).map(|i| &self.0[i])
    }

    /// `_validate_move`, given the numbers it reads from the move's words.
    fn validate_move(&self, (disk, from, to): (i64, i64, i64)) -> bool {
        // A peg that is not a key of `pegs_state` raises, which the
        // reference catches as an invalid move.
        let Some(from) = self.peg(from) else {
            return false;
        };
        if from.last() != Some(&disk) {
            return false;
        }
        let Some(to) = self.peg(to) else {
            return false;
        };
        to.last().is_none_or(|&top| top >= disk)
    }

    /// `peg_state[from_peg].pop(); peg_state[to_peg].append(disk)`; false
    /// where the reference raises.
    fn apply(&mut self, disk: i64, from: i64, to: i64) -> bool {
        let (Some(f), Some(t)) = (Pegs::index(&self.0, from), Pegs::index(&self.0, to)) else {
            return false;
        };
        if self.0[f].pop().is_none() {
            return false;
        }
        self.0[t].push(disk);
        true
    }

    /// All disks on `target`, largest at the bottom.
    fn solved(&self, target: i64, num_disks: i64) -> bool {
        self.peg(target)
            .is_some_and(|p| p.iter().copied().eq((1..=num_disks).rev()))
    }
}

/// The words `_validate_move` reads: the 3rd, 6th and 9th of exactly nine,
/// through `int()`; `None` where it finds the move invalid.
fn move_words(mv: &str) -> Option<(i64, i64, i64)> {
    let mut parts = [""; 9];
    let mut words = py_split(mv);
    for part in &mut parts {
        *part = words.next()?;
    }
    if words.next().is_some() {
        return None;
    }
    Some((
        small_int(parts[2])?,
        small_int(parts[5])?,
        small_int(parts[8])?,
    ))
}

/// A move written exactly as `Move disk D from Peg F to Peg T` in ASCII
/// digits, which both readings take alike: what a plan of a million moves
/// is made of, read without the general path.
fn plain_move(mv: &str) -> Option<(i64, i64, i64)> {
    fn number(s: &str) -> Option<(i64, &str)> {
        let end = s
            .bytes()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(s.len());
        if !(1..=18).contains(&end) {
            return None;
        }
        Some((s[..end].parse().ok()?, &s[end..]))
    }
    let (disk, rest) = number(mv.strip_prefix("Move disk ")?)?;
    let (from, rest) = number(rest.strip_prefix(" from Peg ")?)?;
    let (to, rest) = number(rest.strip_prefix(" to Peg ")?)?;
    rest.is_empty().then_some((disk, from, to))
}

/// `int(s)` where only a small value can name a disk or a peg: a value
/// past `i64` names none, which ends the answer at 0.0 as a value `int()`
/// refuses does.
fn small_int(s: &str) -> Option<i64> {
    py_int_i64(s)?
}

/// `_parse_move`: `re.search(r"Move disk (\d+) from Peg (\d+) to Peg (\d+)", move)`,
/// the groups through `int()`; `None` where there is no match or `int()`
/// raises.
fn parse_move(mv: &str) -> Option<(i64, i64, i64)> {
    const HEAD: &str = "Move disk ";
    // `\d+` is greedy and each group is followed by a space or ends the
    // match, so the leftmost match needs no backtracking; `Move disk ` does
    // not overlap itself, so trying each occurrence in turn is linear.
    let mut from = 0;
    while let Some(at) = mv[from..].find(HEAD) {
        let start = from + at + HEAD.len();
        if let Some(groups) = match_groups(&mv[start..]) {
            return Some(groups);
        }
        from = start;
    }
    None
}

/// The rest of the pattern after `Move disk `.
fn match_groups(s: &str) -> Option<(i64, i64, i64)> {
    let (disk, s) = digits(s)?;
    let s = s.strip_prefix(" from Peg ")?;
    let (from, s) = digits(s)?;
    let s = s.strip_prefix(" to Peg ")?;
    let (to, _) = digits(s)?;
    // `int()` of each group raises past 4300 digits: no match then.
    Some((small_int(disk)?, small_int(from)?, small_int(to)?))
}

/// A greedy `\d+` (any Unicode decimal digit) at the start of `s`.
fn digits(s: &str) -> Option<(&str, &str)> {
    let end = s
        .char_indices()
        .find(|&(_, c)| py_decimal_value(c).is_none())
        .map_or(s.len(), |(i, _)| i);
    (end > 0).then(|| s.split_at(end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};
    use serde_json::json;
    use std::collections::HashMap;

    /// `_compute_T` as the reference computes it, with its memo.
    fn reference_t(n: u128, k: u128, memo: &mut HashMap<(u128, u128), u128>) -> u128 {
        match (n, k) {
            (0, _) => 0,
            (1, _) => 1,
            (_, 3) => (1 << n) - 1,
            _ => {
                if let Some(&t) = memo.get(&(n, k)) {
                    return t;
                }
                let t = (1..n)
                    .map(|m| 2 * reference_t(m, k, memo) + reference_t(n - m, k - 1, memo))
                    .min()
                    .unwrap_or(0);
                memo.insert((n, k), t);
                t
            }
        }
    }

    #[test]
    fn closed_forms_match_the_reference_recursion() {
        let mut memo = HashMap::new();
        for k in 3..14u128 {
            for n in 1..90u128 {
                let want = reference_t(n, k, &mut memo);
                assert_eq!(frame_stewart(n, k), want, "T({n}, {k})");
                if k > 3 && n >= 2 {
                    // The first strict minimum, as `move` scans for it.
                    let mut best = (u128::MAX, 0);
                    for m in 1..n {
                        let v =
                            2 * reference_t(m, k, &mut memo) + reference_t(n - m, k - 1, &mut memo);
                        if v < best.0 {
                            best = (v, m);
                        }
                    }
                    assert_eq!(best_split(n, k), best.1, "split of {n} on {k}");
                }
            }
        }
        assert_eq!(frame_stewart(200, 3), u128::MAX);
        // One disk moves once, 10^9 - 2 twice, the last four times.
        assert_eq!(frame_stewart(1_000_000_000, 1_000_000_000), 2_000_000_001);
    }

    #[test]
    fn answers_solve_and_score_one() {
        let ds = dataset(
            &INFO,
            json!({"min_disks": 1, "max_disks": 9, "max_pegs": 6}),
        );
        for idx in 0..40 {
            let item = ds.get(idx).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            let doubled = format!("{}\n{}", item.answer, item.answer);
            let s = ds.score(Some(&doubled), &item);
            assert!(s == 0.0 || s == 0.05, "{s}");
        }
    }

    #[test]
    fn scorer_corners() {
        let ds = dataset(
            &INFO,
            json!({"min_disks": 2, "max_disks": 2, "max_pegs": 3}),
        );
        let item = ds.get(0).unwrap();
        let m = &item.metadata;
        let (s, t) = (
            m["start_peg"].as_i64().unwrap(),
            m["target_peg"].as_i64().unwrap(),
        );
        let a = 6 - s - t;
        let mv = |d: i64, f: i64, to: &str| format!("Move disk {d} from Peg {f} to Peg {to}");
        // The words may carry text glued to them, and the last number
        // may go on with `_`: the reference validates by one reading and
        // moves by the other.
        let glued = [
            format!("x{}", mv(1, s, &a.to_string())),
            mv(2, s, &t.to_string()),
            mv(1, a, &format!("{t}x")),
        ];
        assert_eq!(ds.score(Some(&glued.join("\n")), &item), 0.0);
        let fine = [
            mv(1, s, &a.to_string()),
            mv(2, s, &t.to_string()),
            mv(1, a, &t.to_string()),
        ];
        assert_eq!(ds.score(Some(&fine.join("\r\n")), &item), 1.0);
        let prefixed = format!("x{}", fine.join("\n"));
        assert_eq!(ds.score(Some(&prefixed), &item), 1.0);
        assert_eq!(ds.score(Some(&fine[..2].join("\n")), &item), 0.05);
        assert_eq!(ds.score(Some(" \n "), &item), 0.05);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        let spaced = fine[0].replace("disk", "disk ");
        assert_eq!(ds.score(Some(&spaced), &item), 0.0);
        // `٣` is a digit to `\d` and to `int()`.
        let arabic = fine.join("\n").replace('1', "\u{661}");
        assert_eq!(ds.score(Some(&arabic), &item), 1.0);
    }

    #[test]
    fn plain_moves_read_as_both_readings_do() {
        let lines = [
            "Move disk 1 from Peg 2 to Peg 3",
            "Move disk 10 from Peg 02 to Peg 3",
            "Move disk 1 from Peg 2 to Peg 3x",
            "Move disk 1 from Peg 2 to Peg 3_0",
            "xMove disk 1 from Peg 2 to Peg 3",
            "Move disk 1 from Peg 2 to Peg 3 ",
            "Move disk 1 from  Peg 2 to Peg 3",
            "Move disk \u{661} from Peg 2 to Peg 3",
            "Move disk 1234567890123456789 from Peg 2 to Peg 3",
        ];
        for line in lines {
            if let Some(m) = plain_move(line) {
                assert_eq!(parse_move(line), Some(m), "{line}");
                assert_eq!(move_words(line), Some(m), "{line}");
            }
        }
        assert_eq!(plain_move(lines[0]), Some((1, 2, 3)));
        assert_eq!(plain_move(lines[3]), None);
        assert_eq!(parse_move(lines[3]), Some((1, 2, 3)));
        assert_eq!(move_words(lines[3]), Some((1, 2, 30)));
        assert_eq!(move_words(lines[2]), None);
        assert_eq!(move_words(lines[4]), Some((1, 2, 3)));
        assert_eq!(parse_move(lines[7]), Some((1, 2, 3)));
    }

    #[test]
    fn hostile_answers_are_scored_quickly() {
        let ds = dataset(&INFO, json!({"min_disks": 3, "max_disks": 3}));
        let item = ds.get(0).unwrap();
        let started = std::time::Instant::now();
        let back_and_forth = format!("{}\n", item.answer).repeat(150_000);
        ds.score(Some(&back_and_forth), &item);
        ds.score(Some(&"Move disk 9".repeat(100_000)), &item);
        ds.score(Some(&"1".repeat(1 << 20)), &item);
        ds.score(
            Some(&format!(
                "Move disk {} from Peg 1 to Peg 2",
                "1".repeat(1 << 20)
            )),
            &item,
        );
        // Generous: debug builds on a loaded machine; release takes milliseconds.
        assert!(started.elapsed().as_secs_f64() < 10.0);
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"min_disks": 0})),
            "min_disks must be at least 1"
        );
        assert_eq!(
            refused(&INFO, json!({"min_disks": 5, "max_disks": 4})),
            "max_disks must be >= min_disks"
        );
        assert_eq!(
            refused(&INFO, json!({"min_pegs": 2})),
            "min_pegs must be at least 3"
        );
        assert_eq!(
            refused(&INFO, json!({"max_pegs": 2})),
            "max_pegs must be >= min_pegs"
        );
        let msg = refused(&INFO, json!({"max_disks": 18}));
        assert!(msg.starts_with("the moves of max_disks"), "{msg}");
        let msg = refused(&INFO, json!({"max_pegs": 1_000_000_000}));
        assert!(msg.starts_with("max_disks * max_pegs"), "{msg}");
        accepted(&INFO, json!({"max_disks": 17}));
        accepted(
            &INFO,
            json!({"min_disks": 2000, "max_disks": 2000, "min_pegs": 2000, "max_pegs": 2000}),
        );
    }

    #[test]
    fn many_pegs_stay_fast() {
        let ds = dataset(
            &INFO,
            json!({"min_disks": 2000, "max_disks": 2000, "min_pegs": 2000, "max_pegs": 2000}),
        );
        let started = std::time::Instant::now();
        let item = ds.get(0).unwrap();
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        assert!(started.elapsed().as_secs_f64() < 5.0);
    }
}
