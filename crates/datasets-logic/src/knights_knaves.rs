//! `knights_knaves`: who on the island tells the truth, from what each
//! inhabitant says about the others.
//!
//! Two numpy generators per item (`np.random.default_rng`, each seeded by a
//! `Random.randint(0, 2**32)` of the item's stream): one samples statements
//! until they have exactly one solution (`KKProblemSampler`), the other picks
//! names, terms and sentence templates (`KKProblemFormatter`). The reference
//! finds the solutions by brute force over the 2^n assignments; here the
//! same brute force runs on truth tables, 64 assignments to a word.

use std::collections::HashSet;

use dataset_core::config::{count, MAX_ITEM_ELEMENTS};
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use nprandom::{Generator, NpError};
use serde_json::{json, Value};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "knights_knaves",
    category: "logic",
    description: "Tell the knights from the knaves by what each inhabitant says",
    config_class: "KnightsKnavesConfig",
    build,
};

const COMMON_NAMES: [&str; 51] = [
    "Emma",
    "Liam",
    "Olivia",
    "Noah",
    "Ava",
    "Ethan",
    "Sophia",
    "Mason",
    "Isabella",
    "William",
    "Mia",
    "James",
    "Charlotte",
    "Benjamin",
    "Amelia",
    "Lucas",
    "Harper",
    "Henry",
    "Evelyn",
    "Alexander",
    "Abigail",
    "Michael",
    "Emily",
    "Daniel",
    "Elizabeth",
    "Jacob",
    "Sofia",
    "Logan",
    "Avery",
    "Jackson",
    "Ella",
    "Sebastian",
    "Scarlett",
    "Jack",
    "Grace",
    "Aiden",
    "Chloe",
    "Owen",
    "Victoria",
    "Samuel",
    "Riley",
    "Matthew",
    "Aria",
    "Joseph",
    "Lily",
    "Luke",
    "Aurora",
    "David",
    "Zoey",
    "Oliver",
    "Penelope",
];

const KNIGHT_KNAVE_PAIRS: [[&str; 2]; 7] = [
    ["a knight", "a knave"],
    ["a pioneer", "a laggard"],
    ["a saint", "a sinner"],
    ["a hero", "a villain"],
    ["an angel", "a devil"],
    ["an altruist", "an egoist"],
    ["a sage", "a fool"],
];

/// `VALID_ROLES`: the second word of every term.
const VALID_ROLES: [&str; 14] = [
    "knight", "knave", "pioneer", "laggard", "saint", "sinner", "hero", "villain", "angel",
    "devil", "altruist", "egoist", "sage", "fool",
];

const TEMPLATES: [&str; 18] = [
    "{name} said that {content}.",
    "{name} told you that {content}.",
    "{name} said, \"{content}.\"",
    "{name} stated, \"{content}\".",
    "According to {name}, \"{content}\".",
    "In {name}'s words: \"{content}\".",
    "{name} remarked, \"{content}\".",
    "\"{content},\" {name} declared.",
    "{name} was heard saying, \"{content}\".",
    "{name} expressed that {content}.",
    "\"{content}\" - {name}.",
    "As {name} put it, \"{content}\".",
    "{name} asserted: \"{content}\".",
    "\"{content},\" {name} mentioned.",
    "{name} commented, \"{content}\".",
    "In a statement by {name}: \"{content}\".",
    "{name} noted, \"{content}\".",
    "\"{content},\" {name} claimed.",
];

/// `sample_valid_problems`' `max_retry`.
const MAX_RETRY: usize = 1000;

struct KnightsKnaves {
    seed: Seed,
    n_people: usize,
    depth_constraint: i64,
    width_constraint: i64,
    /// `distinct[d]`: how many different statements `_sample_statement` can
    /// return at depth constraint `d` (capped above any sub-statement count),
    /// for `d` in `1..depth_constraint`; index 0 unused.
    distinct: Vec<u128>,
    truth: TruthTables,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let n_people = r.int("n_people", 2);
    let depth_constraint = r.int("depth_constraint", 2);
    let width_constraint = r.int("width_constraint", 2);
    let v = r.finish()?;
    v.ensure(1 <= n_people, "Number of people must be at least 1")?;
    v.ensure(1 <= depth_constraint, "Depth constraint must be at least 1")?;
    v.ensure(1 <= width_constraint, "Width constraint must be at least 1")?;
    // One retry samples n statements and checks them under all 2^n
    // assignments; at this bound the 1000 retries of an item that never
    // finds a unique solution take well under a second.
    let assignments = match u32::try_from(n_people) {
        Ok(n) if n < 64 => 1u128 << n,
        _ => u128::MAX,
    };
    v.ensure_item_size(
        assignments
            .saturating_mul(count(n_people))
            .saturating_mul(statement_nodes(depth_constraint, width_constraint)),
        "2**n_people * n_people * width_constraint**(depth_constraint - 1)",
    )?;
    let n_people = n_people as usize;
    v.done(KnightsKnaves {
        seed: p.seed,
        n_people,
        depth_constraint,
        width_constraint,
        distinct: distinct_statements(n_people, depth_constraint, width_constraint),
        truth: TruthTables::new(n_people),
    })
}

/// The most nodes one statement can have: every level branches at most
/// `max(width, 2)` ways (`->` and `<=>` take two operands).
fn statement_nodes(depth: i64, width: i64) -> u128 {
    let branching = count(width).max(2);
    let (mut total, mut level) = (0u128, 1u128);
    for _ in 0..depth {
        total = total.saturating_add(level);
        level = level.saturating_mul(branching);
        if total > MAX_ITEM_ELEMENTS {
            break;
        }
    }
    total
}

/// How many different statements each depth constraint below `depth` can
/// produce, counted only up to a cap above every sub-statement count the
/// sampler can ask for (`width` for `and`/`or`, 2 for `->`/`<=>`).
/// `_sample_substatements` loops until it has that many *different* ones,
/// so asking for more than exist is the reference looping forever.
///
/// Depth 1 is the 2n - 1 primitive statements ("telling-truth" about anyone,
/// "lying" about anyone else). Deeper: the primitives, `not` of each of the
/// level below, and `and`/`or` of k distinct ordered ones and `->`/`<=>` of
/// two, as far as the level below has that many.
fn distinct_statements(n: usize, depth: i64, width: i64) -> Vec<u128> {
    let width = count(width);
    let cap = width.max(2) + 1;
    let primitives = (2 * n as u128).saturating_sub(1);
    let mut distinct = vec![0u128, primitives.min(cap)];
    for _ in 2..depth {
        let below = distinct[distinct.len() - 1];
        let mut total = primitives.saturating_add(below);
        // P(below, k): ordered k-tuples of different statements.
        let mut tuples = below;
        for k in 2..=width.max(2) {
            if k > below || total >= cap {
                break;
            }
            tuples = tuples.saturating_mul(below - (k - 1));
            let and_or = if k <= width { 2 } else { 0 };
            let implies_iff = if k == 2 { 2 } else { 0 };
            total = total.saturating_add(tuples.saturating_mul(and_or + implies_iff));
        }
        distinct.push(total.min(cap));
    }
    distinct.truncate(depth.max(1) as usize);
    distinct
}

/// A statement as the reference's nested tuples hold it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Statement {
    /// `("telling-truth", p)` when true, `("lying", p)` when false.
    Knight(bool, usize),
    Not(Box<Statement>),
    And(Vec<Statement>),
    Or(Vec<Statement>),
    Implies(Box<Statement>, Box<Statement>),
    Iff(Box<Statement>, Box<Statement>),
}

impl Statement {
    fn is_primitive(&self) -> bool {
        matches!(self, Statement::Knight(..))
    }

    /// The tuple as JSON: `["and", [...], [...]]`, `["lying", 1]`.
    fn to_json(&self) -> Value {
        let with = |op: &str, subs: &[&Statement]| {
            let mut v = vec![Value::from(op)];
            v.extend(subs.iter().map(|s| s.to_json()));
            Value::Array(v)
        };
        match self {
            Statement::Knight(true, p) => json!(["telling-truth", p]),
            Statement::Knight(false, p) => json!(["lying", p]),
            Statement::Not(s) => with("not", &[s]),
            Statement::And(subs) => with("and", &subs.iter().collect::<Vec<_>>()),
            Statement::Or(subs) => with("or", &subs.iter().collect::<Vec<_>>()),
            Statement::Implies(a, b) => with("->", &[a, b]),
            Statement::Iff(a, b) => with("<=>", &[a, b]),
        }
    }
}

fn np_error(e: NpError) -> DatasetError {
    DatasetError::Generation(e.to_string())
}

/// `KKProblemSampler`.
struct Sampler<'a> {
    rng: Generator,
    config: &'a KnightsKnaves,
}

impl Sampler<'_> {
    /// `sample`: one statement per person, in order.
    fn sample(&mut self) -> Result<Vec<Statement>> {
        (0..self.config.n_people)
            .map(|p| self.sample_statement(p, self.config.depth_constraint))
            .collect()
    }

    /// `sample_valid_problems(1)`: the first sample with exactly one
    /// solution, and that solution. (Its set of earlier problems is empty
    /// while the one problem is looked for.)
    fn sample_valid_problem(&mut self) -> Result<(Vec<Statement>, Vec<bool>)> {
        for _ in 0..MAX_RETRY {
            let statements = self.sample()?;
            if let Some(solution) = self.config.truth.unique_solution(&statements) {
                return Ok((statements, solution));
            }
        }
        // `problems[0]` of an empty list.
        Err(DatasetError::Generation("list index out of range".into()))
    }

    /// `_sample_statement`.
    fn sample_statement(&mut self, person: usize, depth: i64) -> Result<Statement> {
        let n = self.config.n_people as i128;
        let dice = self.rng.integers(0, 6).map_err(np_error)?;
        if depth == 1 || dice == 0 {
            loop {
                let telling_truth = self.rng.choice_index(2).map_err(np_error)? == 0;
                let other = self.rng.integers(0, n).map_err(np_error)? as usize;
                // prevent the contradiction "I am lying"
                if telling_truth || other != person {
                    return Ok(Statement::Knight(telling_truth, other));
                }
            }
        }
        Ok(match dice {
            1 => Statement::Not(Box::new(self.sample_statement(person, depth - 1)?)),
            2 | 3 => {
                let width = i128::from(self.config.width_constraint);
                let n_sub = self.rng.integers(2, width + 1).map_err(np_error)?;
                let subs = self.sample_substatements(person, depth, n_sub as usize)?;
                if dice == 2 {
                    Statement::And(subs)
                } else {
                    Statement::Or(subs)
                }
            }
            _ => {
                let subs = self.sample_substatements(person, depth, 2)?;
                let Ok([a, b]) = <[Statement; 2]>::try_from(subs) else {
                    return Err(DatasetError::Generation(
                        "expected two sub-statements".into(),
                    ));
                };
                if dice == 4 {
                    Statement::Implies(Box::new(a), Box::new(b))
                } else {
                    Statement::Iff(Box::new(a), Box::new(b))
                }
            }
        })
    }

    /// `_sample_substatements` (with `dedup`): `count` different statements
    /// one level down, redrawing repeats.
    fn sample_substatements(
        &mut self,
        person: usize,
        depth: i64,
        count: usize,
    ) -> Result<Vec<Statement>> {
        let below = depth - 1;
        let exist = self
            .config
            .distinct
            .get(below as usize)
            .copied()
            .unwrap_or(0);
        if count as u128 > exist {
            return Err(DatasetError::Generation(format!(
                "a statement at depth constraint {depth} needs {count} different sub-statements, \
                 but only {exist} exist with {} people (the reference redraws forever)",
                self.config.n_people
            )));
        }
        let mut subs: Vec<Statement> = Vec::with_capacity(count);
        let mut seen: HashSet<Statement> = HashSet::with_capacity(count);
        while subs.len() < count {
            let s = self.sample_statement(person, below)?;
            if seen.insert(s.clone()) {
                subs.push(s);
            }
        }
        Ok(subs)
    }
}

/// Truth tables over the 2^n assignments in `itertools.product([True,
/// False], repeat=n)` order: assignment `i` makes person `j` a knight when
/// bit `n - 1 - j` of `i` is 0. Bit `i % 64` of word `i / 64` is assignment `i`.
struct TruthTables {
    n: usize,
    /// `knight[j]`: the assignments in which person `j` is a knight.
    knight: Vec<Vec<u64>>,
    /// The bits of the last word that are assignments (fewer than 64 when n < 6).
    last_mask: u64,
}

impl TruthTables {
    fn new(n: usize) -> Self {
        let total = 1usize << n;
        let words = total.div_ceil(64);
        let knight = (0..n)
            .map(|j| {
                let shift = n - 1 - j;
                if shift < 6 {
                    // The same pattern in every word: runs of 2^shift ones and zeros.
                    let pattern = (0..64)
                        .filter(|b| (b >> shift) & 1 == 0)
                        .fold(0u64, |acc, b| acc | 1 << b);
                    vec![pattern; words]
                } else {
                    (0..words)
                        .map(|w| {
                            if ((w << 6) >> shift) & 1 == 0 {
                                u64::MAX
                            } else {
                                0
                            }
                        })
                        .collect()
                }
            })
            .collect();
        let last_mask = if total >= 64 {
            u64::MAX
        } else {
            (1u64 << total) - 1
        };
        TruthTables {
            n,
            knight,
            last_mask,
        }
    }

    /// `test_satisfiability` of `s`, under every assignment at once.
    fn eval(&self, s: &Statement) -> Vec<u64> {
        let fold = |subs: &[Statement], f: fn(u64, u64) -> u64| {
            let mut acc = self.eval(&subs[0]);
            for sub in &subs[1..] {
                for (a, b) in acc.iter_mut().zip(self.eval(sub)) {
                    *a = f(*a, b);
                }
            }
            acc
        };
        let pair = |a: &Statement, b: &Statement, f: fn(u64, u64) -> u64| {
            let mut acc = self.eval(a);
            for (x, y) in acc.iter_mut().zip(self.eval(b)) {
                *x = f(*x, y);
            }
            acc
        };
        match s {
            Statement::Knight(true, p) => self.knight[*p].clone(),
            Statement::Knight(false, p) => self.knight[*p].iter().map(|w| !w).collect(),
            Statement::Not(s) => self.eval(s).into_iter().map(|w| !w).collect(),
            Statement::And(subs) => fold(subs, |a, b| a & b),
            Statement::Or(subs) => fold(subs, |a, b| a | b),
            Statement::Implies(a, b) => pair(a, b, |x, y| !x | y),
            Statement::Iff(a, b) => pair(a, b, |x, y| !(x ^ y)),
        }
    }

    /// `find_solution`, when it finds exactly one solution: each person's
    /// statement is true exactly when that person is a knight.
    fn unique_solution(&self, statements: &[Statement]) -> Option<Vec<bool>> {
        let mut all = vec![u64::MAX; self.knight.first()?.len()];
        for (j, s) in statements.iter().enumerate() {
            for ((a, t), k) in all.iter_mut().zip(self.eval(s)).zip(&self.knight[j]) {
                *a &= !(t ^ k);
            }
        }
        if let Some(last) = all.last_mut() {
            *last &= self.last_mask;
        }
        let ones: u32 = all.iter().map(|w| w.count_ones()).sum();
        if ones != 1 {
            return None;
        }
        let (w, word) = all.iter().enumerate().find(|(_, w)| **w != 0)?;
        let i = w * 64 + word.trailing_zeros() as usize;
        Some(
            (0..self.n)
                .map(|j| (i >> (self.n - 1 - j)) & 1 == 0)
                .collect(),
        )
    }
}

/// The knight/knave words of one item (`format_problem`'s `knight_knave`).
struct Terms {
    knight: &'static str,
    knave: &'static str,
    a_knight: &'static str,
    a_knave: &'static str,
    knight_cap: String,
    knave_cap: String,
}

impl Terms {
    fn new(pair: &[&'static str; 2]) -> Self {
        let second = |s: &'static str| s.split(' ').nth(1).unwrap_or_default();
        let (knight, knave) = (second(pair[0]), second(pair[1]));
        Terms {
            knight,
            knave,
            a_knight: pair[0],
            a_knave: pair[1],
            knight_cap: capitalize(knight),
            knave_cap: capitalize(knave),
        }
    }

    fn to_json(&self) -> Value {
        json!({
            "knight": self.knight,
            "knave": self.knave,
            "a_knight": self.a_knight,
            "a_knave": self.a_knave,
            "Knight": self.knight_cap,
            "Knave": self.knave_cap,
        })
    }
}

/// `str.capitalize()` of an ASCII word.
fn capitalize(s: &str) -> String {
    let mut out = s.to_ascii_lowercase();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// `KKProblemFormatter`.
struct Formatter<'a> {
    names: Vec<&'static str>,
    terms: &'a Terms,
}

impl Formatter<'_> {
    /// `_format_statement` (its `depth` argument never changes the text).
    fn format_statement(&self, s: &Statement) -> String {
        let wrapped = |s: &Statement| {
            let text = self.format_statement(s);
            if s.is_primitive() {
                text
            } else {
                format!("({text})")
            }
        };
        match s {
            Statement::Knight(truth, p) => self.format_knight_knave(*truth, *p),
            Statement::Not(inner) => match **inner {
                // Negating a primitive: the complementary term.
                Statement::Knight(truth, p) => self.format_knight_knave(!truth, p),
                _ => format!("it is not the case that {}", wrapped(inner)),
            },
            Statement::And(subs) => subs.iter().map(wrapped).collect::<Vec<_>>().join(" and "),
            Statement::Or(subs) => subs.iter().map(wrapped).collect::<Vec<_>>().join(" or "),
            Statement::Implies(a, b) => format!("if {} then {}", wrapped(a), wrapped(b)),
            Statement::Iff(a, b) => format!("{} if and only if {}", wrapped(a), wrapped(b)),
        }
    }

    /// `_format_knight_knave` (never called with `negation`).
    fn format_knight_knave(&self, truth: bool, person: usize) -> String {
        let term = if truth {
            self.terms.a_knight
        } else {
            self.terms.a_knave
        };
        format!("{} is {term}", self.names[person])
    }
}

impl KnightsKnaves {
    /// `KKProblemFormatter.format_problem`: the question and the answer.
    fn format_problem(
        &self,
        rng: &mut Generator,
        statements: &[Statement],
        solution: &[bool],
    ) -> Result<(String, String, Vec<&'static str>, Terms)> {
        let n = statements.len();
        let names: Vec<&'static str> = rng
            .choice_without_replacement(COMMON_NAMES.len(), n)
            .map_err(np_error)?
            .into_iter()
            .map(|i| COMMON_NAMES[i])
            .collect();
        let terms = Terms::new(rng.choice(&KNIGHT_KNAVE_PAIRS).map_err(np_error)?);
        let t = &terms;
        let (init, last) = match names.split_last() {
            Some((last, init)) => (init, *last),
            None => return Err(DatasetError::Generation("list index out of range".into())),
        };

        let mut text = format!(
            "A very special island is inhabited only by {}s and {}s. \
             {}s always tell the truth, and {}s always lie. ",
            t.knight, t.knave, t.knight_cap, t.knave
        );
        text.push_str(&format!(
            "You meet {n} inhabitants: {}, and {last}.",
            init.join(", ")
        ));

        let f = Formatter {
            names: names.clone(),
            terms: t,
        };
        for (i, s) in statements.iter().enumerate() {
            let tmpl = rng.choice(&TEMPLATES).map_err(np_error)?;
            let content = f.format_statement(s);
            text.push(' ');
            text.push_str(
                &tmpl
                    .replace("{name}", names[i])
                    .replace("{content}", &content),
            );
        }
        text.push_str(&format!(
            " So who is {} and who is {}?",
            t.a_knight, t.a_knave
        ));
        let role = format!("{}/{}", t.knight, t.knave);
        let format = if names.len() > 1 {
            let head: Vec<String> = init.iter().map(|m| format!("{m} is a {role}")).collect();
            format!("{}, and {last} is a {role}", head.join(", "))
        } else {
            format!("{last} is a {role}")
        };
        text.push_str(&format!(" (Format your answer like: \"{format}\")"));

        let claims: Vec<String> = names
            .iter()
            .zip(solution)
            .map(|(name, &knight)| {
                let term = if knight { t.a_knight } else { t.a_knave };
                format!("{name} is {term}")
            })
            .collect();
        let (last_claim, other_claims) = claims
            .split_last()
            .ok_or_else(|| DatasetError::Generation("list index out of range".into()))?;
        let answer = format!("{}, and {last_claim}.", other_claims.join(", "));
        Ok((text, answer, names, terms))
    }
}

impl Dataset for KnightsKnaves {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let sampler_seed = rng.randint(0, 1 << 32)? as u64;
        let mut sampler = Sampler {
            rng: Generator::default_rng(sampler_seed),
            config: self,
        };
        let (statements, solution) = sampler.sample_valid_problem()?;
        let formatter_seed = rng.randint(0, 1 << 32)? as u64;
        let mut formatter = Generator::default_rng(formatter_seed);
        let (question, answer, names, terms) =
            self.format_problem(&mut formatter, &statements, &solution)?;
        Ok(Item {
            question,
            answer,
            metadata: meta! {
                "statements" => Value::Array(statements.iter().map(Statement::to_json).collect()),
                "solution" => solution,
                "names" => names,
                "knight_knave_terms" => terms.to_json(),
                "difficulty" => json!({
                    "n_people": self.n_people,
                    "depth_constraint": self.depth_constraint,
                    "width_constraint": self.width_constraint,
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let Some(answer) = answer.filter(|a| !a.is_empty()) else {
            return 0.0;
        };
        let oracle_text = normalize_text(&item.answer);
        let answer_text = normalize_text(answer);
        let oracle = normalize_answer(&oracle_text);
        let given = normalize_answer(&answer_text);
        if oracle == given {
            return 1.0;
        }
        if oracle.len() == given.len() {
            let matching = oracle.intersection(&given).count();
            if matching > 0 {
                return 0.3 + (0.7 * matching as f64 / oracle.len() as f64);
            }
        }
        0.0
    }
}

/// The text half of `_normalize_answer`: lowercased, stripped, the
/// punctuation `. , ) (` made spaces, then `" and "` made a space.
/// (`str.lower` is Rust's `to_lowercase`: the two differ only on code points
/// whose case Unicode defined after Python 3.11's Unicode 14, which no name
/// or role contains.)
fn normalize_text(answer: &str) -> String {
    let lowered = answer.to_lowercase();
    let spaced: String = pycompat::py_strip(&lowered)
        .chars()
        .map(|c| {
            if matches!(c, '.' | ',' | ')' | '(') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.replace(" and ", " ")
}

/// The pairing half of `_normalize_answer`: each role word pairs with the
/// last word before it that is not "is", "a", "an" or a role.
fn normalize_answer(text: &str) -> HashSet<(&str, &str)> {
    let mut assignments = HashSet::new();
    let mut current_name: Option<&str> = None;
    for part in pycompat::py_split(text) {
        if matches!(part, "is" | "a" | "an") {
            continue;
        }
        if VALID_ROLES.contains(&part) {
            if let Some(name) = current_name.take() {
                assignments.insert((name, part));
            }
        } else {
            current_name = Some(part);
        }
    }
    assignments
}

#[cfg(test)]
mod tests {
    use dataset_core::testing::{accepted, dataset, refused};

    use super::*;

    #[test]
    fn validate_messages_in_order() {
        assert_eq!(
            refused(&INFO, json!({"n_people": 0, "depth_constraint": 0})),
            "Number of people must be at least 1"
        );
        assert_eq!(
            refused(&INFO, json!({"depth_constraint": 0, "width_constraint": 0})),
            "Depth constraint must be at least 1"
        );
        assert_eq!(
            refused(&INFO, json!({"width_constraint": 0})),
            "Width constraint must be at least 1"
        );
    }

    #[test]
    fn brute_force_is_bounded() {
        for config in [
            json!({"n_people": 18, "depth_constraint": 1}),
            json!({"n_people": 17, "depth_constraint": 2}),
            json!({"n_people": 1_000_000_000}),
            json!({"depth_constraint": 1_000_000_000}),
            json!({"width_constraint": 1_000_000_000}),
            json!({"depth_constraint": 20, "width_constraint": 1}),
        ] {
            assert!(
                refused(&INFO, config.clone()).contains("n_people"),
                "{config}"
            );
        }
        accepted(&INFO, json!({"n_people": 17, "depth_constraint": 1}));
        accepted(&INFO, json!({"n_people": 16, "depth_constraint": 2}));
        accepted(
            &INFO,
            json!({"n_people": 5, "depth_constraint": 3, "width_constraint": 3}),
        );
    }

    #[test]
    fn distinct_statement_counts() {
        // Two people: 3 primitives; depth 2 adds 3 negations, and/or of 2 or
        // 3 distinct ordered primitives (2 * (6 + 6)) and ->/<=> of 2 (2 * 6),
        // capped at one more than the widest request.
        assert_eq!(distinct_statements(2, 3, 3), vec![0, 3, 4]);
        assert_eq!(distinct_statements(2, 3, 50), vec![0, 3, 42]);
        assert_eq!(distinct_statements(2, 3, 40), vec![0, 3, 41]);
        assert_eq!(distinct_statements(2, 1, 2), vec![0]);
        // One person: "telling-truth" about oneself only, and its negation.
        assert_eq!(distinct_statements(1, 4, 2), vec![0, 1, 2, 3]);
    }

    #[test]
    fn depth_one_never_has_a_unique_solution() {
        // "X is a knight/knave" about one person each: flipping everyone keeps
        // every statement's truth in step with its speaker, so solutions come
        // in pairs and every retry fails, as `problems[0]` does in the reference.
        for n in [1, 3] {
            let ds = dataset(&INFO, json!({"n_people": n, "depth_constraint": 1}));
            assert_eq!(
                ds.get(0).unwrap_err(),
                DatasetError::Generation("list index out of range".into())
            );
        }
    }

    #[test]
    fn impossible_sub_statement_counts_are_errors_not_hangs() {
        // One person, depth 2: any and/or/->/<=> needs two different primitives.
        let ds = dataset(&INFO, json!({"n_people": 1, "depth_constraint": 2}));
        for i in 0..5 {
            match ds.get(i) {
                Err(DatasetError::Generation(msg)) => assert!(msg.contains("redraws forever")),
                other => panic!("{other:?}"),
            }
        }
        // Width 1 with depth 2: numpy refuses integers(2, 2) at the first and/or.
        let ds = dataset(&INFO, json!({"width_constraint": 1}));
        let errors: Vec<_> = (0..20).filter_map(|i| ds.get(i).err()).collect();
        assert!(errors
            .iter()
            .all(|e| *e == DatasetError::Generation("low >= high".into())));
        assert!(!errors.is_empty());
    }

    #[test]
    fn solutions_satisfy_the_statements() {
        let ds = dataset(
            &INFO,
            json!({"n_people": 4, "depth_constraint": 3, "width_constraint": 3, "seed": 9}),
        );
        for i in 0..20 {
            let item = ds.get(i).unwrap();
            assert_eq!(ds.score(Some(&item.answer), &item), 1.0);
            let names = item.metadata["names"].as_array().unwrap();
            assert_eq!(names.len(), 4);
            let solution = item.metadata["solution"].as_array().unwrap();
            assert_eq!(solution.len(), 4);
        }
    }

    #[test]
    fn truth_tables_follow_product_order() {
        // product([True, False], repeat=2): TT, TF, FT, FF.
        let t = TruthTables::new(2);
        assert_eq!(t.knight[0][0] & 0b1111, 0b0011);
        assert_eq!(t.knight[1][0] & 0b1111, 0b0101);
        // A: "B is a knave", B: "A is a knight": a knight A makes B a knave
        // who tells the truth, a knave A makes B a knight who lies.
        let s = [Statement::Knight(false, 1), Statement::Knight(true, 0)];
        assert_eq!(t.unique_solution(&s), None);
        // A: "B is a knave", B: "A is a knave": either one is the knight.
        let s = [Statement::Knight(false, 1), Statement::Knight(false, 0)];
        assert_eq!(t.unique_solution(&s), None);
        // A: "A and B are knights", B: "A is a knave": A knave, B knight.
        let s = [
            Statement::And(vec![Statement::Knight(true, 0), Statement::Knight(true, 1)]),
            Statement::Knight(false, 0),
        ];
        assert_eq!(t.unique_solution(&s), Some(vec![false, true]));

        // Eight people, 256 assignments in four words: each vouches for the
        // next, so all are alike; the last one's claim settles which.
        let t = TruthTables::new(8);
        let mut s: Vec<Statement> = (0..8)
            .map(|j| Statement::Knight(true, (j + 1) % 8))
            .collect();
        assert_eq!(t.unique_solution(&s), None);
        // "A is a knight or I am a knave": true of every knight, so all knights
        // (the first assignment, bit 0).
        s[7] = Statement::Or(vec![
            Statement::Knight(true, 0),
            Statement::Knight(false, 7),
        ]);
        assert_eq!(t.unique_solution(&s), Some(vec![true; 8]));
        // "A is a knight and a knave": false, so all knaves (the last, bit 255).
        s[7] = Statement::And(vec![
            Statement::Knight(true, 0),
            Statement::Knight(false, 0),
        ]);
        assert_eq!(t.unique_solution(&s), Some(vec![false; 8]));
        // "if A is a knight then A is a knave" is "A is a knave": none.
        s[7] = Statement::Implies(
            Box::new(Statement::Knight(true, 0)),
            Box::new(Statement::Knight(false, 0)),
        );
        assert_eq!(t.unique_solution(&s), None);
        // "A is a knight iff A is a knave" is false: all knaves again.
        s[7] = Statement::Iff(
            Box::new(Statement::Knight(true, 0)),
            Box::new(Statement::Not(Box::new(Statement::Knight(true, 0)))),
        );
        assert_eq!(t.unique_solution(&s), Some(vec![false; 8]));
    }

    #[test]
    fn scoring_matches_the_reference() {
        let ds = dataset(&INFO, json!({"n_people": 3, "seed": 5}));
        let mut item = ds.get(0).unwrap();
        item.answer = "Emma is a knight, Liam is a knave, and Noah is a knight.".into();
        let two_of_three = 0.3 + (0.7 * 2.0 / 3.0);
        assert_eq!(two_of_three, 0.7666666666666666);
        // Scores from the reference's score_answer.
        for (answer, score) in [
            (
                "Emma is a knight, Liam is a knave, and Noah is a knight.",
                1.0,
            ),
            (
                "noah is a knight and liam: knave (emma is a knight)",
                two_of_three,
            ),
            (
                "noah is a knight and liam is a KNAVE (emma is a knight)",
                1.0,
            ),
            (
                "Emma is a knight, Liam is a knight, and Noah is a knight.",
                two_of_three,
            ),
            ("Emma is a knight, Liam is a knave.", 0.0),
            ("Emma is a knave, Liam is a knight, Noah is a knave", 0.0),
            ("knight and knave", 0.0),
            // Stripped first, so the leading "and" survives as a name.
            (" and knight emma knight liam knave noah knight", 0.0),
            ("\u{1680}and knight, Emma knight, Liam knave", two_of_three),
            (
                "Emma\u{1c}is a knight, Liam is a knave, and Noah is a knight, Zed is a fool",
                0.0,
            ),
            ("EMMA IS A KNIGHT LIAM IS A KNAVE NOAH IS A KNIGHT", 1.0),
            (
                "Emma is a knight, Liam is a knave, and and Noah is a knight.",
                1.0,
            ),
            ("", 0.0),
        ] {
            assert_eq!(ds.score(Some(answer), &item), score, "{answer:?}");
        }
        assert_eq!(ds.score(None, &item), 0.0);
        // Hostile answers stay linear.
        assert_eq!(
            ds.score(Some(&"Emma is a knight ".repeat(60_000)), &item),
            0.0
        );
        assert_eq!(ds.score(Some(&"(".repeat(1_000_000)), &item), 0.0);
    }
}
