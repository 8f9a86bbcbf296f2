//! `quantum_lock`: the shortest sequence of buttons taking a number from 0 to a
//! target, where each button's effect may depend on a red/green light.

use std::collections::{HashSet, VecDeque};

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed, Weight,
};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "quantum_lock",
    category: "graphs",
    description: "Generates QuantumLock tasks",
    config_class: "QuantumLockConfig",
    build,
};

/// `{"any": 4, "green": 2, "red": 1}`, in the dict's order.
const STATES: [&str; 3] = ["any", "green", "red"];
const STATE_WEIGHTS: [Weight; 3] = [Weight::Int(4), Weight::Int(2), Weight::Int(1)];

/// The reference regenerates a puzzle without a solution by calling itself,
/// so after about this many attempts Python raises `RecursionError` (the
/// interpreter's limit is 1000 frames, a few of which are the callers').
const MAX_ATTEMPTS: usize = 990;

/// No value reachable in at most 15 presses (adding or multiplying by at most
/// 3 each time) exceeds `3**15` in magnitude: a larger target has no solution.
const MAX_REACH: i64 = 14_348_907;

struct QuantumLock {
    seed: Seed,
    difficulty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = QuantumLock {
        seed: p.seed,
        difficulty: r.int("difficulty", 10),
    };
    let v = r.finish()?;
    v.ensure(d.difficulty > 0, "difficulty must be positive")?;
    v.ensure(p.size > 0, "size must be positive")?;
    v.done(d)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Subtract,
    Multiply,
}

impl Op {
    fn name(self) -> &'static str {
        match self {
            Op::Add => "add",
            Op::Subtract => "subtract",
            Op::Multiply => "multiply",
        }
    }

    fn title(self) -> &'static str {
        match self {
            Op::Add => "Add",
            Op::Subtract => "Subtract",
            Op::Multiply => "Multiply",
        }
    }
}

#[derive(Debug, Clone)]
struct Button {
    name: &'static str,
    op: Op,
    value: i64,
    active_state: &'static str,
}

impl Button {
    /// The reference's button dict, in its key order.
    fn to_json(&self) -> Value {
        json!({
            "name": self.name,
            "type": self.op.name(),
            "value": self.value,
            "active_state": self.active_state,
        })
    }
}

const NAMES: [&str; 3] = ["A", "B", "C"];

struct Puzzle {
    target: i64,
    buttons: Vec<Button>,
    solution: Vec<&'static str>,
}

/// `generate_quantum_puzzle`, its self-recursion unrolled into attempts.
fn generate_puzzle(rng: &mut Random, difficulty: i64) -> Result<Puzzle> {
    let small: &[i64] = &[1, 2];
    let large: &[i64] = &[2, 3];
    let add_values = if difficulty >= 5 { large } else { small };
    let mul_values: &[i64] = if difficulty >= 7 { &[2, 3] } else { &[2] };
    let operations: [(Op, &[i64]); 3] = [
        (Op::Add, add_values),
        (Op::Subtract, add_values),
        (Op::Multiply, mul_values),
    ];
    let base_target = 5.0 + (difficulty as f64).powf(1.5);
    let max_steps = 15.min(6 + (difficulty as f64 * 1.5) as i64);
    let recursion = || DatasetError::Generation("maximum recursion depth exceeded".into());
    if base_target > 2.0 * MAX_REACH as f64 {
        // Every target is out of reach: the reference recurses until it fails.
        return Err(recursion());
    }
    for _ in 0..MAX_ATTEMPTS {
        let mut buttons: Vec<Button> = Vec::with_capacity(3);
        while buttons.len() < 3 {
            let &(op, values) = rng.choice(&operations)?;
            let value = *rng.choice(values)?;
            let state = STATES[rng.choices_weighted_indices(&STATE_WEIGHTS, 1)?[0]];
            if buttons
                .iter()
                .any(|b| b.op == op && b.value == value && b.active_state == state)
            {
                continue;
            }
            buttons.push(Button {
                name: NAMES[buttons.len()],
                op,
                value,
                active_state: state,
            });
        }
        let variance = rng.randint(-((base_target * 0.2) as i64), (base_target * 0.3) as i64)?;
        let target = 8.max((base_target + variance as f64) as i64);
        if target <= MAX_REACH {
            if let Some(solution) = shortest_solution(&buttons, target, max_steps) {
                return Ok(Puzzle {
                    target,
                    buttons,
                    solution,
                });
            }
        }
    }
    Err(recursion())
}

/// The reference's breadth-first search, in its order: a state is marked
/// visited when popped, and the target is checked before the visited test.
/// Paths are kept as parent links into `nodes`.
fn shortest_solution(buttons: &[Button], target: i64, max_steps: i64) -> Option<Vec<&'static str>> {
    // (parent node, button index) per node; node 0 is the empty path.
    let mut nodes: Vec<(usize, usize)> = vec![(0, 0)];
    // (value, light is red, node, path length)
    let mut queue: VecDeque<(i64, bool, usize, i64)> = VecDeque::from([(0, true, 0, 0)]);
    let mut visited: HashSet<(i64, bool)> = HashSet::new();
    while let Some((val, red, node, len)) = queue.pop_front() {
        if val == target {
            let mut path = Vec::with_capacity(len as usize);
            let mut n = node;
            while n != 0 {
                let (parent, b) = nodes[n];
                path.push(buttons[b].name);
                n = parent;
            }
            path.reverse();
            return Some(path);
        }
        if len >= max_steps || !visited.insert((val, red)) {
            continue;
        }
        let state = if red { "red" } else { "green" };
        for (b, btn) in buttons.iter().enumerate() {
            if btn.active_state != state && btn.active_state != "any" {
                continue;
            }
            let new_val = match btn.op {
                Op::Add => val + btn.value,
                Op::Subtract => val - btn.value,
                Op::Multiply => val * btn.value,
            };
            nodes.push((node, b));
            queue.push_back((new_val, !red, nodes.len() - 1, len + 1));
        }
    }
    None
}

/// `[c.upper() for c in re.findall(r"[A-C]", seq.upper())]`: the only
/// characters whose `str.upper()` holds one of `A`-`C` are `a`-`c`, `A`-`C`
/// and U+1E9A (upper `"Aʾ"`).
fn normalize_seq(seq: &str) -> Vec<char> {
    seq.chars()
        .filter_map(|c| match c {
            'A'..='C' => Some(c),
            'a'..='c' => Some(c.to_ascii_uppercase()),
            '\u{1E9A}' => Some('A'),
            _ => None,
        })
        .collect()
}

/// `simulate_sequence`: the final value, or `None` when the metadata is not a
/// puzzle's or the value leaves `i128` (then, with presses of at most a few
/// units, it can never come back to the target).
fn simulate_sequence(metadata: &serde_json::Map<String, Value>, seq: &[char]) -> Option<i128> {
    let mut state = i128::from(metadata.get("initial_value")?.as_i64()?);
    let mut red = metadata.get("initial_state")?.as_str()? == "red";
    let mut buttons: Vec<(char, &str, i128, &str)> = Vec::new();
    for b in metadata.get("buttons")?.as_array()? {
        let name = b.get("name")?.as_str()?;
        let mut chars = name.chars();
        let (Some(c), None) = (chars.next(), chars.next()) else {
            continue;
        };
        let entry = (
            c,
            b.get("type")?.as_str()?,
            i128::from(b.get("value")?.as_i64()?),
            b.get("active_state")?.as_str()?,
        );
        // A later button of the same name replaces an earlier one, as in a dict.
        match buttons.iter_mut().find(|x| x.0 == c) {
            Some(slot) => *slot = entry,
            None => buttons.push(entry),
        }
    }
    for &ch in seq {
        let Some(&(_, kind, value, active)) = buttons.iter().find(|b| b.0 == ch) else {
            continue;
        };
        let color = if red { "red" } else { "green" };
        if active != color && active != "any" {
            continue;
        }
        state = match kind {
            "add" => state.checked_add(value)?,
            "subtract" => state.checked_sub(value)?,
            "multiply" => state.checked_mul(value)?,
            _ => state,
        };
        red = !red;
    }
    Some(state)
}

impl Dataset for QuantumLock {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let difficulty = rng.randint(1, self.difficulty)?;
        let puzzle = generate_puzzle(&mut rng, difficulty)?;
        // rng.choice(self._prompt_templates): one template, still a draw.
        rng.choice(&[()])?;
        let buttons = puzzle
            .buttons
            .iter()
            .map(|b| {
                format!(
                    "{}: {} {} (when {})",
                    b.name,
                    b.op.title(),
                    b.value,
                    b.active_state
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        Ok(Item {
            question: format!(
                "In front of you are some buttons, a light, and a number. The light will toggle between red and green whenever you press a button. Each button performs a mathematical operation to the number, but the operation may depend on the state of the light.\n\
                 You must press the shortest correct sequence of buttons to reach the target value. Your answer should be a sequence of buttons separated by '→', for example: A → B → C\n\n\
                 Start: 0 (red)\n\
                 Target: {target}\n\
                 Buttons:\n\
                 {buttons}",
                target = puzzle.target,
            ),
            answer: puzzle.solution.join(" → "),
            metadata: meta! {
                "solution_path" => &puzzle.solution,
                "target_value" => puzzle.target,
                "buttons" => puzzle.buttons.iter().map(Button::to_json).collect::<Vec<_>>(),
                "initial_state" => "red",
                "initial_value" => 0,
                "difficulty" => json!({ "difficulty": difficulty }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer else {
            return 0.0;
        };
        let user = normalize_seq(answer);
        let target = normalize_seq(&item.answer);
        if user == target {
            return 1.0;
        }
        let target_value = item.metadata.get("target_value").and_then(Value::as_i64);
        match (simulate_sequence(&item.metadata, &user), target_value) {
            (Some(v), Some(t)) if v == i128::from(t) => {
                if user.len() == target.len() {
                    1.0
                } else {
                    0.5
                }
            }
            _ => 0.0,
        }
    }
}
