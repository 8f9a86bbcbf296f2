//! `dice`: the probability of rolling at least a target total with a handful of dice.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use num_bigint::BigInt;
use num_integer::Integer;
use pycompat::{py_int_json, py_int_true_div};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "dice",
    category: "arithmetic",
    description: "Probability of rolling at least a total with several dice, as a reduced fraction",
    config_class: "DiceConfig",
    build,
};

struct Dice {
    seed: Seed,
    num_dice: i64,
    max_dice_size: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = Dice {
        seed: p.seed,
        num_dice: r.int("num_dice", 4),
        max_dice_size: r.int("max_dice_size", 20),
    };
    let v = r.finish()?;
    v.ensure(d.num_dice >= 1, "num_dice must be gte 1")?;
    v.ensure(d.max_dice_size >= 2, "max_dice_size must be gte 2")?;
    v.done(d)
}

struct Puzzle {
    dice: Vec<i64>,
    target: i64,
    num: BigInt,
    den: BigInt,
    probability: f64,
}

/// The largest total the exact count is run for. The reference's count costs
/// about (total)² / dice steps, so it could not finish far below this either.
const MAX_TOTAL: i64 = 1 << 20;

fn too_large() -> DatasetError {
    DatasetError::Generation(format!(
        "dice: the sum of the dice sizes exceeds {MAX_TOTAL}, too large to count exactly"
    ))
}

/// The number of ways to roll at least `target` (as an exact count, like the
/// reference's dynamic programme), and the number of outcomes.
/// `dice` are at least 2 and sum to at most [`MAX_TOTAL`].
fn count_ways(dice: &[i64], target: i64) -> (BigInt, BigInt) {
    let max_total: usize = dice.iter().map(|&d| d as usize).sum();
    // ways[s]: the rolls of the dice so far that total s.
    let mut ways = vec![BigInt::from(0); max_total + 1];
    ways[0] = BigInt::from(1);
    let mut reach = 0;
    for &sides in dice {
        let sides = sides as usize;
        let mut next = vec![BigInt::from(0); max_total + 1];
        // next[s] = ways[s-1] + ... + ways[s-sides], as a sliding window sum.
        let mut window = BigInt::from(0);
        for s in 1..=reach + sides {
            if s <= reach + 1 {
                window += &ways[s - 1];
            }
            if s > sides {
                window -= &ways[s - sides - 1];
            }
            next[s] = window.clone();
        }
        ways = next;
        reach += sides;
    }
    let total = dice.iter().fold(BigInt::from(1), |p, &d| p * d);
    let hits = ways.iter().skip(target.max(0) as usize).sum();
    (hits, total)
}

impl Dice {
    fn puzzle(&self, rng: &mut Random) -> Result<Puzzle> {
        // Every other die has at least 2 sides: fail before drawing thousands of them.
        if self.max_dice_size > MAX_TOTAL || self.num_dice > MAX_TOTAL / 2 {
            return Err(too_large());
        }
        let mut dice = vec![self.max_dice_size];
        for _ in 1..self.num_dice {
            dice.push(if self.max_dice_size > 2 {
                rng.randint(2, self.max_dice_size - 1)?
            } else {
                2
            });
        }
        dice.sort_unstable_by(|a, b| b.cmp(a));
        let min_total = self.num_dice;
        let max_total = dice
            .iter()
            .try_fold(0i64, |s, &d| s.checked_add(d))
            .filter(|&t| t <= MAX_TOTAL)
            .ok_or_else(too_large)?;
        let span = max_total - min_total;
        let target = rng.randint(min_total + span / 3, min_total + 2 * span / 3)?;
        let (ways, total) = count_ways(&dice, target);
        let common = ways.gcd(&total);
        let probability = py_int_true_div(&ways, &total).ok_or_else(too_large)?;
        Ok(Puzzle {
            dice,
            target,
            num: ways / &common,
            den: total / &common,
            probability,
        })
    }
}

impl Dataset for Dice {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let p = self.puzzle(&mut rng)?;
        let dice_str = p
            .dice
            .iter()
            .map(|s| format!("1d{s}"))
            .collect::<Vec<_>>()
            .join(", ");
        Ok(Item {
            question: format!(
                "I have these dice: {dice_str}. What are the odds of rolling {} or higher? \
                 (Assume that all dice are rolled at once, and that '1d6' represents one roll of \
                 a 6-sided dice.) Please respond with a reduced fraction representing the \
                 probability [ex., 1/60].",
                p.target
            ),
            answer: format!("{}/{}", p.num, p.den),
            metadata: meta! {
                "puzzle" => json!({
                    "dice_str": dice_str,
                    "target": p.target,
                    "num": py_int_json(&p.num),
                    "den": py_int_json(&p.den),
                    "probability": p.probability,
                }),
                "difficulty" => json!({
                    "num_dice": self.num_dice,
                    "max_dice_size": self.max_dice_size,
                }),
            },
        })
    }

    /// Exact match after lowercasing and dropping newlines.
    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        let norm = |s: &str| s.to_lowercase().replace('\n', "");
        match answer {
            Some(a) if norm(a) == norm(&item.answer) => 1.0,
            _ => 0.0,
        }
    }
}
