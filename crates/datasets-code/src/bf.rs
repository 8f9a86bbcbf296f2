//! `bf`: what a Brainf*ck program, compiled from a small C-like one, prints.
//!
//! An item renders one of three BF-it templates (a wordle word to print, or a
//! counting loop whose only free parts are a few small integers), compiles it
//! with [`bfit`](crate::bfit) and runs the result with [`bfi`](crate::bfi) for
//! the answer. Every program the templates can produce compiles to the
//! reference's bytes: `scripts/vectors/bf_exhaustive.py` checks them all.

use dataset_core::{
    item_rng, meta, Built, ConfigReader, Dataset, DatasetError, DatasetInfo, Item, Params, Random,
    Result, Seed,
};
use serde_json::json;

use crate::{bfi, bfit};

pub const INFO: DatasetInfo = DatasetInfo {
    name: "bf",
    category: "code",
    description: "What a Brainf*ck program outputs",
    config_class: "BFConfig",
    build,
};

const PROMPT_TEMPLATES: [&str; 2] = [
    "This is a BF (Brainf*ck) computer program. What is the output?\n\n{bf_program}\n\nRespond only with the exact output of the program.",
    "Consider the following BF (Brainf*ck) code. What would it output?\n\n{bf_program}\n\nProvide only the exact output of the code.",
];

struct Bf {
    seed: Seed,
    difficulty: i64,
}

fn build(mut r: ConfigReader, p: Params) -> Result<Built> {
    let difficulty = r.int("difficulty", 1);
    let v = r.finish()?;
    v.ensure(difficulty > 0, "difficulty must be greater than 0")?;
    v.ensure(difficulty < 4, "difficulty must be less than 4")?;
    // Nothing scales with the config: every program is one of a fixed, small set.
    v.done(Bf {
        seed: p.seed,
        difficulty,
    })
}

/// `generate_bfit_code`: the template of `difficulty`, with its draws.
pub fn generate_bfit_code(difficulty: i64, rng: &mut Random) -> Result<String> {
    Ok(match difficulty {
        1 => {
            let word = rng.choice(rg_data::corpus::wordle_words())?;
            format!("\nint main() {{\n    print(\"{word}\");\n}}\n")
        }
        2 => {
            let x = rng.randint(1, 4)?;
            let y = rng.randint(1, 5)?;
            let target = x * y * rng.randint(1, 9)? + rng.randint(1, 9)?;
            loop_program(target, x, y, None)
        }
        _ => {
            let x = rng.randint(1, 7)?;
            let y = rng.randint(1, 9)?;
            let target = x * y * rng.randint(1, 9)? + rng.randint(1, 9)? + 50;
            let conditional = target - rng.randint(1, 40)?;
            loop_program(target, x, y, Some(conditional))
        }
    })
}

/// The loop of difficulties 2 (`y` added every pass) and 3 (`y` added once
/// `acc` passes `conditional`).
fn loop_program(target: i64, x: i64, y: i64, conditional: Option<i64>) -> String {
    let add_y = match conditional {
        None => "        acc = acc + y;\n".to_string(),
        Some(c) => format!(
            "        if (acc > {c}) {{\n            acc = acc + y;\n        }}\n"
        ),
    };
    format!(
        "\nint main() {{\n    int acc = 0;\n    int target = {target};\n    int x = {x};\n    int y = {y};\n    while (acc < target) {{\n        acc = acc + x;\n{add_y}    }}\n    printint(acc);\n}}\n"
    )
}

/// `compile_bfit_code_to_bf`: `Compiler.compile(bfit, optimize_code=True)`.
pub fn compile_bfit_code_to_bf(bfit_code: &str) -> Result<String> {
    bfit::compile(bfit_code).map_err(|e| DatasetError::Generation(format!("BF-it: {e}")))
}

impl Dataset for Bf {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let bfit_code = generate_bfit_code(self.difficulty, &mut rng)?;
        let bf_program = compile_bfit_code_to_bf(&bfit_code)?;
        let result = bfi::interpret(&bf_program)
            .map_err(|e| DatasetError::Generation(format!("bfi: {e}")))?;
        let question = rng
            .choice(&PROMPT_TEMPLATES)?
            .replace("{bf_program}", &bf_program);
        Ok(Item {
            question,
            answer: result,
            metadata: meta! {
                "bfit_code" => bfit_code,
                "bf_program" => bf_program,
                "difficulty" => json!({"difficulty": self.difficulty}),
            },
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dataset_core::testing::{dataset, refused};

    #[test]
    fn config_is_validated_as_the_reference() {
        assert_eq!(
            refused(&INFO, json!({"difficulty": 0})),
            "difficulty must be greater than 0"
        );
        assert_eq!(
            refused(&INFO, json!({"difficulty": 4})),
            "difficulty must be less than 4"
        );
    }

    #[test]
    fn answers_are_what_the_programs_compute() {
        for difficulty in 1..=3 {
            let ds = dataset(&INFO, json!({"seed": 7, "size": 20, "difficulty": difficulty}));
            for idx in 0..20 {
                let item = ds.get(idx).unwrap();
                let code = item.metadata["bfit_code"].as_str().unwrap();
                let expected = if difficulty == 1 {
                    code.split('"').nth(1).unwrap().to_string()
                } else {
                    run_template(code)
                };
                assert_eq!(item.answer, expected, "{code}");
            }
        }
    }

    /// The loop templates' meaning on 8-bit cells, read back from the code.
    fn run_template(code: &str) -> String {
        let num = |key: &str| -> u8 {
            let rest = &code[code.find(key).unwrap() + key.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            (digits.parse::<u32>().unwrap() % 256) as u8
        };
        let (target, x, y) = (num("target = "), num("x = "), num("y = "));
        let conditional = code.contains("if (").then(|| num("acc > "));
        let mut acc = 0u8;
        while acc < target {
            acc = acc.wrapping_add(x);
            if conditional.is_none_or(|c| acc > c) {
                acc = acc.wrapping_add(y);
            }
        }
        acc.to_string()
    }
}
