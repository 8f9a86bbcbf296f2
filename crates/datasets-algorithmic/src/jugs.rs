//! `jugs`: measure a target amount of water with jugs of given capacities by
//! filling, emptying and pouring; the answer is a JSON list of moves.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::{json_loads, json_loads_plain_str_list, py_split, PyValue};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "jugs",
    category: "algorithmic",
    description: "Generates water jug puzzles inspired by [this scene from _Die Hard 3_](https://www.youtube.com/watch?v=6cAbgAaEOVE), with configurable parameters",
    config_class: "JugsConfig",
    build,
};

/// `generate_puzzle`'s `max_attempts`.
const MAX_ATTEMPTS: u32 = 10_000;

/// rgym's bound on the searches of one item, in jug values looked at (each
/// state a search expands tries `n (n + 1)` moves of `n` jugs). The reference searches without
/// one: a config whose puzzles are too easy for its difficulty (many jugs,
/// a high difficulty) makes it search 10,000 puzzles, an hour or more in
/// Python for what takes rgym seconds; past this bound rgym gives up.
const SEARCH_BUDGET: u64 = 1 << 32;

struct Jugs {
    seed: Seed,
    num_jugs: usize,
    difficulty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let num_jugs = r.int("num_jugs", 3);
    let difficulty = r.int("difficulty", 10);
    let v = r.finish()?;
    v.ensure(num_jugs > 2, "num_jugs must be gt 2")?;
    v.ensure(difficulty > 0, "difficulty must be gt 0")?;
    v.ensure(difficulty < 200, "difficulty must be lt 200")?;
    // One step of the search makes a state per pair of jugs.
    v.ensure_item_size(
        count(num_jugs).saturating_mul(count(num_jugs)),
        "num_jugs * num_jugs",
    )?;
    v.done(Jugs {
        seed: p.seed,
        num_jugs: num_jugs as usize,
        difficulty,
    })
}

/// The puzzle `generate_puzzle` returns.
struct Puzzle {
    jug_capacities: Vec<u8>,
    target: u8,
    min_moves: u32,
}

/// What the searches of one item may still spend (see [`SEARCH_BUDGET`]).
struct Budget(u64);

impl Budget {
    fn spend(&mut self, values: usize) -> Result<()> {
        match self.0.checked_sub(values as u64) {
            Some(left) => {
                self.0 = left;
                Ok(())
            }
            None => Err(DatasetError::Generation(format!(
                "jugs: no puzzle found within rgym's search budget of {SEARCH_BUDGET} \
                 jug states (reasoning-gym would search for hours)"
            ))),
        }
    }
}

impl Jugs {
    /// `generate_puzzle`: random capacities and target until the fewest moves
    /// reach the difficulty.
    fn generate_puzzle(&self, rng: &mut Random, search: &mut Search) -> Result<Puzzle> {
        let difficulty = self.difficulty;
        let mut budget = Budget(SEARCH_BUDGET);
        for _ in 0..MAX_ATTEMPTS {
            let mut caps = Vec::with_capacity(self.num_jugs);
            for _ in 0..self.num_jugs {
                caps.push(rng.randint(3, 3 + difficulty)? as u8);
            }
            let max_cap = caps.iter().copied().max().unwrap_or(0);
            let gcd_all = caps.iter().fold(0u8, |g, &c| gcd(g, c));
            // The multiples of the gcd up to the largest jug: never empty.
            let target = gcd_all * (rng.randbelow(u64::from(max_cap / gcd_all)) as u8 + 1);
            let moves = search.min_moves_n(&caps, target, &mut budget)?;
            if let Some(moves) = moves.filter(|&m| i64::from(m) >= difficulty) {
                return Ok(Puzzle {
                    jug_capacities: caps,
                    target,
                    min_moves: moves,
                });
            }
        }
        Err(DatasetError::Generation(format!(
            "Could not generate a puzzle with difficulty at least {difficulty} using {} jugs.",
            self.num_jugs
        )))
    }
}

fn gcd(a: u8, b: u8) -> u8 {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// A state of the jugs: what each holds (capacities are at most 202).
trait JugState: Clone + Eq + Hash {
    fn zeros(n: usize) -> Self;
    fn get(&self, i: usize) -> u8;
    fn set(&mut self, i: usize, v: u8);
}

/// Up to eight jugs, a byte each.
impl JugState for u64 {
    fn zeros(_: usize) -> Self {
        0
    }
    fn get(&self, i: usize) -> u8 {
        (self >> (8 * i)) as u8
    }
    fn set(&mut self, i: usize, v: u8) {
        *self = (*self & !(0xff << (8 * i))) | u64::from(v) << (8 * i);
    }
}

/// Any number of jugs.
impl JugState for Vec<u8> {
    fn zeros(n: usize) -> Self {
        vec![0; n]
    }
    fn get(&self, i: usize) -> u8 {
        self[i]
    }
    fn set(&mut self, i: usize, v: u8) {
        self[i] = v;
    }
}

/// A multiply-rotate hash: the states are small integers or bytes, and the
/// searches hash millions of them (SipHash was most of their time).
#[derive(Default)]
struct StateHasher(u64);

impl Hasher for StateHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, x: u64) {
        self.0 = (self.0 ^ x)
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
            .rotate_left(29);
    }
    fn write_usize(&mut self, x: usize) {
        self.write_u64(x as u64);
    }
}

/// The states a search has seen, kept as a bit per state where the state
/// space is small, else hashed.
enum Seen<S> {
    /// Mixed-radix index of a state (jug `i` weighs `strides[i]`).
    Dense {
        bits: Vec<u64>,
        strides: Vec<usize>,
    },
    Hashed(HashSet<S, BuildHasherDefault<StateHasher>>),
}

/// Largest state space kept as bits: 2 MiB.
const DENSE_STATES: usize = 1 << 24;

impl<S: JugState> Seen<S> {
    fn new(caps: &[u8], reuse: &mut Vec<u64>) -> Seen<S> {
        let mut strides = Vec::with_capacity(caps.len());
        let mut size: usize = 1;
        for &c in caps {
            strides.push(size);
            match size.checked_mul(usize::from(c) + 1) {
                Some(s) if s <= DENSE_STATES => size = s,
                _ => return Seen::Hashed(HashSet::default()),
            }
        }
        // The bits come back clear from the last search (see `forget`).
        let mut bits = std::mem::take(reuse);
        bits.resize(size.div_ceil(64).max(bits.len()), 0);
        Seen::Dense { bits, strides }
    }

    fn index(strides: &[usize], state: &S) -> usize {
        strides
            .iter()
            .enumerate()
            .map(|(i, &s)| usize::from(state.get(i)) * s)
            .sum()
    }

    /// Marks `state` seen; false if it was already.
    fn insert(&mut self, state: &S) -> bool {
        match self {
            Seen::Dense { bits, strides } => {
                let i = Seen::index(strides, state);
                let (word, bit) = (i / 64, 1u64 << (i % 64));
                let fresh = bits[word] & bit == 0;
                bits[word] |= bit;
                fresh
            }
            Seen::Hashed(set) => set.insert(state.clone()),
        }
    }

    /// Clears the bits of `states` (all that were set) and hands the bits
    /// back for the next search.
    fn forget<'a>(self, states: impl Iterator<Item = &'a S>, reuse: &mut Vec<u64>)
    where
        S: 'a,
    {
        if let Seen::Dense { mut bits, strides } = self {
            for state in states {
                bits[Seen::index(&strides, state) / 64] = 0;
            }
            *reuse = bits;
        }
    }
}

/// Buffers the breadth-first searches of one item reuse.
#[derive(Default)]
struct Search {
    bits: Vec<u64>,
}

impl Search {
    /// `min_moves_n`: the fewest moves after which some jug holds `target`,
    /// `None` if none does.
    fn min_moves_n(&mut self, caps: &[u8], target: u8, budget: &mut Budget) -> Result<Option<u32>> {
        if caps.len() <= 8 {
            self.min_moves::<u64>(caps, target, budget)
        } else {
            self.min_moves::<Vec<u8>>(caps, target, budget)
        }
    }

    /// Breadth first, level by level: the first state found with the target
    /// is at the least depth, whatever the order the moves are tried in.
    fn min_moves<S: JugState>(
        &mut self,
        caps: &[u8],
        target: u8,
        budget: &mut Budget,
    ) -> Result<Option<u32>> {
        let n = caps.len();
        let mut seen = Seen::<S>::new(caps, &mut self.bits);
        let mut states = vec![S::zeros(n)];
        seen.insert(&states[0]);
        let holds_target = |s: &S| (0..n).any(|i| s.get(i) == target);
        let (mut level_start, mut depth) = (0, 0u32);
        let mut found = None;
        'search: while level_start < states.len() {
            let level_end = states.len();
            depth += 1;
            budget::check();
            for at in level_start..level_end {
                // Each state tries 2n fills and empties and n(n - 1) pours
                // of n jugs.
                budget.spend(n.saturating_mul(n + 1).saturating_mul(n))?;
                let state = states[at].clone();
                let mut try_state = |next: S, states: &mut Vec<S>| {
                    if !seen.insert(&next) {
                        return false;
                    }
                    let hit = holds_target(&next);
                    states.push(next);
                    hit
                };
                for (i, &cap) in caps.iter().enumerate() {
                    let mut next = state.clone();
                    next.set(i, cap);
                    if try_state(next, &mut states) {
                        found = Some(depth);
                        break 'search;
                    }
                }
                for i in 0..n {
                    let mut next = state.clone();
                    next.set(i, 0);
                    if try_state(next, &mut states) {
                        found = Some(depth);
                        break 'search;
                    }
                }
                for i in 0..n {
                    for (j, &cap_j) in caps.iter().enumerate() {
                        let (si, sj) = (state.get(i), state.get(j));
                        if i == j || si == 0 || sj == cap_j {
                            continue;
                        }
                        let amount = si.min(cap_j - sj);
                        let mut next = state.clone();
                        next.set(i, si - amount);
                        next.set(j, sj + amount);
                        if try_state(next, &mut states) {
                            found = Some(depth);
                            break 'search;
                        }
                    }
                }
            }
            level_start = level_end;
        }
        seen.forget(states.iter(), &mut self.bits);
        Ok(found)
    }
}

/// A move of `generate_jug_solution`, on the first three jugs.
#[derive(Clone, Copy)]
enum Move {
    Fill(u8),
    Empty(u8),
    Pour(u8, u8),
}

impl Move {
    fn label(self) -> String {
        let jug = |i: u8| char::from(b'A' + i);
        match self {
            Move::Fill(i) => format!("fill {}", jug(i)),
            Move::Empty(i) => format!("empty {}", jug(i)),
            Move::Pour(i, j) => format!("pour {}->{}", jug(i), jug(j)),
        }
    }
}

/// `generate_jug_solution`: breadth first over the first three jugs only
/// (the reference's solver knows three), trying for each jug in turn fill,
/// empty, then pour into each other jug. The reference queues every move
/// and skips states already expanded when it takes them out; the first
/// queued state holding the target is the first found here, where a state
/// is queued once, when first reached, with the path that reached it.
/// `["No solution"]` if the target cannot be reached with those three.
fn generate_jug_solution(caps: &[u8], target: u8) -> Vec<String> {
    let c = [caps[0], caps[1], caps[2]];
    let side = |i: usize| usize::from(c[i]) + 1;
    let index = |s: [u8; 3]| {
        usize::from(s[0]) + side(0) * (usize::from(s[1]) + side(1) * usize::from(s[2]))
    };
    let mut seen = vec![false; side(0) * side(1) * side(2)];
    // Each state found, with the state it came from and the move.
    let mut nodes: Vec<([u8; 3], u32, Move)> = vec![([0; 3], 0, Move::Fill(0))];
    seen[0] = true;
    let mut at = 0;
    while at < nodes.len() {
        budget::check();
        let state = nodes[at].0;
        for i in 0..3u8 {
            let (j, k) = match i {
                0 => (1, 2),
                1 => (0, 2),
                _ => (0, 1),
            };
            for mv in [
                Move::Fill(i),
                Move::Empty(i),
                Move::Pour(i, j),
                Move::Pour(i, k),
            ] {
                let mut next = state;
                match mv {
                    Move::Fill(i) => next[usize::from(i)] = c[usize::from(i)],
                    Move::Empty(i) => next[usize::from(i)] = 0,
                    Move::Pour(i, j) => {
                        let (i, j) = (usize::from(i), usize::from(j));
                        let amount = state[i].min(c[j] - state[j]);
                        next[i] -= amount;
                        next[j] += amount;
                    }
                }
                let k = index(next);
                if seen[k] {
                    continue;
                }
                seen[k] = true;
                nodes.push((next, at as u32, mv));
                if next.contains(&target) {
                    let mut path = Vec::new();
                    let mut node = nodes.len() - 1;
                    while node != 0 {
                        path.push(nodes[node].2.label());
                        node = nodes[node].1 as usize;
                    }
                    path.reverse();
                    return path;
                }
            }
        }
        at += 1;
    }
    vec!["No solution".to_string()]
}

impl Dataset for Jugs {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let puzzle = self.generate_puzzle(&mut rng, &mut Search::default())?;
        let solution = generate_jug_solution(&puzzle.jug_capacities, puzzle.target);

        let cap_str = puzzle
            .jug_capacities
            .iter()
            .enumerate()
            .map(|(i, cap)| format!("{}:{cap}", jug_label(i)))
            .collect::<Vec<_>>()
            .join(", ");
        let question = format!(
            "You are a police officer. A maniac has planted a bomb next to a public fountain.

To defuse the bomb, you must solve a puzzle. The puzzle is solved when you fill any of the available jugs with the target amount of water.

You have three move types: 'fill', 'empty' and 'pour'.

To fill Jug A, you 'fill A'.
To empty Jug B, you 'empty B'.
To pour the contents of Jug A into Jug B, you 'pour A->B'.
All jugs are empty to begin with.

The empty jugs hold this many litres of water: {cap_str}
And your target is: {} litres.

How do you defuse the bomb?

Reply as a JSON-parsable list of moves which result in any of the jugs being filled with the target amount.
",
            puzzle.target
        );
        // `json.dumps` of a list of ASCII strings without quotes or backslashes.
        let answer = format!("[\"{}\"]", solution.join("\", \""));
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "puzzle" => json!({
                    "jug_capacities": puzzle.jug_capacities,
                    "target": puzzle.target,
                    "min_moves": puzzle.min_moves,
                }),
                "difficulty" => json!({
                    "num_jugs": self.num_jugs,
                    "difficulty": self.difficulty,
                }),
            },
        })
    }

    /// 1.0 for a JSON list of moves after which some jug holds the target,
    /// 0.01 for moves that are all valid but leave no jug at the target,
    /// 0.0 for anything `verify_solution` raises on.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        // The reference reads the answer first, then the entry: either
        // failing scores 0.0, so the order does not show.
        let puzzle = item.metadata.get("puzzle");
        let caps: Option<Vec<i64>> = puzzle
            .and_then(|p| p.get("jug_capacities"))
            .and_then(Value::as_array)
            .and_then(|a| a.iter().map(Value::as_i64).collect());
        let target = puzzle.and_then(|p| p.get("target")).and_then(Value::as_i64);
        let (Some(caps), Some(target)) = (caps, target) else {
            return 0.0;
        };
        // A plain list of strings is replayed in place; anything else is
        // read the full way.
        let verdict = match json_loads_plain_str_list(answer) {
            Some(moves) => replay(&caps, target, moves.into_iter().map(Some)),
            None => match json_loads(answer) {
                Ok(parsed) => verify_solution(&caps, target, &parsed),
                Err(_) => None,
            },
        };
        match verdict {
            Some(true) => 1.0,
            Some(false) => 0.01,
            None => 0.0,
        }
    }
}

/// `chr(ord("A") + i)`: past `Z` come `[`, `\` and on through Unicode
/// (`num_jugs` is bounded well below the surrogates).
fn jug_label(i: usize) -> char {
    char::from_u32(65 + i as u32).unwrap_or('\u{fffd}')
}

/// `verify_solution`: whether some jug holds the target after the moves, or
/// `None` where the reference raises (a move it cannot read, a jug that does
/// not exist, moves that are not strings).
fn verify_solution(caps: &[i64], target: i64, moves: &PyValue) -> Option<bool> {
    // `for move in moves` over whatever `json.loads` gave: a list's items, a
    // dict's keys, a string's characters; anything else is not iterable.
    fn as_str(v: &PyValue) -> Option<&str> {
        match v {
            PyValue::Str(mv) => Some(mv),
            _ => None,
        }
    }
    match moves {
        PyValue::List(items) => replay(caps, target, items.iter().map(as_str)),
        PyValue::Dict(pairs) => replay(caps, target, pairs.iter().map(|(key, _)| as_str(key))),
        PyValue::Str(s) => replay(
            caps,
            target,
            s.char_indices().map(|(i, c)| Some(&s[i..i + c.len_utf8()])),
        ),
        _ => None,
    }
}

/// The loop of `verify_solution` over its moves (`None` for one that is not a
/// string): whether some jug holds the target after them, `None` where the
/// reference raises.
fn replay<'a>(
    caps: &[i64],
    target: i64,
    moves: impl IntoIterator<Item = Option<&'a str>>,
) -> Option<bool> {
    let n = caps.len();
    let jug = |label: &str| -> Option<usize> {
        let mut chars = label.chars();
        let i = (chars.next()? as usize).checked_sub(65)?;
        (chars.next().is_none() && i < n).then_some(i)
    };
    let mut state = vec![0i64; n];
    for mv in moves {
        let mut tokens = py_split(mv?);
        match tokens.next()? {
            "fill" => {
                let i = jug(tokens.next()?)?;
                state[i] = caps[i];
            }
            "empty" => {
                let i = jug(tokens.next()?)?;
                state[i] = 0;
            }
            "pour" => {
                let mut parts = tokens.next()?.split("->");
                let (source, dest) = (parts.next()?, parts.next()?);
                if parts.next().is_some() {
                    return None;
                }
                let (i, j) = (jug(source)?, jug(dest)?);
                let amount = state[i].min(caps[j] - state[j]);
                state[i] -= amount;
                state[j] += amount;
            }
            _ => return None,
        }
    }
    Some(state.contains(&target))
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn answers_solve_their_puzzles() {
        let ds = dataset(&INFO, json!({"difficulty": 6}));
        for idx in 0..30 {
            let item = ds.get(idx).unwrap();
            let score = ds.score(Some(&item.answer), &item);
            // The solver sees the first three jugs only.
            assert!(
                score == 1.0 || item.answer == r#"["No solution"]"#,
                "{}",
                item.answer
            );
        }
    }

    #[test]
    fn scorer_corners() {
        let ds = dataset(&INFO, json!({"difficulty": 3}));
        let item = ds.get(0).unwrap();
        assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
        assert_eq!(ds.score(Some("[]"), &item), 0.01);
        assert_eq!(ds.score(Some("{}"), &item), 0.01);
        assert_eq!(ds.score(Some("\"\""), &item), 0.01);
        assert_eq!(ds.score(Some("\"fill A\""), &item), 0.0);
        assert!(ds.score(Some("[\"fill A please\"]"), &item) >= 0.01);
        assert_eq!(ds.score(Some("[\"fill Z\"]"), &item), 0.0);
        assert_eq!(ds.score(Some("[\"pour A->B->C\"]"), &item), 0.0);
        assert_eq!(ds.score(Some("[\"pour A->A\"]"), &item), 0.01);
        assert_eq!(ds.score(Some("[1]"), &item), 0.0);
        assert_eq!(ds.score(Some("5"), &item), 0.0);
        assert_eq!(ds.score(Some("not json"), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        // Moves as a dict's keys: a repeated key is one move.
        let item = ds.get(3).unwrap();
        let target = item.metadata["puzzle"]["target"].as_i64().unwrap();
        let caps = item.metadata["puzzle"]["jug_capacities"]
            .as_array()
            .unwrap()
            .clone();
        let a_fits = caps[0].as_i64() == Some(target);
        let want = if a_fits { 1.0 } else { 0.01 };
        assert_eq!(ds.score(Some(r#"{"fill A": 1, "fill A": 2}"#), &item), want);
        assert_eq!(ds.score(Some(r#"["fill A", "fill A"]"#), &item), want);
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            refused(&INFO, json!({"num_jugs": 2})),
            "num_jugs must be gt 2"
        );
        assert_eq!(
            refused(&INFO, json!({"difficulty": 0})),
            "difficulty must be gt 0"
        );
        assert_eq!(
            refused(&INFO, json!({"difficulty": 200})),
            "difficulty must be lt 200"
        );
        let msg = refused(&INFO, json!({"num_jugs": 1_000_000_000}));
        assert!(
            msg.starts_with("num_jugs * num_jugs must be at most"),
            "{msg}"
        );
    }

    #[test]
    fn hopeless_configs_give_up() {
        // One step of a search over 2000 jugs looks at 8 * 10^9 values.
        let ds = dataset(&INFO, json!({"num_jugs": 2000, "difficulty": 150}));
        assert!(ds.get(0).is_err());
    }
}
