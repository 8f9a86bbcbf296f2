//! `boxnet`: agents on a grid move coloured boxes to their targets; any plan
//! that gets boxes onto targets counts, so the scorer plays the plan
//! (`action_from_response`) and rewards the share of boxes matched.

use std::collections::HashMap;

use dataset_core::config::count;
use dataset_core::{
    item_rng, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use pycompat::{
    float_repr, json_loads, py_decimal_value, py_isdecimal, py_isspace, py_str_repr, PyValue,
};
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;
use serde_json::{Map, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "boxnet",
    category: "games",
    description: "Move coloured boxes to their targets with agents on a grid",
    config_class: "BoxnetConfig",
    build,
};

const BOXNET_PROMPT: &str = r#"
You are a central planner tasked with directing agents in a grid-like field to move colored boxes to their corresponding color-coded targets.
Each agent occupies a 1x1 square and can only interact with objects within its square. Agents can move a box to an adjacent square or
directly to a target square of the same color. A square may contain multiple boxes and targets. The squares are identified by their center
coordinates (e.g., square[0.5, 0.5]). Actions are formatted as: move(box_color, destination), where box_color is the color of the box and
destination is either a target of the same color or an adjacent square. Your objective is to create a sequence of action plans that instructs
each agent to match all boxes to their color-coded targets in the most efficient manner.

Please adhere to the following rules when specifying your action plan:
1. Single Action per Agent: Assign only one action to each agent at a time. However, the final answer shoule be a list of action plans for multiple steps.
2. Unique Agent Keys: Use unique keys for each agent in the JSON format action plan. The key should be the agent's coordinates in the format "Agent[x, y]".
3. Prioritize Matching Boxes to Targets: Always prioritize actions that will match a box to its target over moving a box to an adjacent square.
4. Sequential Action Planning: The whole returned answer should be a list of action plans for multiple steps, do not just return one step plan.
5. Clear Formatting: Ensure the action plan is clearly formatted in JSON, with each agent's action specified as a key-value pair.
6. Conflict Resolution: Ensure that no two agents are assigned actions that would interfere with each other.
7. Optimize Efficiency: Aim to minimize the number of moves required to match all boxes with their targets.

Here is the format for your action plan:
Please provide your final answer as a list of action dictionaries.
For example:
```json
[{"Agent[0.5, 0.5]":"move(box_blue, square[0.5, 1.5])", "Agent[1.5, 0.5]":"move(box_red, target_red)"}, {"Agent[0.5, 1.5]":"move(box_blue, target_blue)", "Agent[2.5, 0.5]":"move...}, {...}...]
```
Include an agent in the action plan only if it has a task to perform next.
"#;

struct Boxnet {
    seed: Seed,
    min_row_num: i64,
    max_row_num: i64,
    min_column_num: i64,
    max_column_num: i64,
    min_box_num: i64,
    max_box_num: i64,
    colour_list: Vec<String>,
    /// Per colour of `colour_list`, how its items print.
    colours: Vec<Colour>,
}

/// A colour's items, `box_<colour>` and `target_<colour>`, as the question
/// prints them: their names, their `repr`s, and the pieces of the `repr` of a
/// move of the box (`'move(box_red, square[0.5, 1.5])'`: the quote and the
/// escaped name; the text around the name has nothing to escape, so the
/// quote is the name's own).
struct Colour {
    names: [String; 2],
    reprs: [String; 2],
    quote: char,
    box_inner: String,
}

impl Colour {
    fn new(colour: &str) -> Colour {
        let names = [format!("box_{colour}"), format!("target_{colour}")];
        let reprs = [py_str_repr(&names[0]), py_str_repr(&names[1])];
        let mut chars = reprs[0].chars();
        let quote = chars.next().unwrap_or('\'');
        chars.next_back();
        Colour {
            box_inner: chars.as_str().to_string(),
            quote,
            names,
            reprs,
        }
    }
}

/// An item in a square: its colour's index and whether it is the box (else
/// the target).
type Thing = (usize, bool);

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Boxnet {
        seed: p.seed,
        min_row_num: r.int("min_row_num", 1),
        max_row_num: r.int("max_row_num", 4),
        min_column_num: r.int("min_column_num", 2),
        max_column_num: r.int("max_column_num", 4),
        min_box_num: r.int("min_box_num", 1),
        max_box_num: r.int("max_box_num", 1),
        colour_list: r.str_list("colour_list", &["red", "blue", "green"]),
        colours: Vec::new(),
    };
    let v = r.finish()?;
    v.ensure(p.size > 0, "size must be greater than 0")?;
    v.ensure(d.min_row_num > 0, "min_row_num must be greater than 0")?;
    v.ensure(d.max_row_num > 0, "max_row_num must be greater than 0")?;
    v.ensure(
        d.min_column_num > 0,
        "min_column_num must be greater than 0",
    )?;
    v.ensure(
        d.max_column_num > 0,
        "max_column_num must be greater than 0",
    )?;
    v.ensure(d.min_box_num > 0, "min_box_num must be greater than 0")?;
    v.ensure(d.max_box_num > 0, "max_box_num must be greater than 0")?;
    v.ensure(
        d.min_box_num <= d.max_box_num,
        "min_box_num must be less than or equal to max_box_num",
    )?;
    // The question describes every square, and every box (with its colour's
    // name) in a square and in each of its moves.
    v.ensure_item_size(
        count(d.max_row_num).saturating_mul(count(d.max_column_num)),
        "max_row_num * max_column_num",
    )?;
    let colour_chars = d.colour_list.iter().fold(0u128, |n, c| {
        n.saturating_add(c.chars().count() as u128 + 8)
    });
    v.ensure_item_size(
        count(d.max_box_num).saturating_mul(colour_chars),
        "max_box_num * len(colour_list)",
    )?;
    let colours = d.colour_list.iter().map(|c| Colour::new(c)).collect();
    v.done(Boxnet { colours, ..d })
}

/// `str(i + 0.5)`: a square's centre coordinate (rows and columns are far
/// below 2^52, where the sum is exact).
fn push_centre(out: &mut String, i: i64) {
    out.push_str(itoa::Buffer::new().format(i));
    out.push_str(".5");
}

impl Boxnet {
    /// `_generate_boxnet`: every square (row-major) with its items; per
    /// colour, its number of boxes, then each box's square and its target's.
    fn generate_boxnet(
        &self,
        rng: &mut Random,
        row_num: i64,
        column_num: i64,
    ) -> Result<Vec<Vec<Thing>>> {
        let squares = row_num * column_num;
        let mut pg: Vec<Vec<Thing>> = vec![Vec::new(); squares as usize];
        for colour in 0..self.colour_list.len() {
            let box_num = rng.randint(self.min_box_num, self.max_box_num)?;
            for _ in 0..box_num {
                let n_box = rng.randint(0, squares - 1)?;
                let n_target = rng.randint(0, squares - 1)?;
                pg[n_box as usize].push((colour, true));
                pg[n_target as usize].push((colour, false));
            }
        }
        Ok(pg)
    }

    fn name(&self, (colour, is_box): Thing) -> &str {
        &self.colours[colour].names[usize::from(!is_box)]
    }

    /// `state_update_func`: for each square, what its agent sees (its items'
    /// list) and may do (each box to each square around, as
    /// `surround_index_func` lists them, and onto a target of its colour in
    /// the square), each list as Python prints it.
    fn state_update(&self, out: &mut String, row_num: i64, column_num: i64, pg: &[Vec<Thing>]) {
        for i in 0..row_num {
            for j in 0..column_num {
                let items = &pg[(i * column_num + j) as usize];
                out.push_str("Agent[");
                push_centre(out, i);
                out.push_str(", ");
                push_centre(out, j);
                out.push_str("]: I am in square[");
                push_centre(out, i);
                out.push_str(", ");
                push_centre(out, j);
                out.push_str("], I can observe [");
                for (k, &(colour, is_box)) in items.iter().enumerate() {
                    if k > 0 {
                        out.push_str(", ");
                    }
                    out.push_str(&self.colours[colour].reprs[usize::from(!is_box)]);
                }
                out.push_str("], I can do [");
                let surround: Vec<(i64, i64)> = [(i - 1, j), (i + 1, j), (i, j - 1), (i, j + 1)]
                    .into_iter()
                    .filter(|&(a, b)| (0..row_num).contains(&a) && (0..column_num).contains(&b))
                    .collect();
                let mut first = true;
                let mut sep = |out: &mut String| {
                    if !std::mem::take(&mut first) {
                        out.push_str(", ");
                    }
                };
                for &(colour, _) in items.iter().filter(|&&(_, is_box)| is_box) {
                    let c = &self.colours[colour];
                    for &(a, b) in &surround {
                        sep(out);
                        out.push(c.quote);
                        out.push_str("move(");
                        out.push_str(&c.box_inner);
                        out.push_str(", square[");
                        push_centre(out, a);
                        out.push_str(", ");
                        push_centre(out, b);
                        out.push_str("])");
                        out.push(c.quote);
                    }
                    // `"target" + box[3:] in square_item_list`: that is a
                    // target of the same colour's name, which another colour
                    // with the same name also has.
                    let target = &c.names[1];
                    if items.iter().any(|&t| !t.1 && self.name(t) == target) {
                        sep(out);
                        let action = format!("move({}, {target})", c.names[0]);
                        out.push_str(&py_str_repr(&action));
                    }
                }
                out.push_str("]\n");
            }
        }
    }
}

impl Dataset for Boxnet {
    fn answer_is_none(&self) -> bool {
        true
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut item = Item::default();
        self.generate_into(idx, &mut item)?;
        Ok(item)
    }

    fn generate_into(&self, idx: u64, item: &mut Item) -> Result<()> {
        let mut rng = item_rng(&self.seed, idx);
        let row_num = rng.randint(self.min_row_num, self.max_row_num)?;
        let column_num = rng.randint(self.min_column_num, self.max_column_num)?;
        let pg = self.generate_boxnet(&mut rng, row_num, column_num)?;
        let question = &mut item.question;
        question.clear();
        question.reserve(BOXNET_PROMPT.len() + 200 * pg.len());
        question.push_str(BOXNET_PROMPT);
        question.push_str("\n\nThe current left boxes and agents are: ");
        self.state_update(question, row_num, column_num, &pg);
        question.push('\n');
        item.answer.clear();
        item.metadata.set_from_serialize(&Meta {
            row_num,
            column_num,
            initial_state: InitialState {
                boxnet: self,
                column_num,
                pg: &pg,
            },
            difficulty: Difficulty {
                row_num: [self.min_row_num, self.max_row_num],
                column_num: [self.min_column_num, self.max_column_num],
                box_num: [self.min_box_num, self.max_box_num],
            },
        });
        Ok(())
    }

    /// `score_answer`: the share of the boxes the plan matches with their
    /// targets, at least 0.05; 0.0 for no answer, text that is not JSON, or
    /// where the reference raises (a plan that is not a list of objects of
    /// strings, an agent key with fewer than two numbers, a move off the
    /// grid, a grid without boxes).
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        score_plan(answer, &item.metadata).unwrap_or(0.0)
    }
}

/// The item's own metadata, fields in the reference dict's order.
#[derive(Serialize)]
struct Meta<'a> {
    row_num: i64,
    column_num: i64,
    initial_state: InitialState<'a>,
    difficulty: Difficulty,
}

#[derive(Serialize)]
struct Difficulty {
    row_num: [i64; 2],
    column_num: [i64; 2],
    box_num: [i64; 2],
}

/// `pg_dict`: each square's key (`"0.5_1.5"`, row-major) with its items'
/// names, written straight from the squares.
struct InitialState<'a> {
    boxnet: &'a Boxnet,
    column_num: i64,
    pg: &'a [Vec<Thing>],
}

impl Serialize for InitialState<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.pg.len()))?;
        let mut key = String::new();
        for (n, items) in self.pg.iter().enumerate() {
            let n = n as i64;
            key.clear();
            push_centre(&mut key, n / self.column_num);
            key.push('_');
            push_centre(&mut key, n % self.column_num);
            let names = Names(self.boxnet, items);
            map.serialize_entry(&key, &names)?;
        }
        map.end()
    }
}

struct Names<'a>(&'a Boxnet, &'a [Thing]);

impl Serialize for Names<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_seq(self.1.iter().map(|&t| self.0.name(t)))
    }
}

fn score_plan(answer: Option<&str>, metadata: &Map<String, Value>) -> Option<f64> {
    let plan = json_loads(answer?).ok()?;
    let initial = read_state(metadata.get("initial_state")?)?;
    let after = action_from_response(&initial, &plan)?;
    let boxes = |state: &State| -> usize {
        let items = state.squares.iter().flat_map(|(_, items)| items);
        items.filter(|it| it.starts_with("box_")).count()
    };
    let initial_boxes = boxes(&initial);
    if initial_boxes == 0 {
        return None; // ZeroDivisionError
    }
    let lifted = (initial_boxes as f64 - boxes(&after) as f64) / initial_boxes as f64;
    Some(lifted.max(0.05))
}

/// A grid's squares (`"0.5_1.5"`) with their items, in the dict's order.
#[derive(Clone)]
struct State {
    squares: Vec<(String, Vec<String>)>,
    index: HashMap<String, usize>,
}

impl State {
    fn items(&mut self, square: &str) -> Option<&mut Vec<String>> {
        let &i = self.index.get(square)?;
        Some(&mut self.squares[i].1)
    }
}

/// The entry's `initial_state`; `None` for anything but lists of strings
/// (the reference raises on the first `startswith` of something else).
fn read_state(v: &Value) -> Option<State> {
    let mut state = State {
        squares: Vec::new(),
        index: HashMap::new(),
    };
    for (square, items) in v.as_object()? {
        let items: Option<Vec<String>> = items
            .as_array()?
            .iter()
            .map(|it| it.as_str().map(str::to_string))
            .collect();
        state.index.insert(square.clone(), state.squares.len());
        state.squares.push((square.clone(), items?));
    }
    Some(state)
}

/// Where a move sends its item: a square's coordinates (a location that
/// mentions "square") or a name (`target_red`).
enum Location<'a> {
    Square(Vec<f64>),
    Name(&'a str),
}

/// `action_from_response`: each step's moves, read from its object (later
/// keys with the same coordinates replace earlier ones in place), then
/// applied in order to a copy of the grid. `None` where the reference
/// raises.
fn action_from_response(initial: &State, plan: &PyValue) -> Option<State> {
    let mut state = initial.clone();
    let steps: &[PyValue] = match plan {
        PyValue::List(steps) => steps,
        // Iterating a dict gives its keys and a string its characters, which
        // have no `.items()`: only an empty one gets through.
        PyValue::Dict(d) if d.is_empty() => &[],
        PyValue::Str(s) if s.is_empty() => &[],
        _ => return None,
    };
    for step in steps {
        let PyValue::Dict(step) = step else {
            return None;
        };
        // `transformed_dict`: a later key with the same coordinates replaces
        // the earlier one's move in place. Small steps (the usual one or a
        // few agents) are searched in place, large ones through a map keyed
        // by the coordinates' bits (no parsed number is negative or NaN, so
        // equal bits are equal floats).
        let mut moves: Vec<(Vec<f64>, &str, Location)> = Vec::new();
        let mut seen: HashMap<Vec<u64>, usize> = HashMap::new();
        for (key, value) in step {
            let (PyValue::Str(key), PyValue::Str(value)) = (key, value) else {
                return None;
            };
            let coordinates = find_numbers(key);
            let Some((item, location)) = match_move(value) else {
                continue;
            };
            let location = if location.contains("square") {
                Location::Square(find_numbers(location))
            } else {
                Location::Name(location)
            };
            let same = |c: &Vec<f64>| {
                c.len() == coordinates.len() && c.iter().zip(&coordinates).all(|(a, b)| a == b)
            };
            let earlier = if moves.len() < 16 {
                moves.iter().position(|(c, _, _)| same(c))
            } else {
                if seen.is_empty() {
                    for (i, (c, _, _)) in moves.iter().enumerate() {
                        seen.entry(c.iter().map(|x| x.to_bits()).collect())
                            .or_insert(i);
                    }
                }
                let bits = coordinates.iter().map(|x| x.to_bits()).collect();
                match seen.entry(bits) {
                    std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        e.insert(moves.len());
                        None
                    }
                }
            };
            match earlier {
                Some(i) => {
                    moves[i].1 = item;
                    moves[i].2 = location;
                }
                None => moves.push((coordinates, item, location)),
            }
        }
        for (key, item, location) in &moves {
            let (&k0, &k1) = (key.first()?, key.get(1)?);
            let current = square_name(k0, k1);
            let Some(items) = state.items(&current) else {
                continue; // an agent the grid does not have
            };
            let present = items.iter().any(|it| it == item);
            match location {
                Location::Name(target)
                    if present
                        && items.iter().any(|it| it == target)
                        && item.strip_prefix("box_").is_some_and(|colour| {
                            target.strip_prefix("target_") == Some(colour)
                        }) =>
                {
                    remove_first(items, item);
                    remove_first(items, target);
                }
                Location::Square(to) if present => {
                    // `abs(x - to[0]) == 0 and abs(y - to[1]) == 1 or
                    // abs(x - to[0]) == 1 and abs(y - to[1]) == 0`, where
                    // `to[1]` is only read (and raises when missing) once
                    // the first distance is 0 or 1.
                    let dx = (k0 - *to.first()?).abs();
                    if dx != 0.0 && dx != 1.0 {
                        continue;
                    }
                    let dy = (k1 - *to.get(1)?).abs();
                    if !(dx == 0.0 && dy == 1.0 || dx == 1.0 && dy == 0.0) {
                        continue;
                    }
                    let target = square_name(to[0], to[1]);
                    remove_first(items, item);
                    // A square off the grid: the reference's KeyError.
                    state.items(&target)?.push(item.to_string());
                }
                _ => {}
            }
        }
    }
    Some(state)
}

/// `f"{x}_{y}"`: a square's key from its coordinates, as Python prints floats.
fn square_name(x: f64, y: f64) -> String {
    format!("{}_{}", coordinate_repr(x), coordinate_repr(y))
}

/// `repr(x)`, the short way for the centres every grid uses: below 2^52 a
/// multiple of 0.5 prints as its integer part and ".0" or ".5".
fn coordinate_repr(x: f64) -> String {
    let twice = x * 2.0;
    if (0.0..4.0e15).contains(&twice) && twice.fract() == 0.0 {
        let half = twice as u64;
        format!("{}.{}", half / 2, if half % 2 == 1 { 5 } else { 0 })
    } else {
        float_repr(x)
    }
}

fn remove_first(items: &mut Vec<String>, item: &str) {
    if let Some(i) = items.iter().position(|it| it == item) {
        items.remove(i);
    }
}

/// `tuple(map(float, re.findall(r"\d+\.?\d*", text)))`: `\d` is any Unicode
/// decimal digit, which `float()` reads as its value.
fn find_numbers(text: &str) -> Vec<f64> {
    let digits = |t: &str| t.find(|c: char| !py_isdecimal(c)).unwrap_or(t.len());
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(py_isdecimal) {
        let s = &rest[start..];
        let mut end = digits(s);
        if s[end..].starts_with('.') {
            end += 1;
            end += digits(&s[end..]);
        }
        let number = &s[..end];
        let x = if number.is_ascii() {
            number.parse()
        } else {
            let ascii: String = number
                .chars()
                .map(|c| if c == '.' { c } else { ascii_digit(c) })
                .collect();
            ascii.parse()
        };
        // Digits and at most one point always make a number ("1." too); past
        // f64's range it is inf, as Python's float() gives.
        out.push(x.unwrap_or(f64::INFINITY));
        rest = &s[end..];
    }
    out
}

fn ascii_digit(c: char) -> char {
    char::from(b'0' + py_decimal_value(c).unwrap_or(0))
}

/// `re.match(r"move\((.*?),\s(.*?)\)", value)`: the item and the location,
/// each the shortest that fits. `.` is anything but a newline; `\s` is
/// Unicode whitespace (a newline included). Linear: each candidate comma
/// looks up the first `)` or newline after it, found by a pointer that only
/// moves forward.
fn match_move(value: &str) -> Option<(&str, &str)> {
    let rest = value.strip_prefix("move(")?;
    let bytes = rest.as_bytes();
    // The item cannot run past the first newline.
    let item_end = rest.find('\n').unwrap_or(rest.len());
    let mut stop = 0; // the first ')' or '\n' at or after the current start
    for (p, _) in rest[..item_end].match_indices(',') {
        let Some(space) = rest[p + 1..].chars().next().filter(|&c| py_isspace(c)) else {
            continue;
        };
        let start = p + 1 + space.len_utf8();
        stop = stop.max(start);
        while stop < bytes.len() && bytes[stop] != b')' && bytes[stop] != b'\n' {
            stop += 1;
        }
        if bytes.get(stop) == Some(&b')') {
            return Some((&rest[..p], &rest[start..stop]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};
    use serde_json::json;
    use std::time::Instant;

    #[test]
    fn moves_are_read_as_the_reference_regex_reads_them() {
        // (value, what `re.match(r"move\((.*?),\s(.*?)\)", value)` gives)
        let cases = [
            (
                "move(box_red, square[0.5, 1.5])",
                Some(("box_red", "square[0.5, 1.5]")),
            ),
            ("move(a,\nb)", Some(("a", "b"))),
            ("move(a, x,\nb)", Some(("a, x", "b"))),
            ("move(a, x\n, b)", None),
            ("move(a,b, c)", Some(("a,b", "c"))),
            ("move(a, b", None),
            ("move(a, b\n)", None),
            ("move(a\n, b)", None),
            ("move(a,\u{3000}b) tail)", Some(("a", "b"))),
            ("move(a, )", Some(("a", ""))),
            ("move(, b)", Some(("", "b"))),
            ("xmove(a, b)", None),
            ("move(a, b, c)", Some(("a", "b, c"))),
        ];
        for (value, want) in cases {
            assert_eq!(match_move(value), want, "{value:?}");
        }
        assert_eq!(find_numbers("Agent[0.5, 1.5]"), [0.5, 1.5]);
        assert_eq!(find_numbers("Agent[١.٥, 2.]"), [1.5, 2.0]);
        assert_eq!(find_numbers("a1.2.3b"), [1.2, 3.0]);
        assert_eq!(find_numbers(&"99".repeat(200)), [f64::INFINITY]);
        assert_eq!(find_numbers("x.5"), [5.0]);
        assert_eq!(find_numbers("7. 08.50"), [7.0, 8.5]);
        for x in [
            0.0,
            0.5,
            3.0,
            7.5,
            1e15 + 0.5,
            2e15,
            1e16,
            3.25,
            1e300,
            f64::INFINITY,
        ] {
            assert_eq!(coordinate_repr(x), float_repr(x), "{x}");
        }
    }

    #[test]
    fn plans_are_played_out() {
        let ds = dataset(
            &INFO,
            json!({"min_row_num": 1, "max_row_num": 1, "min_column_num": 2, "max_column_num": 2,
                   "colour_list": ["red"]}),
        );
        let mut item = ds.get(0).unwrap();
        // One box at the left, its target at the right.
        item.metadata.insert(
            "initial_state".into(),
            json!({"0.5_0.5": ["box_red"], "0.5_1.5": ["target_red"]}),
        );
        let score = |a: &str| ds.score(Some(a), &item);
        let carry = r#"{"Agent[0.5, 0.5]": "move(box_red, square[0.5, 1.5])"}"#;
        let drop = r#"{"Agent[0.5, 1.5]": "move(box_red, target_red)"}"#;
        assert_eq!(score(&format!("[{carry}, {drop}]")), 1.0);
        // Both in one step: the second acts on the grid the first left.
        assert_eq!(
            score(&format!("[{}, {}]", &carry[..carry.len() - 1], &drop[1..])),
            1.0
        );
        assert_eq!(score(&format!("[{carry}]")), 0.05);
        assert_eq!(score("[]"), 0.05);
        assert_eq!(score("{}"), 0.05);
        assert_eq!(score(r#""""#), 0.05);
        // Where the reference raises: not a list of objects of strings, a key
        // without two numbers, a move off the grid.
        for bad in [
            "5",
            "null",
            r#""x""#,
            r#"{"a": "b"}"#,
            "[[]]",
            r#"[{"a": 1}]"#,
            r#"[{"Agent[0.5]": "move(box_red, target_red)"}]"#,
            r#"[{"Agent[0.5, 0.5]": "move(box_red, square[1.5, 0.5])"}]"#,
            r#"[{"Agent[0.5, 0.5]": "move(box_red, square[])"}]"#,
            r#"[{"Agent[0.5, 0.5]": "move(box_red, square[0.5])"}]"#,
            "not json",
            "",
        ] {
            assert_eq!(score(bad), 0.0, "{bad}");
        }
        assert_eq!(ds.score(None, &item), 0.0);
        // A lone coordinate one away in the first place and the second
        // never read is no move at all (the reference does not raise).
        assert_eq!(
            score(r#"[{"Agent[0.5, 0.5]": "move(box_red, square[3.5])"}]"#),
            0.05
        );
        // `\d+` has no sign: "-0.5" reads as 0.5, the agent's own square.
        assert_eq!(
            score(r#"[{"Agent[0.5, 0.5]": "move(box_red, square[-0.5, 0.5])"}]"#),
            0.05
        );
        // A grid without boxes: the reference divides by zero.
        item.metadata
            .insert("initial_state".into(), json!({"0.5_0.5": []}));
        assert_eq!(ds.score(Some("[]"), &item), 0.0);
    }

    #[test]
    fn hostile_plans_are_scored_fast() {
        let ds = dataset(&INFO, json!({"max_box_num": 9, "min_box_num": 9}));
        let item = ds.get(0).unwrap();
        let step = r#"{"Agent[0.5, 0.5]": "move(box_red, square[0.5, 1.5])", "Agent[0.5, 1.5]": "move(box_red, square[0.5, 0.5])"}"#;
        let answers = [
            format!("[{}]", vec![step; 10_000].join(",")),
            format!(
                r#"[{{"Agent[0.5, 0.5]": "move({})"}}]"#,
                ", ,".repeat(300_000)
            ),
            format!(r#"[{{"{}": "move(a, b)"}}]"#, "1.".repeat(500_000)),
            format!("[{}]", vec!["{}"; 300_000].join(",")),
            "[".repeat(1 << 20),
        ];
        let limit = if cfg!(debug_assertions) { 2000 } else { 100 };
        for a in &answers {
            // The best of three: other processes may have had the core.
            let ms = (0..3)
                .map(|_| {
                    let t = Instant::now();
                    ds.score(Some(a), &item);
                    t.elapsed().as_millis()
                })
                .min()
                .unwrap_or_default();
            assert!(ms < limit, "{ms} ms for {} bytes", a.len());
        }
    }

    #[test]
    fn config_is_validated_as_the_reference_does() {
        assert_eq!(
            refused(&INFO, json!({"min_row_num": 0})),
            "min_row_num must be greater than 0"
        );
        assert_eq!(
            refused(&INFO, json!({"min_box_num": 2})),
            "min_box_num must be less than or equal to max_box_num"
        );
        let msg = refused(
            &INFO,
            json!({"max_row_num": 1_000_000_000, "max_column_num": 1_000_000_000}),
        );
        assert!(
            msg.starts_with("max_row_num * max_column_num must be at most"),
            "{msg}"
        );
        // The reference does not check min <= max for rows: its items fail.
        let ds = dataset(&INFO, json!({"min_row_num": 5, "max_row_num": 2}));
        assert!(ds.get(0).is_err());
    }
}
