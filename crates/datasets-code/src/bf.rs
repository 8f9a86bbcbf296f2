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

/// A rendered template's free parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Template {
    /// Difficulty 1: `print("<word>");`.
    Print(&'static str),
    /// Difficulties 2 (no `conditional`: `y` is added every pass) and 3 (`y`
    /// is added once `acc` passes `conditional`).
    Loop {
        target: i64,
        x: i64,
        y: i64,
        conditional: Option<i64>,
    },
}

impl Template {
    /// The program text, as the reference's f-strings render it.
    pub fn code(&self) -> String {
        match self {
            Template::Print(word) => {
                format!("\nint main() {{\n    print(\"{word}\");\n}}\n")
            }
            Template::Loop {
                target,
                x,
                y,
                conditional,
            } => {
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
        }
    }

    /// Whether the compiled program runs forever. Its cells hold 8 bits, so
    /// `acc` can wrap past 255 back under `target` and the `while` never
    /// exits (difficulty 3 only, about 1 draw in 180: target 247, x 3, y 7,
    /// conditional 246 goes 246, 249, 0, ...); the reference then hangs in
    /// `bfi.interpret`. The loop's whole state is `acc`, one byte, so a loop
    /// still running after 256 passes has repeated a state and never ends.
    /// `scripts/vectors/bf_exhaustive.py` checks this against the compiled
    /// programs.
    pub fn never_ends(&self) -> bool {
        let Template::Loop {
            target,
            x,
            y,
            conditional,
        } = *self
        else {
            return false;
        };
        let byte = |v: i64| v.rem_euclid(256) as u8;
        let (target, x, y) = (byte(target), byte(x), byte(y));
        let conditional = conditional.map(byte);
        let mut acc = 0u8;
        for _ in 0..=256 {
            if acc >= target {
                return false;
            }
            acc = acc.wrapping_add(x);
            if conditional.is_none_or(|c| acc > c) {
                acc = acc.wrapping_add(y);
            }
        }
        true
    }
}

/// `generate_bfit_code`: the template of `difficulty`, with its draws.
pub fn generate_bfit_code(difficulty: i64, rng: &mut Random) -> Result<Template> {
    Ok(match difficulty {
        1 => Template::Print(rng.choice(rg_data::corpus::wordle_words())?),
        2 => {
            let x = rng.randint(1, 4)?;
            let y = rng.randint(1, 5)?;
            let target = x * y * rng.randint(1, 9)? + rng.randint(1, 9)?;
            Template::Loop {
                target,
                x,
                y,
                conditional: None,
            }
        }
        _ => {
            let x = rng.randint(1, 7)?;
            let y = rng.randint(1, 9)?;
            let target = x * y * rng.randint(1, 9)? + rng.randint(1, 9)? + 50;
            let conditional = target - rng.randint(1, 40)?;
            Template::Loop {
                target,
                x,
                y,
                conditional: Some(conditional),
            }
        }
    })
}

/// `compile_bfit_code_to_bf`: `Compiler.compile(bfit, optimize_code=True)`.
pub fn compile_bfit_code_to_bf(bfit_code: &str) -> Result<String> {
    bfit::compile(bfit_code).map_err(|e| DatasetError::Generation(format!("BF-it: {e}")))
}

impl Dataset for Bf {
    fn generate(&self, idx: u64) -> Result<Item> {
        let mut rng = item_rng(&self.seed, idx);
        let template = generate_bfit_code(self.difficulty, &mut rng)?;
        if template.never_ends() {
            return Err(DatasetError::Generation(format!(
                "the reference never finishes this item: its program loops forever, \
                 `acc` wrapping past 255 on 8-bit cells ({template:?})"
            )));
        }
        let bfit_code = template.code();
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
            let ds = dataset(
                &INFO,
                json!({"seed": 7, "size": 20, "difficulty": difficulty}),
            );
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

    #[test]
    fn programs_that_never_end_are_refused() {
        let hangs = Template::Loop {
            target: 247,
            x: 3,
            y: 7,
            conditional: Some(246),
        };
        assert!(hangs.never_ends());
        let ends = Template::Loop {
            target: 247,
            x: 3,
            y: 7,
            conditional: Some(245),
        };
        assert!(!ends.never_ends());
        // About one difficulty-3 item in 180 is refused, never a lower one.
        let ds = dataset(&INFO, json!({"seed": 3, "size": 3000, "difficulty": 3}));
        let refused: Vec<String> = (0..3000)
            .filter_map(|idx| ds.get(idx).err())
            .map(|e| e.to_string())
            .collect();
        assert!((5..40).contains(&refused.len()), "{}", refused.len());
        assert!(refused.iter().all(|e| e.contains("never finishes")));
        let ds = dataset(&INFO, json!({"seed": 3, "size": 3000, "difficulty": 2}));
        assert!((0..3000).all(|idx| ds.get(idx).is_ok()));
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
