//! `propositional_logic`: premises built from random formulas; any conclusion
//! they entail is an answer. reasoning-gym's items have `answer: None`, and
//! `metadata.example_answer` is one conclusion its generator found (or, when
//! none of its 100 tries is valid and non-trivial, the first variable, which
//! need not follow: the reference's scorer gives such an example 0.05).
//!
//! The scorer parses the answer with the reference's `parse_expr`
//! (`parse.rs`), re-parses the premises from the metadata the same way, and
//! judges entailment and triviality (`entail.rs`): 1.0 for a valid,
//! non-trivial conclusion, 0.25 for a trivial one (a lone variable or a
//! tautology), 0.05 otherwise, 0.0 for a capital letter that is not one of
//! the item's variables, a text that does not parse, or past the work bounds.

mod entail;
mod formula;
mod parse;

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;

use entail::{Table, Verdict};
use formula::{Formula, Node, Op};
use parse::Names;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "propositional_logic",
    category: "logic",
    description: "Infer a conclusion that follows from propositional premises",
    config_class: "PropositionalLogicConfig",
    build,
};

const QUESTION_FORMAT: &str = "The following question is a propositional logic reasoning question.

In the question we provide a list of premises. The task is to infer a correct conclusion from the premise.

FORMAT INSTRUCTIONS:
- Return the conclusion logic statement, as your final answer.
- Use the following notation to denote symbols
    - OR = \u{2228}
    - AND = \u{2227}
    - IMPLIES = \u{2192}
    - IFF = \u{2194}
    - NOT = \u{00ac}

Here is the question:
";

/// `ord("P")`: variable `i` is `chr(ord("P") + i)`.
const FIRST_VARIABLE: u32 = 'P' as u32;

/// How many candidate conclusions `_find_valid_conclusion` draws.
const CONCLUSION_TRIES: u64 = 100;

struct PropositionalLogic {
    seed: Seed,
    min_vars: i64,
    max_vars: i64,
    min_statements: i64,
    max_statements: i64,
    min_complexity: i64,
    max_complexity: i64,
}

/// `2^k`, saturating.
fn pow2(k: i64) -> u128 {
    1u128
        .checked_shl(k.clamp(0, 127) as u32)
        .unwrap_or(u128::MAX)
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_vars = r.int("min_vars", 2);
    let max_vars = r.int("max_vars", 4);
    let min_statements = r.int("min_statements", 2);
    let max_statements = r.int("max_statements", 4);
    let min_complexity = r.int("min_complexity", 1);
    let max_complexity = r.int("max_complexity", 3);
    let v = r.finish()?;
    v.ensure(min_vars > 0, "min_vars must be positive")?;
    v.ensure(max_vars >= min_vars, "max_vars must be >= min_vars")?;
    v.ensure(min_statements > 0, "min_statements must be positive")?;
    v.ensure(
        max_statements >= min_statements,
        "max_statements must be >= min_statements",
    )?;
    v.ensure(min_complexity > 0, "min_complexity must be positive")?;
    v.ensure(
        max_complexity >= min_complexity,
        "max_complexity must be >= min_complexity",
    )?;
    v.ensure_item_size(count(max_vars), "max_vars")?;
    // A premise of depth d has at most 2^d - 1 nodes and 2^(d-1) variables.
    let nodes = count(max_statements).saturating_mul(pow2(max_complexity) - 1);
    v.ensure_item_size(nodes, "max_statements * (2^max_complexity - 1)")?;
    // The truth tables of `_find_valid_conclusion`: the premises' variables
    // and a candidate's (two at most), 64 rows to a word; the premises once,
    // then up to 100 candidates of a few nodes each.
    let leaves = count(max_statements).saturating_mul(pow2(max_complexity - 1));
    let columns = count(max_vars).min(leaves.saturating_add(2));
    let words = pow2(columns.min(127) as i64 - 6).max(1);
    v.ensure_item_size(
        words.saturating_mul(nodes.saturating_add(4 * CONCLUSION_TRIES as u128)),
        "2^min(max_vars, max_statements * 2^(max_complexity - 1) + 2) / 64 \
         * (max_statements * (2^max_complexity - 1) + 400) (the truth tables)",
    )?;
    v.done(PropositionalLogic {
        seed: p.seed,
        min_vars,
        max_vars,
        min_statements,
        max_statements,
        min_complexity,
        max_complexity,
    })
}

/// `chr(ord("P") + i)`.
fn variable(i: u32) -> char {
    char::from_u32(FIRST_VARIABLE + i).unwrap_or(char::REPLACEMENT_CHARACTER)
}

impl PropositionalLogic {
    /// `_generate_expression`: a random formula of depth `depth`, its
    /// variables numbered as in `variables`.
    fn generate_expression(
        &self,
        rng: &mut Random,
        num_vars: u64,
        depth: i64,
        f: &mut Formula,
    ) -> u32 {
        if depth <= 1 {
            // `rng.choice(variables)`
            let v = rng.randbelow(num_vars) as u32;
            return f.push(Node::Var(v));
        }
        // `rng.choice(list(Operator))`: AND, OR, NOT, IMPLIES, IFF.
        let op = match rng.randbelow(5) {
            0 => Op::And,
            1 => Op::Or,
            2 => {
                let inner = self.generate_expression(rng, num_vars, depth - 1, f);
                return f.push(Node::Not(inner));
            }
            3 => Op::Implies,
            _ => Op::Iff,
        };
        let left = self.generate_expression(rng, num_vars, depth - 1, f);
        let right = self.generate_expression(rng, num_vars, depth - 1, f);
        f.push(Node::Bin(op, left, right))
    }

    /// `_find_valid_conclusion`: the first of up to 100 simplified depth-2
    /// candidates that the premises entail and that is not trivial, else the
    /// first variable. Returns the candidate formula and its root.
    fn find_valid_conclusion(
        &self,
        rng: &mut Random,
        premises: &Formula,
        roots: &[u32],
        num_vars: u64,
    ) -> (Formula, u32) {
        // The premises' variables become table columns 0..k, a candidate's
        // new ones the next two.
        let mut columns: Vec<u32> = Vec::new();
        let column = |columns: &mut Vec<u32>, v: u32| match columns.iter().position(|&c| c == v) {
            Some(j) => j as u32,
            None => {
                columns.push(v);
                (columns.len() - 1) as u32
            }
        };
        let tabled = premises.renamed(|v| column(&mut columns, v));
        let k = columns.len() as u64;
        let table = Table {
            n: (k + 2).min(num_vars) as u32,
        };
        let mask = table.mask();
        let mut vals = Vec::new();
        let given: Vec<u64> = (0..table.words())
            .map(|word| {
                table.eval_word(&tabled, word, &mut vals);
                roots.iter().fold(mask, |acc, &r| acc & vals[r as usize])
            })
            .collect();
        for _ in 0..CONCLUSION_TRIES {
            let mut candidate = Formula::default();
            let root = self.generate_expression(rng, num_vars, 2, &mut candidate);
            let root = candidate.simplify(root);
            let mut own = columns.clone();
            let tabled = candidate.renamed(|v| column(&mut own, v));
            let (mut entailed, mut tautology) = (true, true);
            for (word, &g) in given.iter().enumerate() {
                table.eval_word(&tabled, word as u64, &mut vals);
                let c = vals[root as usize];
                entailed &= g & !c == 0;
                tautology &= c & mask == mask;
            }
            let is_var = matches!(candidate.node(root), Node::Var(_));
            if entailed && !(is_var || tautology) {
                return (candidate, root);
            }
        }
        let mut fallback = Formula::default();
        let root = fallback.push(Node::Var(0));
        (fallback, root)
    }
}

/// `str(expression)`.
fn to_str(f: &Formula, root: u32) -> String {
    let mut out = String::new();
    f.write(root, &variable, &mut out);
    out
}

impl Dataset for PropositionalLogic {
    fn answer_is_none(&self) -> bool {
        true
    }

    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let num_vars = rng.randint(self.min_vars, self.max_vars)? as u32;
        if FIRST_VARIABLE + num_vars > 0x11_0000 {
            return Err(DatasetError::Generation(
                "chr() arg not in range(0x110000)".into(),
            ));
        }
        if FIRST_VARIABLE + num_vars > 0xD800 {
            // Python makes such a variable a lone surrogate, which no JSON
            // text in UTF-8 carries.
            return Err(DatasetError::Generation(format!(
                "{num_vars} variables reach the surrogate code points (U+D800), which rgym cannot represent"
            )));
        }
        let variables: Vec<String> = (0..num_vars).map(|i| variable(i).to_string()).collect();
        let num_statements = rng.randint(self.min_statements, self.max_statements)?;
        let mut premises = Formula::default();
        let mut roots = Vec::new();
        for _ in 0..num_statements {
            let depth = rng.randint(self.min_complexity, self.max_complexity)?;
            roots.push(self.generate_expression(&mut rng, num_vars as u64, depth, &mut premises));
        }
        let (conclusion, root) =
            self.find_valid_conclusion(&mut rng, &premises, &roots, num_vars as u64);

        let premise_texts: Vec<String> = roots.iter().map(|&r| to_str(&premises, r)).collect();
        let mut question = String::from(QUESTION_FORMAT);
        question.push_str("Given:\n");
        for (i, premise) in premise_texts.iter().enumerate() {
            question.push_str(&format!("{}. {premise}\n.", i + 1));
        }
        question.push_str("What can we conclude from the above statements?");
        Ok(Item {
            question,
            // reasoning-gym gives no answer (None): any entailed conclusion is right.
            answer: String::new(),
            metadata: meta! {
                "premises" => premise_texts,
                "variables" => variables,
                "complexity" => conclusion.complexity(root),
                "example_answer" => to_str(&conclusion, root),
                "difficulty" => json!({
                    "vars": [self.min_vars, self.max_vars],
                    "statements": [self.min_statements, self.max_statements],
                    "complexity": [self.min_complexity, self.max_complexity],
                }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        answer
            .and_then(|answer| score_answer(answer, item))
            .unwrap_or(0.0)
    }
}

/// `score_answer`; `None` where the reference scores 0.0 or raises.
fn score_answer(answer: &str, item: &Item) -> Option<f64> {
    // `re.findall(r"([A-Z])", answer)`, each one of the item's variables.
    let mut capitals = [false; 26];
    for v in item.metadata.get("variables")?.as_array()? {
        if let [c @ b'A'..=b'Z'] = v.as_str()?.as_bytes() {
            capitals[(c - b'A') as usize] = true;
        }
    }
    if answer
        .bytes()
        .any(|b| b.is_ascii_uppercase() && !capitals[(b - b'A') as usize])
    {
        return None;
    }
    let mut f = Formula::default();
    let mut names = Names::default();
    let premises = item
        .metadata
        .get("premises")?
        .as_array()?
        .iter()
        .map(|p| parse::parse(p.as_str()?, &mut f, &mut names).ok())
        .collect::<Option<Vec<u32>>>()?;
    let conclusion = parse::parse(answer, &mut f, &mut names).ok()?;
    Some(
        match entail::judge(&f, names.len(), &premises, conclusion)? {
            Verdict::Valid => 1.0,
            Verdict::Trivial => 0.25,
            Verdict::Invalid => 0.05,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{accepted, dataset, refused};
    use std::time::{Duration, Instant};

    #[test]
    fn validate_refuses_as_python() {
        for (config, message) in [
            (json!({"min_vars": 0}), "min_vars must be positive"),
            (json!({"min_vars": 5}), "max_vars must be >= min_vars"),
            (
                json!({"min_statements": 0}),
                "min_statements must be positive",
            ),
            (
                json!({"min_statements": 5}),
                "max_statements must be >= min_statements",
            ),
            (
                json!({"min_complexity": 0}),
                "min_complexity must be positive",
            ),
            (
                json!({"min_complexity": 4}),
                "max_complexity must be >= min_complexity",
            ),
        ] {
            assert_eq!(refused(&INFO, config), message);
        }
        // The reference curriculum's highest levels.
        accepted(
            &INFO,
            json!({"min_vars": 10, "max_vars": 10, "min_statements": 10, "max_statements": 10,
                   "min_complexity": 5, "max_complexity": 5}),
        );
    }

    #[test]
    fn runaway_configs_are_refused_by_the_item_size() {
        for (config, what) in [
            (
                json!({"max_vars": 1_000_000_000}),
                "max_vars must be at most",
            ),
            (
                json!({"max_complexity": 40}),
                "max_statements * (2^max_complexity - 1) must be at most",
            ),
            // Few nodes, but premises over 2^15 variables: a table of 2^26 rows.
            (
                json!({"max_vars": 30, "max_statements": 8, "max_complexity": 13}),
                "(the truth tables) must be at most",
            ),
        ] {
            let message = refused(&INFO, config.clone());
            assert!(message.contains(what), "{config}: {message}");
        }
    }

    #[test]
    fn examples_and_premises_score_as_the_reference_says() {
        let ds = dataset(
            &INFO,
            json!({"max_vars": 6, "max_statements": 5, "max_complexity": 4}),
        );
        for idx in 0..200 {
            let item = ds.generate(idx).unwrap();
            let meta = &item.metadata;
            let example = meta.get("example_answer").unwrap().as_str().unwrap();
            let first = meta.get("variables").unwrap()[0].as_str().unwrap();
            let score = ds.score(Some(example), &item);
            if example == first {
                // The fallback: a lone variable, trivial when it follows.
                assert!(score == 0.25 || score == 0.05, "{idx}: {score}");
            } else {
                assert_eq!(score, 1.0, "{idx}: {example}");
            }
            for premise in meta.get("premises").unwrap().as_array().unwrap() {
                let score = ds.score(premise.as_str(), &item);
                assert!(score == 1.0 || score == 0.25, "{idx}: {premise}");
            }
            assert_eq!(ds.score(None, &item), 0.0);
            assert_eq!(ds.score(Some("A"), &item), 0.0);
            assert_eq!(ds.score(Some(" \n"), &item), 0.0);
        }
    }

    /// `answer` scored against an item over P and Q, and the time it took.
    fn timed(answer: &str) -> (f64, Duration) {
        let ds = dataset(&INFO, json!({"min_vars": 2, "max_vars": 2}));
        let item = ds.generate(0).unwrap();
        let t = Instant::now();
        let score = ds.score(Some(answer), &item);
        (score, t.elapsed())
    }

    #[test]
    fn hostile_answers_take_bounded_work() {
        let limit = Duration::from_secs(10);
        // Far past the reference's recursion limit, by ¬, parentheses and a chain.
        let nots = format!("{}P", "¬".repeat(1 << 21));
        let parens = format!("{}P{}", "(".repeat(1 << 21), ")".repeat(1 << 21));
        let chain = vec!["P"; 1 << 20].join(" ∧ ");
        // A balanced tree of 2^16 leaves: deep enough for nothing, and a tautology.
        let mut wide = "(P ∨ ¬P)".to_string();
        for _ in 0..16 {
            wide = format!("({wide} ∧ {wide})");
        }
        // Fresh variables: 60 fit the diagrams, 70 are more than any table holds.
        let fresh = |n: usize| (0..n).map(|i| format!("v{i}")).collect::<Vec<_>>();
        let sixty = format!("(P ∨ ¬P) ∨ {}", fresh(60).join(" ∨ "));
        let seventy = fresh(70).join(" ∨ ");
        // (a1 ∧ b1) ∨ ... ∨ (a20 ∧ b20) with every a before every b: its
        // diagram has 2^20 nodes, past the bounds, and so is its table.
        let named = |x: &str| (0..20).map(|i| format!("{x}{i}")).collect::<Vec<_>>();
        let pairs: Vec<String> = (0..20).map(|i| format!("(a{i} ∧ b{i})")).collect();
        let blowup = format!(
            "({} ∨ {}) → ({})",
            named("a").join(" ∨ "),
            named("b").join(" ∨ "),
            pairs.join(" ∨ ")
        );
        for (answer, want) in [
            (nots.as_str(), Some(0.0)),
            (parens.as_str(), Some(0.0)),
            (chain.as_str(), Some(0.0)),
            (wide.as_str(), Some(0.25)),
            (sixty.as_str(), Some(0.25)),
            (seventy.as_str(), Some(0.0)),
            (blowup.as_str(), Some(0.0)),
        ] {
            let (score, took) = timed(answer);
            if let Some(want) = want {
                assert_eq!(score, want, "{}", &answer[..40.min(answer.len())]);
            }
            assert!(
                took < limit,
                "{}: {took:?}",
                &answer[..40.min(answer.len())]
            );
        }
    }
}
