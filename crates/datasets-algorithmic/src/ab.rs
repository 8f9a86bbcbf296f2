//! `ab`: run a program of the A::B rewriting system to its normal form.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Result,
    Seed,
};
use serde_json::json;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "ab",
    category: "algorithmic",
    description: "Compute the final state of an A::B token rewriting program",
    config_class: "ABConfig",
    build,
};

/// In the order of the reference's `elements` list, which `choice` draws from.
const TOKENS: [&str; 4] = ["A#", "B#", "#A", "#B"];
const A_R: u8 = 0;
const B_R: u8 = 1;
const A_L: u8 = 2;
const B_L: u8 = 3;

/// The reference gives up on a program after this many rewrites.
const MAX_STEPS: usize = 100;

/// The reference retries until a program halts, forever if none ever does
/// (long programs almost never halt within `MAX_STEPS`). This bounds the
/// tokens drawn for one item, past which the item is reported as an error.
const MAX_TOKENS_PER_ITEM: u64 = 50_000_000;

struct Ab {
    seed: Seed,
    length: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let length = r.int("length", 10);
    let v = r.finish()?;
    v.ensure(length > 0, "length must be greater than 0")?;
    v.done(Ab {
        seed: p.seed,
        length,
    })
}

/// The normal form of `program`, or `None` if more than `MAX_STEPS - 1`
/// rewrites are needed. Rewriting always reduces the pair (length, number of
/// `X#`-before-`#Y` inversions), so no state repeats and the reference's loop
/// check never fires.
fn normal_form(mut program: Vec<u8>) -> Option<Vec<u8>> {
    // Everything before `from` is known to have no rewritable pair.
    let mut from = 0;
    for _ in 0..MAX_STEPS {
        let Some(i) = (from..program.len().saturating_sub(1))
            .find(|&i| program[i] <= B_R && program[i + 1] >= A_L)
        else {
            return Some(program);
        };
        match (program[i], program[i + 1]) {
            (A_R, A_L) | (B_R, B_L) => {
                program.drain(i..i + 2);
            }
            _ => program.swap(i, i + 1),
        }
        from = i.saturating_sub(1);
    }
    None
}

impl Dataset for Ab {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let length = self.length as u64;
        let mut drawn = 0u64;
        let (initial, last) = loop {
            drawn = drawn.saturating_add(length);
            if drawn > MAX_TOKENS_PER_ITEM {
                return Err(DatasetError::Generation(format!(
                    "no A::B program of length {length} halting within {MAX_STEPS} steps was found"
                )));
            }
            let program: Vec<u8> = (0..length)
                .map(|_| rng.randbelow(TOKENS.len() as u64) as u8)
                .collect();
            if let Some(last) = normal_form(program.clone()) {
                break (program, last);
            }
        };
        let show = |p: &[u8]| {
            p.iter()
                .map(|&t| TOKENS[t as usize])
                .collect::<Vec<_>>()
                .join(" ")
        };
        Ok(Item {
            question: format!(
                "A::B is a system with 4 tokens: `A#`, `#A`, `B#` and `#B`.\n\n\
                 An A::B program is a sequence of tokens. Example:\n\n    B# A# #B #A B#\n\n\
                 To *compute* a program, we must rewrite neighbor tokens, using the rules:\n\n    \
                 A# #A ... becomes ... nothing\n    A# #B ... becomes ... #B A#\n    \
                 B# #A ... becomes ... #A B#\n    B# #B ... becomes ... nothing\n\n\
                 In other words, whenever two neighbor tokens have their '#' facing each-other,\n\
                 they must be rewritten according to the corresponding rule.\n\n\
                 Now, consider the following program:\n\n{}\n\n\
                 Return the final state of the program.\n",
                show(&initial)
            ),
            answer: show(&last),
            metadata: meta! {
                "difficulty" => json!({ "length": self.length }),
            },
        })
    }

    fn score(&self, answer: Option<&str>, item: &Item) -> f64 {
        if answer == Some(item.answer.as_str()) {
            1.0
        } else {
            0.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hopeless_lengths_fail_instead_of_spinning() {
        let ab = Ab {
            seed: Seed::from(1u8),
            length: 100_000_000,
        };
        assert!(matches!(ab.generate(0), Err(DatasetError::Generation(_))));
    }

    #[test]
    fn normal_form_rewrites_the_first_pair_first() {
        // B# A# #B #A B#  ->  B# #B A# #A B#  ->  A# #A B#  ->  B#
        assert_eq!(normal_form(vec![B_R, A_R, B_L, A_L, B_R]), Some(vec![B_R]));
        assert_eq!(normal_form(vec![A_L, B_L, A_R]), Some(vec![A_L, B_L, A_R]));
    }
}
