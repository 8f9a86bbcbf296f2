//! `circuit_logic`: evaluate a random boolean circuit drawn in box-drawing
//! characters, given an assignment of its inputs.
//!
//! The drawing is the reference's character matrix, filled by the same
//! `_matrix_put` calls in the same order (later calls overwrite earlier ones),
//! so positions are computed in `i64` exactly as Python computes them.

use std::fmt::Write;

use dataset_core::config::count;
use dataset_core::metadata::pairs_as_object;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use pycompat::py_strip;
use serde::Serialize;
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "circuit_logic",
    category: "logic",
    description: "Evaluate a random logic circuit drawn in ASCII for given inputs",
    config_class: "CircuitLogicConfig",
    build,
};

const VERT: char = '│';
const HORIZ: char = '─';
const RBRANCH: char = '├';
const LUP: char = '┘';
const LDOWN: char = '┐';
const RUP: char = '└';
const RDOWN: char = '┌';

/// An internal gate: (name, join symbol, drawing symbol).
type Op = (&'static str, char, char);

/// `self.internal_ops`.
const INTERNAL_OPS: [Op; 3] = [("AND", '&', '&'), ("NAND", '↑', '↑'), ("XOR", '⊕', '⊕')];

/// `self.final_gate_options`: (name, symbol).
const FINAL_GATE_OPTIONS: [(&str, char); 4] =
    [("OR", '+'), ("NOR", '↓'), ("XOR", '⊕'), ("AND", '&')];

struct CircuitLogic {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    min_inputs: i64,
    max_inputs: i64,
    neg_prob: f64,
    allow_reuse: bool,
    /// `difficulty` in the metadata, the same for every item.
    difficulty: Value,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_terms = r.int("min_terms", 3);
    let max_terms = r.int("max_terms", 5);
    let min_inputs = r.int("min_inputs", 2);
    let max_inputs = r.int("max_inputs", 4);
    let neg_prob = r.float("neg_prob", 0.3);
    let allow_reuse = r.bool("allow_reuse", true);
    let v = r.finish()?;
    v.ensure(
        1 <= min_inputs && min_inputs <= max_inputs,
        "Invalid input range",
    )?;
    v.ensure(
        1 <= min_terms && min_terms <= max_terms,
        "Invalid number of terms",
    )?;
    v.ensure(
        (0.0..=1.0).contains(&neg_prob),
        "neg_prob must be between 0 and 1",
    )?;
    v.ensure_item_size(
        drawing_cells(count(max_terms), count(max_inputs)),
        "max_terms * max_inputs",
    )?;
    v.done(CircuitLogic {
        seed: p.seed,
        min_terms,
        max_terms,
        min_inputs,
        max_inputs,
        neg_prob,
        allow_reuse,
        difficulty: json!({
            "terms": [min_terms, max_terms],
            "inputs": [min_inputs, max_inputs],
        }),
    })
}

/// An upper bound on the drawing's height × width for `terms` terms of at
/// most `inputs` literals each: the matrix is quadratic in the literal count.
fn drawing_cells(terms: u128, inputs: u128) -> u128 {
    let literals = terms.saturating_mul(inputs);
    // Letters in the longest input name (at most one input per literal).
    let (mut name_len, mut reach) = (1u128, 26u128);
    while reach < literals {
        name_len += 1;
        reach = reach.saturating_mul(26);
    }
    let height = literals.saturating_mul(2).saturating_add(terms);
    // Labels, input wires, gates, output; the expression: each literal with
    // its negation mark and operator, each term's parentheses and gate symbol.
    let width = [
        name_len + 21,
        literals.saturating_mul(2),
        terms.saturating_mul(4),
        literals.saturating_mul(name_len.saturating_add(2)),
    ]
    .into_iter()
    .fold(0u128, u128::saturating_add);
    height.saturating_mul(width)
}

/// `_get_excel_name`: 0 → A, 25 → Z, 26 → AA.
fn get_excel_name(index: usize) -> String {
    let mut letters = Vec::new();
    let mut index = index + 1;
    while index > 0 {
        letters.push(b'A' + ((index - 1) % 26) as u8);
        index = (index - 1) / 26;
    }
    letters.iter().rev().map(|&b| b as char).collect()
}

/// One literal of a term: `{"name", "ypos", "neg"}`, the name as the index
/// of the input in creation order (`Circuit::names`).
struct Literal {
    input: usize,
    ypos: i64,
    neg: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Direction {
    Right,
    Down,
}

/// The drawing matrix, `matrix[y][x]`.
struct Matrix {
    h: i64,
    w: i64,
    cells: Vec<char>,
}

impl Matrix {
    fn new(h: i64, w: i64) -> Result<Matrix> {
        let n = usize::try_from(h.max(0).saturating_mul(w.max(0)))
            .map_err(|_| DatasetError::Generation("drawing too large".into()))?;
        Ok(Matrix {
            h,
            w,
            cells: vec![' '; n],
        })
    }

    /// `_matrix_put`: writes `s` from (x, y) on, stopping at the edge.
    fn put(
        &mut self,
        mut x: i64,
        mut y: i64,
        s: impl IntoIterator<Item = char>,
        direction: Direction,
    ) -> Result<()> {
        if x >= self.w || y >= self.h {
            return Err(DatasetError::Generation(format!(
                "_matrix_put: point ({x}, {y}) out of bounds!"
            )));
        }
        for c in s {
            if x < 0 || x >= self.w || y < 0 || y >= self.h {
                break;
            }
            self.cells[(y * self.w + x) as usize] = c;
            match direction {
                Direction::Right => x += 1,
                Direction::Down => y += 1,
            }
        }
        Ok(())
    }

    /// `"\n".join("".join(row).rstrip() for row in matrix)`, appended to
    /// `out`: only spaces are whitespace among the characters drawn.
    fn render_into(&self, out: &mut String) {
        if self.w <= 0 {
            out.push_str(&vec![""; self.h.max(0) as usize].join("\n"));
            return;
        }
        out.reserve(self.cells.len() + self.h as usize);
        for (i, row) in self.cells.chunks(self.w as usize).enumerate() {
            if i > 0 {
                out.push('\n');
            }
            let end = row.iter().rposition(|&c| c != ' ').map_or(0, |p| p + 1);
            for &c in &row[..end] {
                out.push(c);
            }
        }
    }
}

/// `_repeat(s, n)`: empty for n <= 0.
fn repeat(c: char, n: i64) -> impl Iterator<Item = char> {
    std::iter::repeat_n(c, n.max(0) as usize)
}

/// What `_generate_circuit` draws before it draws anything else: the gates and
/// the literals of every term.
struct Circuit {
    final_gate: (&'static str, char),
    /// Each term's internal op and its literals.
    terms: Vec<(Op, Vec<Literal>)>,
    /// The inputs' names in creation order (`_get_excel_name` of 0, 1, ...).
    names: Vec<String>,
    term_strings: Vec<String>,
}

impl CircuitLogic {
    /// The draws of `_generate_circuit` up to the expression strings.
    fn draw_terms(&self, rng: &mut Random, num_terms: i64) -> Result<Circuit> {
        let final_gate = *rng.choice(&FINAL_GATE_OPTIONS)?;
        let mut names: Vec<String> = Vec::new();
        let mut terms = Vec::new();
        let mut term_strings = Vec::new();
        let mut input_ypos = 0i64;
        for _ in 0..num_terms {
            let op = *rng.choice(&INTERNAL_OPS)?;
            let term_length = rng.randint(self.min_inputs, self.max_inputs)?;
            let mut literals = Vec::new();
            let mut term_string = String::new();
            for _ in 0..term_length {
                // get_random_input(): `rng.choice(distinct_inputs)` is
                // `randbelow(len)` over a list that is not empty here.
                let input = if self.allow_reuse && !names.is_empty() && rng.random() < 0.5 {
                    rng.randbelow(names.len() as u64) as usize
                } else {
                    names.push(get_excel_name(names.len()));
                    names.len() - 1
                };
                let neg = rng.random() < self.neg_prob;
                // The reference re-reads these from the joined term string;
                // names never hold the join symbols, so the split gives them back.
                if !literals.is_empty() {
                    term_string.push(op.1);
                }
                term_string.push_str(&names[input]);
                if neg {
                    term_string.push('\'');
                }
                literals.push(Literal {
                    input,
                    ypos: input_ypos,
                    neg,
                });
                input_ypos += 1;
            }
            input_ypos += 1;
            term_strings.push(term_string);
            terms.push((op, literals));
        }
        Ok(Circuit {
            final_gate,
            terms,
            names,
            term_strings,
        })
    }
}

/// The ASCII diagram of `_generate_circuit`, call for call, appended to `out`.
/// `inputs_list` is `sorted(set(names))`, as indices into `c.names`.
fn draw_diagram(
    c: &Circuit,
    inputs_list: &[usize],
    expression_len: i64,
    out: &mut String,
) -> Result<()> {
    let expr = &c.terms;
    let n_expr = expr.len() as i64;
    let n_inputs = inputs_list.len() as i64;
    let final_gate_sym = c.final_gate.1;
    let final_gate_width = 3;
    let total_term_inputs: i64 = expr.iter().map(|(_, t)| t.len() as i64).sum();
    let height = n_inputs + total_term_inputs + n_expr - 1;

    let max_input_len = c.names.iter().map(|s| s.len() as i64).max().unwrap_or(0);
    let input_width = max_input_len + 2;
    let mut width = input_width + n_inputs * 2;
    let not_and_start = width;
    width += 7 + n_expr + 1;
    let gate_start = width;
    width += final_gate_width + 4 + 4 + expression_len;

    let mut m = Matrix::new(height, width)?;
    let base_y = n_inputs;

    let x = width - 8 - expression_len;
    let y = base_y + (height - base_y).div_euclid(2);
    m.put(
        x,
        y,
        repeat(HORIZ, 4).chain(" OUT".chars()),
        Direction::Right,
    )?;

    let x = gate_start;
    let out_gate_center = base_y + (height - base_y).div_euclid(2) - n_expr / 2;
    if n_expr == 1 {
        m.put(
            x,
            out_gate_center,
            repeat(HORIZ, final_gate_width),
            Direction::Right,
        )?;
    } else {
        m.put(x, out_gate_center, repeat(HORIZ, n_expr), Direction::Down)?;
        m.put(
            x + 1,
            out_gate_center,
            repeat(VERT, n_expr),
            Direction::Down,
        )?;
        // The symbol is one character: `enumerate(final_gate_sym)` runs once.
        m.put(
            x + 2,
            out_gate_center,
            repeat(final_gate_sym, n_expr),
            Direction::Down,
        )?;
        m.put(
            x + 3,
            out_gate_center,
            repeat(final_gate_sym, n_expr),
            Direction::Down,
        )?;
    }

    // The internal gates: seven columns per term, each column one character
    // per literal.
    let x = not_and_start;
    let mut y = base_y;
    for (op, term_inputs) in expr {
        let many = term_inputs.len() > 1;
        let draw = op.2;
        let layer = |cell: fn(&Literal, bool, char) -> char| {
            term_inputs.iter().map(move |ti| cell(ti, many, draw))
        };
        m.put(x, y, layer(|_, _, _| HORIZ), Direction::Down)?;
        m.put(
            x + 1,
            y,
            layer(|ti, _, _| if ti.neg { '>' } else { HORIZ }),
            Direction::Down,
        )?;
        m.put(
            x + 2,
            y,
            layer(|ti, _, _| if ti.neg { 'o' } else { HORIZ }),
            Direction::Down,
        )?;
        m.put(x + 3, y, layer(|_, _, _| HORIZ), Direction::Down)?;
        m.put(
            x + 4,
            y,
            layer(|_, many, _| if many { VERT } else { HORIZ }),
            Direction::Down,
        )?;
        m.put(
            x + 5,
            y,
            layer(|_, many, d| if many { d } else { HORIZ }),
            Direction::Down,
        )?;
        m.put(
            x + 6,
            y,
            layer(|_, many, d| if many { d } else { HORIZ }),
            Direction::Down,
        )?;
        y += term_inputs.len() as i64 + 1;
    }

    // Input labels.
    for (y, &inp) in (0i64..).zip(inputs_list) {
        let name = &c.names[inp];
        let pad = input_width - (name.len() as i64 + 2);
        m.put(
            0,
            y,
            name.chars().chain(": ".chars()).chain(repeat(HORIZ, pad)),
            Direction::Right,
        )?;
    }

    // Each input's wire out to its own column.
    let x = input_width;
    for idx in 0..n_inputs {
        let length = n_inputs * 2 - 1 - idx * 2;
        m.put(
            x,
            idx,
            repeat(HORIZ, length).chain([LDOWN]),
            Direction::Right,
        )?;
    }

    // Where each input is read: the literals' rows grouped by input (a stable
    // sort keeps each group in row order, which is sorted).
    let mut reads: Vec<(usize, i64)> = expr
        .iter()
        .flat_map(|(_, t)| t.iter())
        .map(|l| (l.input, base_y + l.ypos))
        .collect();
    reads.sort_by_key(|&(input, _)| input);
    let mut starts = vec![0usize; c.names.len() + 1];
    for &(input, _) in &reads {
        starts[input + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }

    // Each column down to the literals that read it.
    let mut offset = n_inputs * 2 - 1;
    for (num, &inp) in (0i64..).zip(inputs_list) {
        let y_breaks = &reads[starts[inp]..starts[inp + 1]];
        for &(_, yb) in y_breaks {
            m.put(
                x + offset,
                yb,
                repeat(HORIZ, n_inputs * 2 - offset),
                Direction::Right,
            )?;
        }
        let y_start = num + 1;
        let max_break = y_breaks.last().map_or(y_start, |&(_, yb)| yb);
        let len = max_break - y_start + 1;
        if len <= 0 {
            return Err(DatasetError::Generation(
                "list assignment index out of range".into(),
            ));
        }
        // `branch[yb - y_start] = RBRANCH` for each break, then the last cell `RUP`.
        let mut breaks = y_breaks.iter().map(|&(_, yb)| yb - y_start).peekable();
        let branch = (0..len).map(|pos| {
            while breaks.next_if(|&b| b < pos).is_some() {}
            if pos == len - 1 {
                RUP
            } else if breaks.peek() == Some(&pos) {
                RBRANCH
            } else {
                VERT
            }
        });
        m.put(x + offset, y_start, branch, Direction::Down)?;
        offset -= 2;
    }

    // Each term's output to the final gate.
    let x = not_and_start + 7;
    let mut breakx = n_expr / 2;
    for (out_y, (_, term_inputs)) in (out_gate_center..).zip(expr) {
        let (Some(first), Some(last)) = (term_inputs.first(), term_inputs.last()) else {
            return Err(DatasetError::Generation("list index out of range".into()));
        };
        let in_y = base_y + (first.ypos + last.ypos).div_euclid(2);
        let bx = breakx.abs();
        m.put(x, in_y, repeat(HORIZ, bx + 1), Direction::Right)?;
        m.put(
            x + bx + 1,
            out_y,
            repeat(HORIZ, n_expr - bx),
            Direction::Right,
        )?;
        if in_y < out_y {
            let branch = [LDOWN]
                .into_iter()
                .chain(repeat(VERT, out_y - in_y - 1))
                .chain([RUP]);
            m.put(x + bx + 1, in_y, branch, Direction::Down)?;
        } else if in_y > out_y {
            let branch = [RDOWN]
                .into_iter()
                .chain(repeat(VERT, in_y - out_y - 1))
                .chain([LUP]);
            m.put(x + bx + 1, out_y, branch, Direction::Down)?;
        }
        breakx -= 1;
    }

    m.render_into(out);
    Ok(())
}

/// The final gate applied to the term values.
fn final_result(gate: &str, term_values: &[u8]) -> u8 {
    match gate {
        "OR" => term_values.contains(&1) as u8,
        "NOR" => !term_values.contains(&1) as u8,
        "XOR" => (term_values.iter().map(|&v| v as u64).sum::<u64>() % 2) as u8,
        _ => term_values.iter().all(|&v| v == 1) as u8,
    }
}

/// The item's metadata, in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    source_dataset: &'static str,
    source_index: usize,
    expression: &'a str,
    #[serde(serialize_with = "pairs_as_object")]
    assignments: &'a [(&'a str, u8)],
    term_strings: &'a [String],
    final_gate: &'static str,
    inputs: &'a [&'a str],
    difficulty: &'a Value,
}

impl Dataset for CircuitLogic {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    /// `_generate_circuit`, written over a reused item.
    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let num_terms = rng.randint(self.min_terms, self.max_terms)?;
        let circuit = self.draw_terms(&mut rng, num_terms)?;
        let (final_gate_name, final_gate_sym) = circuit.final_gate;

        let mut expression_for_display = String::new();
        for (i, t) in circuit.term_strings.iter().enumerate() {
            if i > 0 {
                expression_for_display.push(final_gate_sym);
            }
            expression_for_display.push('(');
            expression_for_display.push_str(t);
            expression_for_display.push(')');
        }

        // `sorted(set(...))` of the names the terms use: every input made is
        // used, so all of them, ordered as strings ("AA" before "B").
        let mut inputs_list: Vec<usize> = (0..circuit.names.len()).collect();
        inputs_list.sort_unstable_by(|&a, &b| circuit.names[a].cmp(&circuit.names[b]));

        let question = &mut item.question;
        question.clear();
        question.push_str("Below is a randomly generated logic circuit.\n\n");
        let expression_len = expression_for_display.chars().count() as i64;
        draw_diagram(&circuit, &inputs_list, expression_len, question)?;

        // The input values, by creation index, drawn in sorted-name order.
        let mut values = vec![0u8; circuit.names.len()];
        for &inp in &inputs_list {
            values[inp] = *rng.choice(&[0u8, 1])?;
        }

        let term_values: Vec<u8> = circuit
            .terms
            .iter()
            .map(|(op, lits)| {
                let vals = lits.iter().map(|l| values[l.input] ^ l.neg as u8);
                match op.0 {
                    "AND" => vals.fold(1, |a, v| a & v),
                    "NAND" => 1 - vals.fold(1, |a, v| a & v),
                    _ => vals.fold(0, |a, v| a ^ v),
                }
            })
            .collect();
        let result = final_result(final_gate_name, &term_values);

        // Writing to a `String` cannot fail.
        question.push_str("\n\n\nLegend for gates:");
        for (op_name, _, draw_sym) in INTERNAL_OPS {
            let _ = write!(question, "\n{draw_sym}{draw_sym}: {op_name}");
        }
        if self.neg_prob > 0.0 {
            question.push_str("\n>o: Negate");
        }
        // `final_gate_sym not in self.internal_ops` compares a str with
        // tuples: always true, so the final gate always has its line.
        let _ = write!(
            question,
            "\n{final_gate_sym}{final_gate_sym}: {final_gate_name}"
        );
        question.push_str("\n\nGiven the following input assignments:\n");
        let names: Vec<&str> = inputs_list
            .iter()
            .map(|&i| circuit.names[i].as_str())
            .collect();
        for (&inp, name) in inputs_list.iter().zip(&names) {
            let _ = writeln!(question, "  {name} = {}", values[inp]);
        }
        question.push_str("\nWhat is the final output?");

        item.answer.clear();
        item.answer.push(char::from(b'0' + result));
        let assignments: Vec<(&str, u8)> = inputs_list
            .iter()
            .zip(&names)
            .map(|(&inp, &name)| (name, values[inp]))
            .collect();
        item.metadata.set_from_serialize(&Meta {
            source_dataset: INFO.name,
            // `_generate_circuit` has no `idx` parameter: the name is the
            // loop variable of its last `for idx, inp in
            // enumerate(inputs_list)`, so the reference writes the last
            // input's position here, not the item's index.
            source_index: inputs_list.len().saturating_sub(1),
            expression: &expression_for_display,
            assignments: &assignments,
            term_strings: &circuit.term_strings,
            final_gate: final_gate_name,
            inputs: &names,
            difficulty: &self.difficulty,
        });
        Ok(())
    }

    /// `source_index` is not the item's index (see `generate`).
    fn writes_source_keys(&self) -> bool {
        true
    }

    /// Exact, or `len(oracle) / len(answer)` when only surrounding whitespace differs.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        if answer == item.answer {
            1.0
        } else if py_strip(answer) == item.answer {
            item.answer.chars().count() as f64 / answer.chars().count() as f64
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};

    #[test]
    fn refuses_what_validate_refuses_in_its_order() {
        let r = |c| refused(&INFO, c);
        assert_eq!(r(json!({"min_inputs": 0})), "Invalid input range");
        assert_eq!(
            r(json!({"min_inputs": 5, "min_terms": 0})),
            "Invalid input range"
        );
        assert_eq!(r(json!({"min_terms": 6})), "Invalid number of terms");
        assert_eq!(
            r(json!({"neg_prob": 1.5})),
            "neg_prob must be between 0 and 1"
        );
        assert_eq!(
            r(json!({"neg_prob": -0.1})),
            "neg_prob must be between 0 and 1"
        );
        assert!(r(json!({"max_terms": 1_000_000_000})).contains("max_terms * max_inputs"));
        assert!(r(json!({"max_inputs": 1_000_000_000})).contains("max_terms * max_inputs"));
        // The curriculum's top level stays within the bound, reuse or not.
        accepted(
            &INFO,
            json!({"min_terms": 30, "max_terms": 30, "min_inputs": 10, "max_inputs": 10, "allow_reuse": false}),
        );
    }

    #[test]
    fn excel_names() {
        let names: Vec<String> = [0, 25, 26, 51, 52, 701, 702]
            .into_iter()
            .map(get_excel_name)
            .collect();
        assert_eq!(names, ["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
    }

    #[test]
    fn answer_is_the_circuit_evaluated_from_metadata() {
        let ds = dataset(&INFO, json!({"neg_prob": 0.5}));
        for idx in 0..50 {
            let item = ds.get(idx).unwrap();
            let m = &item.metadata;
            let assign = m["assignments"].as_object().unwrap();
            let gate = m["final_gate"].as_str().unwrap();
            let terms: Vec<u8> = m["term_strings"]
                .as_array()
                .unwrap()
                .iter()
                .map(|t| {
                    let t = t.as_str().unwrap();
                    let (sym, op) = ['&', '↑', '⊕']
                        .into_iter()
                        .zip(["AND", "NAND", "XOR"])
                        .find(|(s, _)| t.contains(*s))
                        .unwrap_or(('&', "AND"));
                    let vals: Vec<u8> = t
                        .split(sym)
                        .map(|lit| {
                            let name = lit.trim_end_matches('\'');
                            let v = assign[name].as_u64().unwrap() as u8;
                            if lit.ends_with('\'') {
                                1 - v
                            } else {
                                v
                            }
                        })
                        .collect();
                    match op {
                        "AND" => vals.iter().all(|&v| v == 1) as u8,
                        "NAND" => !vals.iter().all(|&v| v == 1) as u8,
                        _ => vals.iter().fold(0, |a, v| a ^ v),
                    }
                })
                .collect();
            let want = match gate {
                "OR" => terms.contains(&1) as u8,
                "NOR" => !terms.contains(&1) as u8,
                "XOR" => terms.iter().map(|&v| v as u32).sum::<u32>() as u8 % 2,
                _ => terms.iter().all(|&v| v == 1) as u8,
            };
            assert_eq!(item.answer, want.to_string(), "item {idx}");
            // Every input has its label line in the drawing.
            for name in assign.keys() {
                assert!(item.question.contains(&format!("\n{name}: ─")));
            }
        }
    }

    #[test]
    fn scorer_strips_like_python() {
        let ds = dataset(&INFO, json!({}));
        let item = ds.get(0).unwrap();
        let a = item.answer.clone();
        assert_eq!(ds.score(Some(&a), &item), 1.0);
        assert_eq!(ds.score(Some(&format!("  {a} \n")), &item), 1.0 / 5.0);
        // U+3000 is whitespace to Python's strip; U+200B is not.
        assert_eq!(ds.score(Some(&format!("\u{3000}{a}")), &item), 0.5);
        assert_eq!(ds.score(Some(&format!("\u{200b}{a}")), &item), 0.0);
        assert_eq!(ds.score(Some(&format!("The answer is {a}")), &item), 0.0);
        assert_eq!(ds.score(Some(""), &item), 0.0);
        assert_eq!(ds.score(None, &item), 0.0);
        let huge = format!("{}{a}", " ".repeat(1 << 20));
        assert_eq!(ds.score(Some(&huge), &item), 1.0 / ((1 << 20) + 1) as f64);
    }
}
