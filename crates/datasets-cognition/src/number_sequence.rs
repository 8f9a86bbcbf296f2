//! `number_sequence`: continue a sequence built by a random chain of operations
//! (reasoning-gym's `cognition/number_sequences.py`).

use dataset_core::config::count;
use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Random, Result, Seed,
};
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "number_sequence",
    category: "cognition",
    description: "Generates number sequence completion tasks with dynamic pattern generation",
    config_class: "NumberSequenceConfig",
    build,
};

/// The `Operation` enum in definition order (`rng.choice(list(Operation))`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Op {
    Add,
    Multiply,
    Square,
    Double,
    Half,
    PrevPlus,
    /// Listed in the enum but never implemented: a no-op.
    Alternate,
    /// Composes sub-rules, of which generated rules have none: a no-op.
    Compose,
}

const OPS: [Op; 8] = [
    Op::Add,
    Op::Multiply,
    Op::Square,
    Op::Double,
    Op::Half,
    Op::PrevPlus,
    Op::Alternate,
    Op::Compose,
];

/// `is_interesting`'s `max_value` (its default, not the config's `max_value`).
const MAX_ABS: i64 = 1000;

struct Rule {
    ops: Vec<(Op, i64)>,
}

impl Rule {
    /// The next term after `seq[pos]`, or `None` when it will exceed [`MAX_ABS`].
    ///
    /// Python computes the term exactly, and squaring makes it grow doubly
    /// exponentially (one reference item spends 20 s on it) only for the
    /// sequence to be rejected. Every operation left can shrink `|x|` to no less
    /// than `|x| / 2 - 1000` (halving, or adding a previous term, which is at most
    /// 1000 since earlier terms passed), so once `|x| >= 2^(remaining + 12)` the
    /// term ends above 2094 and the sequence is rejected: we stop there, which
    /// also keeps every intermediate value below `2^(2 * remaining + 24)`.
    fn apply(&self, seq: &[i64], pos: usize) -> Option<i64> {
        let mut x = BigInt::from(seq[pos]);
        let n = self.ops.len();
        for (j, &(op, param)) in self.ops.iter().enumerate() {
            if x.bits() > (n - j) as u64 + 12 {
                return None;
            }
            match op {
                Op::Add => x += param,
                Op::Multiply => x *= param,
                Op::Square => x = &x * &x,
                Op::Double => x *= 2,
                Op::Half => x = x.div_floor(&BigInt::from(2)),
                Op::PrevPlus if pos > 0 => x += seq[pos - 1],
                Op::PrevPlus | Op::Alternate | Op::Compose => {}
            }
        }
        x.to_i64().filter(|v| v.abs() <= MAX_ABS)
    }

    fn describe(&self) -> String {
        self.ops
            .iter()
            .filter_map(|&(op, param)| match op {
                Op::Add => Some(format!("add {param}")),
                Op::Multiply => Some(format!("multiply by {param}")),
                Op::Square => Some("square".into()),
                Op::Double => Some("double".into()),
                Op::Half => Some("halve".into()),
                Op::PrevPlus => Some("add previous".into()),
                Op::Alternate | Op::Compose => None,
            })
            .collect::<Vec<_>>()
            .join(" then ")
    }
}

struct NumberSequence {
    seed: Seed,
    min_terms: i64,
    max_terms: i64,
    max_complexity: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let min_terms = r.int("min_terms", 4);
    let max_terms = r.int("max_terms", 8);
    // Validated but never used by the reference generator.
    let min_value = r.int("min_value", -100);
    let max_value = r.int("max_value", 100);
    let max_complexity = r.int("max_complexity", 3);
    let v = r.finish()?;
    let d = NumberSequence {
        seed: p.seed,
        min_terms,
        max_terms,
        max_complexity,
    };
    v.ensure(
        d.min_terms >= 4,
        "need at least 4 terms to establish pattern",
    )?;
    // The last three asserts carry no message in the reference.
    v.ensure(d.max_terms >= d.min_terms, "max_terms must be >= min_terms")?;
    v.ensure(max_value > min_value, "max_value must be > min_value")?;
    v.ensure(d.max_complexity >= 1, "max_complexity must be >= 1")?;
    // Each of the (up to 10) rules tried applies its up to `max_complexity + 1`
    // operations to each of `max_terms` terms.
    v.ensure_item_size(
        count(d.max_terms).saturating_mul(count(d.max_complexity)),
        "max_terms * max_complexity",
    )?;
    v.done(d)
}

fn generate_rule(rng: &mut Random, complexity: i64) -> Result<Rule> {
    let num_ops = rng.randint(1, complexity + 1)?;
    let mut ops = Vec::with_capacity(num_ops as usize);
    for _ in 0..num_ops {
        let op = *rng.choice(&OPS)?;
        let param = if matches!(op, Op::Add | Op::Multiply) {
            let mut p = 0;
            while p == 0 {
                p = rng.randint(-10, 10)?;
            }
            p
        } else {
            0
        };
        ops.push((op, param));
    }
    Ok(Rule { ops })
}

/// The terms, or `None` when `is_interesting` would reject them.
fn run(rule: &Rule, start: i64, num_terms: usize, complexity: i64) -> Option<Vec<i64>> {
    let mut seq = Vec::with_capacity(num_terms.min(1 << 12) + 1);
    seq.push(start);
    for i in 0..num_terms {
        let next = rule.apply(&seq, i)?;
        seq.push(next);
    }
    if seq.iter().all(|&x| x == seq[0]) {
        return None;
    }
    if complexity > 1 {
        let d0 = seq[1] - seq[0];
        if seq.windows(2).all(|w| w[1] - w[0] == d0) {
            return None;
        }
    }
    Some(seq)
}

impl Dataset for NumberSequence {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let complexity = rng.randint(1, self.max_complexity)?;
        let mut found = None;
        let mut num_terms = 0;
        for _ in 0..10 {
            let rule = generate_rule(&mut rng, complexity)?;
            num_terms = rng.randint(self.min_terms, self.max_terms)?;
            let start = rng.randint(-10, 10)?;
            if let Some(seq) = run(&rule, start, num_terms as usize, complexity) {
                found = Some((rule, seq));
                break;
            }
        }
        let (rule, sequence) = found.unwrap_or_else(|| {
            let rule = Rule {
                ops: vec![(Op::Add, 2)],
            };
            (rule, (0..=num_terms).map(|i| i * 2).collect())
        });

        let (visible, last) = sequence.split_at(sequence.len() - 1);
        let mut question: Vec<String> = visible.iter().map(i64::to_string).collect();
        question.push("?".into());
        Ok(Item {
            question: question.join(", "),
            answer: last[0].to_string(),
            metadata: meta! {
                "rule" => rule.describe(),
                "complexity" => complexity,
                "sequence" => sequence,
                "difficulty" => json!({
                    "max_complexity": self.max_complexity,
                    "terms": [self.min_terms, self.max_terms],
                }),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the reference without the early rejection, for small rules.
    fn exact(rule: &Rule, seq: &[i64], pos: usize) -> BigInt {
        let mut x = BigInt::from(seq[pos]);
        for &(op, param) in &rule.ops {
            match op {
                Op::Add => x += param,
                Op::Multiply => x *= param,
                Op::Square => x = &x * &x,
                Op::Double => x *= 2,
                Op::Half => x = x.div_floor(&BigInt::from(2)),
                Op::PrevPlus if pos > 0 => x += seq[pos - 1],
                _ => {}
            }
        }
        x
    }

    #[test]
    fn early_rejection_never_changes_the_decision() {
        let mut rng = Random::new(7);
        for _ in 0..20_000 {
            let rule = generate_rule(&mut rng, 6).unwrap();
            let seq = [
                rng.randint(-1000, 1000).unwrap(),
                rng.randint(-1000, 1000).unwrap(),
            ];
            let want = exact(&rule, &seq, 1);
            let want = (want.abs() <= BigInt::from(MAX_ABS)).then(|| want.to_i64().unwrap());
            assert_eq!(rule.apply(&seq, 1), want);
        }
    }

    #[test]
    fn half_floors_like_python() {
        let rule = Rule {
            ops: vec![(Op::Half, 0)],
        };
        assert_eq!(rule.apply(&[-7], 0), Some(-4));
        assert_eq!(rule.apply(&[7], 0), Some(3));
    }
}
