//! `string_synthesis`: combine nine kinds of blocks by six rules until
//! nothing changes.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetInfo, Item, Params, Result, Seed,
};
use serde_json::json;

use crate::rule_runs::run_rules;

pub const INFO: DatasetInfo = DatasetInfo {
    name: "string_synthesis",
    category: "algorithmic",
    description: "Apply block-combining rules in order until no rule applies or a state repeats",
    config_class: "StringSynthesisConfig",
    build,
};

struct StringSynthesis {
    seed: Seed,
    min_initial_blocks: i64,
    max_initial_blocks: i64,
    max_iterations: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let d = StringSynthesis {
        seed: p.seed,
        min_initial_blocks: r.int("min_initial_blocks", 0),
        max_initial_blocks: r.int("max_initial_blocks", 5),
        max_iterations: r.int("max_iterations", 1_000),
    };
    let v = r.finish()?;
    v.ensure(
        0 <= d.min_initial_blocks,
        "min_initial_blocks must be non-negative",
    )?;
    v.ensure(
        d.min_initial_blocks <= d.max_initial_blocks,
        "min_initial_blocks must be less than or equal to max_initial_blocks",
    )?;
    v.ensure(0 < d.max_iterations, "max_iterations must be positive")?;
    v.done(d)
}

/// The first applicable rule, applied once, over counts
/// `[A] [B] [C] {A} {B} {C} (A) (B) (C)`.
fn apply_rule(mut c: [i64; 9]) -> [i64; 9] {
    const A_SQ: usize = 0;
    const B_SQ: usize = 1;
    const C_SQ: usize = 2;
    const A_CU: usize = 3;
    const B_CU: usize = 4;
    const C_CU: usize = 5;
    const A_RO: usize = 6;
    const B_RO: usize = 7;
    const C_RO: usize = 8;
    if c[A_SQ] >= 1 && c[B_SQ] >= 1 && c[C_SQ] >= 1 {
        c[A_SQ] -= 1;
        c[B_SQ] -= 1;
        c[C_SQ] -= 1;
        c[A_CU] += 1;
    } else if c[A_SQ] >= 1 && c[B_SQ] >= 1 {
        c[A_SQ] -= 1;
        c[B_SQ] -= 1;
        c[C_CU] += 1;
    } else if c[B_SQ] >= 1 && c[C_SQ] >= 1 {
        c[B_SQ] -= 1;
        c[C_SQ] -= 1;
        c[B_CU] += 1;
    } else if c[C_SQ] >= 2 {
        c[C_SQ] -= 2;
        c[C_CU] += 1;
    } else if c[A_CU] >= 1 && c[C_CU] >= 1 {
        c[A_CU] -= 1;
        c[C_CU] -= 1;
        c[A_RO] += 1;
        c[B_RO] += 1;
    } else if c[B_CU] >= 2 {
        c[B_CU] -= 2;
        c[C_RO] += 1;
    }
    c
}

impl Dataset for StringSynthesis {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let (lo, hi) = (self.min_initial_blocks, self.max_initial_blocks);
        let a = rng.randint(lo, hi)?;
        let b = rng.randint(lo, hi)?;
        let c = rng.randint(lo, hi)?;
        let states = run_rules([a, b, c, 0, 0, 0, 0, 0, 0], self.max_iterations, apply_rule);
        let answer = states[states.len() - 1];
        let answer_str = answer.map(|x| x.to_string()).join(" ");
        let max_iterations = self.max_iterations;
        let question = format!(
            "There are nine different blocks [A] [B] [C] {{A}} {{B}} {{C}} (A) (B) (C)
1. One [A], one [B], and one [C] can be combined to form one {{A}}.
2. One [A] and one [B] can be combined to form one {{C}}.
3. One [B] and one [C] can be combined to form one {{B}}.
4. Two [C] can be combined to form one {{C}}.
5. One {{A}} and one {{C}} can be combined to form one (A) and one (B).
6. Two {{B}} can be combined to form one (C).

Given a certain number of initial blocks, your job is to cycle through the rules 1-6 above, synthesizing new blocks until no more rules can be applied, or until a state (counts of each block type) is repeated.
In the case a state is repeated the answer is the state before the repetition!

The output should be the count of each block type after the rules have been applied in the order they are listed above.
For example 1 0 3 0 2 0 0 0 1 means that you have 1 [A] 0 [B] 3 [C] 0 {{A}} 2 {{B}} 0 {{C}} 0 (A) 0 (B) 1 (C).

Now, you have {a} [A], {b} [B], and {c} [C] blocks. Provide the count of each block type after applying the above rules.
Note: Apply the rules at most {max_iterations} times. If the rules cannot be applied anymore, or if you have reached the maximum number of iterations, stop and provide the current counts.
"
        );
        Ok(Item {
            question,
            answer: answer_str,
            metadata: meta! {
                "states" => states,
                "solution" => answer,
                "initial_blocks" => [a, b, c],
                "difficulty" => json!({
                    "initial_blocks": [self.min_initial_blocks, self.max_initial_blocks],
                }),
            },
        })
    }
}
